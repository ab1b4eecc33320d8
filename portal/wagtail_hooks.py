from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.admin_views import LoginEventsView


@hooks.register("register_admin_urls")
def register_login_events_url():
    return [path("sign-ins/", LoginEventsView.as_view(), name="login_events")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_login_events_menu_item():
    return SuperuserMenuItem(
        _("Sign-in audit"), reverse("login_events"), icon_name="key", order=900
    )


@hooks.register("register_account_menu_item")
def register_passkeys_account_item(request):
    return {
        "url": reverse("two_factor_passkeys"),
        "label": _("Passkeys"),
        "help_text": _("Confirm your sign-in with a passkey instead of the authenticator code."),
    }
