from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from alerts import admin_urls, roles
from alerts.models import AlertTemplate


@hooks.register("register_admin_urls")
def register_alert_urls():
    return [path("alerts/", include(admin_urls, namespace="alerts_admin"))]


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
