"""Admin hooks of the feed relay: the external alerts list (alert roles) and the feeds'
configuration (a model viewset, Django permissions)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.utils.urlpatterns import decorate_urlpatterns

from alerts import roles
from alerts.relay import admin_urls
from alerts.relay.viewsets import ExternalFeedViewSet
from alerts.wagtail_hooks import refuse_in_the_users_language


@hooks.register("register_admin_urls")
def register_relay_urls():
    patterns = decorate_urlpatterns(list(admin_urls.urlpatterns), refuse_in_the_users_language)
    return [
        path(
            "external-alerts/",
            include((patterns, admin_urls.app_name), namespace="relay_admin"),
        )
    ]


class ExternalAlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_alert_role(request.user)


@hooks.register("register_admin_menu_item")
def register_external_alerts_menu_item():
    return ExternalAlertsMenuItem(
        _("External alerts"), reverse("relay_admin:index"), icon_name="link-external", order=151
    )


@hooks.register("register_admin_viewset")
def register_feed_viewset():
    return ExternalFeedViewSet()
