from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm

from portal import login_audit, login_throttle
from portal.client_ip import client_ip
from portal.models import LoginEventKind
from portal.recovery_codes import recovery_code_normalise


class ThrottledLoginForm(LoginForm):
    """Wagtail's sign-in form, refused for a while after too many failures for the same
    user name from the same address, or from the same address (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        ip = client_ip(self.request) if self.request else "unknown"
        if username and login_throttle.is_throttled(username, ip):
            login_audit.record(self.request, LoginEventKind.THROTTLED, username=username)
            minutes = max(1, settings.LOGIN_THROTTLE_WINDOW // 60)
            raise ValidationError(
                _(
                    "Too many failed sign-in attempts. For your security, sign-in is paused: "
                    "try again in %(minutes)s minutes."
                )
                % {"minutes": minutes},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            if username:
                login_throttle.record_failure(username, ip)
            raise
        login_throttle.record_success(username, ip)
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class VerifyForm(CodeForm):
    """The code of sign-in step two: an authenticator code (digits) or a recovery code
    (letters and digits, shown as two groups of four)."""

    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}
        ),
    )

    def clean_code(self):
        return recovery_code_normalise(self.cleaned_data["code"])
