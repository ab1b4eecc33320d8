from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from alerts import admin_urls, roles
from alerts.models import AlertTemplate


def refuse_in_the_users_language(view):
    """The composer's refusals, said in the admin user's language with their reason.

    Wagtail runs each admin view inside the user's language and turns a PermissionDenied
    into its generic message only after leaving it, so a French user read "Sorry, you do
    not have permission to access this area." in their browser's language; here the
    refusal is said while the user's language is still active."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                raise
            messages.error(
                request,
                str(refusal) or gettext("Sorry, you do not have permission to access this area."),
            )
            return redirect("wagtailadmin_home")

    return wrapped


@hooks.register("register_admin_urls")
def register_alert_urls():
    patterns = decorate_urlpatterns(list(admin_urls.urlpatterns), refuse_in_the_users_language)
    return [path("alerts/", include((patterns, admin_urls.app_name), namespace="alerts_admin"))]


class AlertMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_alert_role(request.user)


@hooks.register("register_admin_menu_item")
def register_alert_menu_item():
    return AlertMenuItem(_("Alerts"), reverse("alerts_admin:index"), icon_name="warning", order=150)


class AlertTemplateViewSet(SnippetViewSet):
    model = AlertTemplate
    icon = "doc-full"
    menu_label = _("Alert templates")
    list_display = ["__str__", "category", "severity"]


register_snippet(AlertTemplateViewSet)
