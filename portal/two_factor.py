"""Two-factor authentication (TOTP or a passkey, django-otp) for the people who can warn the public.

Members of the alert groups and superusers must verify a second factor in their session
before they reach any page of the admin; the alert services refuse them as well
(`second_factor_refusal`), so the rule holds even if a view forgets it. Other editors are
not forced. A user without a confirmed device is sent to the set-up page, which stays closed
to a password alone: it opens with an enrolment link (portal.enrolment) or from a session
already verified with another factor. Recovery codes (portal.recovery_codes) verify a
session when the authenticator is out of reach.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from alerts import roles

ADMIN_PREFIX = "/admin/"
# The enrolment link's page: opened before any factor is verified, by a user who has none.
ENROLMENT_PREFIX = "/admin/2fa/enrol/"


def requires_second_factor(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or roles.has_alert_role(user)


def is_verified(user) -> bool:
    """True when this request's user verified a device in this session (OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def second_factor_refusal(user) -> str:
    """Why `user`, coming from a web request, may not act yet (empty when they may).

    Only users that went through OTPMiddleware carry `is_verified`; accounts loaded by
    tasks, commands or the token-authenticated import carry none and are not concerned.
    """
    if getattr(user, "is_verified", None) is None or not requires_second_factor(user):
        return ""
    if is_verified(user):
        return ""
    return _("Verify your second factor (authenticator code) before working on alerts.")


def _exempt_paths() -> tuple[str, ...]:
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("two_factor_verify"),
        reverse("two_factor_setup"),
        reverse("wagtailadmin_javascript_catalog"),
        # The icons, fetched by every admin page's script: redirected, the page itself would
        # be inserted into the page a second time.
        reverse("wagtailadmin_sprite"),
        # Signing in with a passkey happens before the session is verified; adding one
        # (registration) does not, and stays behind this middleware.
        reverse("otp_webauthn:credential-authentication-begin"),
        reverse("otp_webauthn:credential-authentication-complete"),
        reverse("otp_webauthn:js-i18n-catalog"),
    )


class TwoFactorMiddleware:
    """Sends a user who needs a second factor and has not verified one in this session
    from any admin page to the verification (or set-up) page. POSTs are refused the same
    way, so nothing changes. Install after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(ADMIN_PREFIX)
            and request.path not in _exempt_paths()
            and not request.path.startswith(ENROLMENT_PREFIX)
            and requires_second_factor(request.user)
            and not is_verified(request.user)
        ):
            target = "two_factor_verify"
            if not user_has_device(request.user, confirmed=True):
                target = "two_factor_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)


def issuer() -> str:
    return getattr(settings, "OTP_TOTP_ISSUER", "LUX response")
