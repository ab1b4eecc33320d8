from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from portal.admin_views import UserSecondFactorView
from portal.two_factor import is_verified
from portal.viewsets import LoginEventViewSet


@hooks.register("register_admin_viewset")
def register_login_events_viewset():
    return LoginEventViewSet()


@hooks.register("register_admin_urls")
def register_user_second_factor_url():
    return [
        path(
            "second-factor/<int:user_id>/",
            UserSecondFactorView.as_view(),
            name="user_second_factor",
        )
    ]


@hooks.register("register_user_listing_buttons")
def user_second_factor_button(user, request_user):
    """In the users listing (More), the page where a superuser issues an enrolment link."""
    if request_user.is_superuser:
        yield Button(
            _("Second factor"),
            reverse("user_second_factor", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_account_menu_item")
def register_passkeys_account_item(request):
    return {
        "url": reverse("two_factor_passkeys"),
        "label": _("Passkeys"),
        "help_text": _("Confirm your sign-in with a passkey instead of the authenticator code."),
    }


@hooks.register("register_account_menu_item")
def register_recovery_codes_account_item(request):
    if not is_verified(request.user):
        return None
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("Recovery codes"),
        "help_text": _(
            "Codes to sign in when your authenticator is lost or out of reach; generate a new set."
        ),
    }
