"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor beside TOTP.

A passkey is a django-otp device: a session verified with one is `is_verified()`, so
TwoFactorMiddleware and the alert services accept it like a TOTP code. The package's API
views are narrowed here:

- authentication (begin/complete) only for a user already signed in with their password
  (passwordless sign-in is off), and audited like the TOTP code;
- registration only from a session already verified with a second factor, even for a user
  who has none yet (the package would let such a user register with a password alone);
- a page in the admin to add, list and remove one's own passkeys.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import login_audit
from portal.models import LoginEventKind
from portal.two_factor import is_verified


class PasswordFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "password_first"
    default_detail = _("Sign in with your password first.")


class _VerifiedSessionOnly:
    """Registration needs a session verified with a second factor, always."""

    def user_is_mfa_enrolled(self, user) -> bool:
        return True


class BeginRegistration(_VerifiedSessionOnly, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(_VerifiedSessionOnly, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        login_audit.record(self.request, LoginEventKind.PASSKEY_ADDED, username=self.request.user)
        return response


class _PasswordFirst:
    def check_can_authenticate(self):
        user = self.get_user()
        if user is None or not user.is_active:
            raise PasswordFirst()


class BeginAuthentication(_PasswordFirst, BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(_PasswordFirst, CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        super().complete_auth(device)
        login_audit.record(self.request, LoginEventKind.PASSKEY, username=self.request.user)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")

    def handle_exception(self, exc):
        user = self.request.user
        if user.is_authenticated and isinstance(exc, exceptions.OTPWebAuthnApiError):
            login_audit.record(self.request, LoginEventKind.PASSKEY_FAILED, username=user)
        return super().handle_exception(exc)


# The names the package's template tags and scripts expect (namespace otp_webauthn).
app_name = "otp_webauthn"
urlpatterns = [
    path(
        "registration/begin/",
        BeginRegistration.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginAuthentication.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]


def user_has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


@method_decorator(never_cache, name="dispatch")
@method_decorator(login_required(login_url="wagtailadmin_login"), name="dispatch")
class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """Add, list and remove one's own passkeys, from a verified session only."""

    template_name = "portal/two_factor/passkeys.html"
    page_title = _("Passkeys")
    header_icon = "key"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not is_verified(request.user):
            query = urlencode({"next": reverse("two_factor_passkeys")})
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        return super().dispatch(request, *args, **kwargs)

    def passkeys(self):
        return WebAuthnCredential.objects.filter(user=self.request.user).order_by("created_at")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "passkeys": self.passkeys()}

    def post(self, request):
        pk = request.POST.get("remove", "")
        removed, _detail = self.passkeys().filter(pk=int(pk) if pk.isdigit() else 0).delete()
        if removed:
            login_audit.record(request, LoginEventKind.PASSKEY_REMOVED, username=request.user)
        return redirect("two_factor_passkeys")
