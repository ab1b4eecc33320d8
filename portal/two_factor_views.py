"""Sign-in step two: enter the authenticator code, or set up the authenticator once."""

import base64
import io
from urllib.parse import urlencode

import django_otp
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from portal import login_audit
from portal.forms import CodeForm
from portal.models import LoginEventKind
from portal.passkeys import user_has_passkey

DEVICE_NAME = "authenticator"


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


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Enter the current code of a confirmed device."""
    if not django_otp.user_has_device(request.user, confirmed=True):
        return _go("two_factor_setup", request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            login_audit.record(request, LoginEventKind.SECOND_FACTOR, username=request.user)
            return redirect(_next_url(request))
        login_audit.record(request, LoginEventKind.SECOND_FACTOR_FAILED, username=request.user)
        form.add_error("code", _("This code is not valid. Wait for the next one and try again."))
    return _render(
        request,
        "portal/two_factor/verify.html",
        form,
        has_passkey=user_has_passkey(request.user),
    )


def _qr_data_uri(text: str) -> str:
    out = io.BytesIO()
    write_qrcode_image(text, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """First sign-in of someone who needs a second factor: show the secret (QR code and
    text) of a new, unconfirmed TOTP device; the first valid code confirms it. Once a
    device is confirmed this page is closed (a superuser removes a lost device)."""
    if django_otp.user_has_device(request.user, confirmed=True):
        return _go("two_factor_verify", request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            login_audit.record(request, LoginEventKind.SECOND_FACTOR_SETUP, username=request.user)
            return redirect(_next_url(request))
        login_audit.record(request, LoginEventKind.SECOND_FACTOR_FAILED, username=request.user)
        form.add_error("code", _("This code is not valid. Check the time of your phone."))
    secret = base64.b32encode(device.bin_key).decode()
    return _render(
        request,
        "portal/two_factor/setup.html",
        form,
        secret=secret,
        otpauth_uri=device.config_url,
        qr_data_uri=_qr_data_uri(device.config_url),
    )
