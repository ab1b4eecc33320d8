"""Sign-in step two: enter the authenticator code (or a recovery code), set up an
authenticator, open an enrolment link, and see or renew one's recovery codes."""

import base64
import io
from urllib.parse import urlencode

import django_otp
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import enrolment, login_audit
from portal.forms import CodeForm, VerifyForm
from portal.models import LoginEventKind
from portal.passkeys import user_has_passkey
from portal.recovery_codes import (
    is_recovery_code,
    recovery_code_use,
    recovery_codes_issue,
    recovery_codes_remaining,
)
from portal.two_factor import is_verified

DEVICE_NAME = "authenticator"
# The set-up page was refused to this session once already (audited once, not at every
# admin page the middleware sends there).
SETUP_REFUSED_SESSION_KEY = "portal_setup_refused"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _go(name: str, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': _next_url(request)})}")


def _render(request, template, form, **context):
    return TemplateResponse(
        request, template, {"form": form, "next": _next_url(request), **context}
    )


def _match_authenticator(user, code: str):
    """The confirmed authenticator (TOTP) of `user` that accepts `code`, if any. Recovery
    codes are checked apart (portal.recovery_codes), so that a mistyped authenticator code
    never counts as a failure against them, nor the reverse."""
    with transaction.atomic():
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update()
        for device in devices:
            if device.verify_token(code):
                return device
    return None


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Enter the current code of a confirmed authenticator, or one of the recovery codes."""
    if not django_otp.user_has_device(request.user, confirmed=True):
        return _go("two_factor_setup", request)
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if is_recovery_code(code):
            device = recovery_code_use(request=request, user=request.user, code=code)
            if device is not None:
                django_otp.login(request, device)
                # Say how many codes are left, and offer a new authenticator or a new set.
                return _go("two_factor_recovery_codes", request)
            form.add_error(
                "code",
                _(
                    "This recovery code is not valid or was already used. Check it, or "
                    "enter the code of your authenticator app."
                ),
            )
        else:
            device = _match_authenticator(request.user, code)
            if device is not None:
                django_otp.login(request, device)
                login_audit.record(request, LoginEventKind.SECOND_FACTOR, username=request.user)
                return redirect(_next_url(request))
            login_audit.record(
                request,
                LoginEventKind.SECOND_FACTOR_FAILED,
                username=request.user,
                detail="authenticator code",
            )
            form.add_error(
                "code", _("This code is not valid. Wait for the next one and try again.")
            )
    return _render(
        request,
        "portal/two_factor/verify.html",
        form,
        has_passkey=user_has_passkey(request.user),
        enrolment_granted=enrolment.enrolment_granted(request),
    )


def _qr_data_uri(text: str) -> str:
    out = io.BytesIO()
    write_qrcode_image(text, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def _setup_closed(request):
    """The set-up page for a session that holds neither an enrolment link nor a verified
    factor: it explains and offers nothing to enrol."""
    if not request.session.get(SETUP_REFUSED_SESSION_KEY):
        request.session[SETUP_REFUSED_SESSION_KEY] = True
        login_audit.record(request, LoginEventKind.SETUP_REFUSED, username=request.user)
    return TemplateResponse(
        request, "portal/two_factor/setup_closed.html", {"next": _next_url(request)}, status=403
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Set up an authenticator: show the secret (QR code and text) of a new, unconfirmed
    TOTP device; the first valid code confirms it, and it replaces any earlier authenticator
    of the user (a lost phone stops working). Open only to a session that spent an
    enrolment link of its user, or that is verified with a factor already: a password alone
    never enrols anything. The first time, recovery codes are issued and shown once."""
    granted = enrolment.enrolment_granted(request)
    if not granted and not is_verified(request.user):
        if django_otp.user_has_device(request.user, confirmed=True):
            return _go("two_factor_verify", request)
        return _setup_closed(request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            return _setup_confirmed(request, device, granted=granted)
        login_audit.record(
            request,
            LoginEventKind.SECOND_FACTOR_FAILED,
            username=request.user,
            detail="authenticator set-up",
        )
        form.add_error("code", _("This code is not valid. Check the time of your phone."))
    secret = base64.b32encode(device.bin_key).decode()
    return _render(
        request,
        "portal/two_factor/setup.html",
        form,
        secret=secret,
        otpauth_uri=device.config_url,
        qr_data_uri=_qr_data_uri(device.config_url),
        first_device=granted and not django_otp.user_has_device(request.user, confirmed=True),
    )


def _setup_confirmed(request, device, *, granted: bool):
    user = request.user
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        replaced, _detail = (
            TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        )
    django_otp.login(request, device)
    enrolment.enrolment_finish(request)
    detail = "with an enrolment link" if granted else "from a verified session"
    if replaced:
        detail += f"; replaces {replaced} earlier authenticator(s)"
    login_audit.record(request, LoginEventKind.SECOND_FACTOR_SETUP, username=user, detail=detail)
    if recovery_codes_remaining(user):
        return redirect(_next_url(request))
    codes = recovery_codes_issue(request=request, user=user)
    return TemplateResponse(
        request,
        "portal/two_factor/recovery_codes_issued.html",
        {"codes": codes, "next": _next_url(request)},
    )


# Not 404 for an unknown link: LocaleMiddleware would answer a 404 outside the language
# prefixes with a redirect to the same path under /fr/.
ENROL_REFUSAL_STATUS = {
    enrolment.UNKNOWN: 410,
    enrolment.USED: 410,
    enrolment.EXPIRED: 410,
    enrolment.OTHER_ACCOUNT: 403,
}


def _enrol_refused(request, problem: str):
    return TemplateResponse(
        request,
        "portal/two_factor/enrol_refused.html",
        {"problem": problem},
        status=ENROL_REFUSAL_STATUS[problem],
    )


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request, token):
    """An enrolment link. Opening it never signs anyone in: an anonymous visitor is sent
    to the sign-in page and back; the signed-in owner confirms (POST, so that a page
    preview fetching the link spends nothing), and the session may then set up an
    authenticator. Another account's link is refused, and revoked."""
    link = enrolment.enrolment_link_find(token)
    problem = enrolment.enrolment_link_problem(link, request.user)
    if problem:
        enrolment.enrolment_link_refuse(request=request, link=link, problem=problem)
        return _enrol_refused(request, problem)
    if not request.user.is_authenticated:
        query = urlencode({"next": request.path})
        return redirect(f"{reverse('wagtailadmin_login')}?{query}")
    if request.method == "POST":
        if enrolment.enrolment_link_claim(request=request, link=link):
            return redirect(
                f"{reverse('two_factor_setup')}?{urlencode({'next': reverse('wagtailadmin_home')})}"
            )
        # Spent or expired between the page and the click.
        link.refresh_from_db()
        problem = enrolment.enrolment_link_problem(link, request.user) or enrolment.USED
        enrolment.enrolment_link_refuse(request=request, link=link, problem=problem)
        return _enrol_refused(request, problem)
    return TemplateResponse(
        request, "portal/two_factor/enrol.html", {"expires_at": link.expires_at}
    )


@method_decorator(never_cache, name="dispatch")
@method_decorator(login_required(login_url="wagtailadmin_login"), name="dispatch")
class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """How many recovery codes are left, and a new set on demand (the old set stops
    working; the new one is shown once, in the answer to the POST). From a verified
    session only. After signing in with a recovery code, the user lands here."""

    template_name = "portal/two_factor/recovery_codes.html"
    page_title = gettext_lazy("Recovery codes")
    header_icon = "key"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": gettext_lazy("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not is_verified(request.user):
            query = urlencode({"next": reverse("two_factor_recovery_codes")})
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "remaining": recovery_codes_remaining(user),
            "used_a_recovery_code": isinstance(getattr(user, "otp_device", None), StaticDevice),
            "next": _next_url(self.request),
        }

    def post(self, request):
        codes = recovery_codes_issue(request=request, user=request.user)
        return self.render_to_response(self.get_context_data(codes=codes))
