"""Admin hooks of the crisis centre's pages: find and mobilise partners, the common table
of each request with its CSV export (drill figures included)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.utils.urlpatterns import decorate_urlpatterns

from alerts import roles
from alerts.wagtail_hooks import refuse_in_the_users_language

from . import admin_urls


class MobilisationMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_alert_role(request.user)


@hooks.register("register_admin_urls")
def register_mobilisation_urls():
    patterns = decorate_urlpatterns(list(admin_urls.urlpatterns), refuse_in_the_users_language)
    return [
        path(
            "mobilisation/",
            include((patterns, admin_urls.app_name), namespace="mobilisation_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_mobilisation_menu_item():
    return MobilisationMenuItem(
        _("Mobilisation"), reverse("mobilisation_admin:index"), icon_name="group", order=152
    )
