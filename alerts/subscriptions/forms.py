"""Forms for citizens. They parse and validate; the services do the work."""

import base64
import binascii
import json
import re

from cryptography.hazmat.primitives.asymmetric import ec
from django import forms
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alerts.cap_vocab import Category
from alerts.models import Commune

from .addresses import normalise_email, normalise_phone
from .models import Language
from .push_endpoints import UNREADABLE as _UNREADABLE_PUSH
from .push_endpoints import push_endpoint_validate
from .services import PlaceData

# The endpoint (at most 1,000 characters) and two keys, with room for what browsers add
# (expirationTime); anything longer is not a browser's subscription.
MAX_PUSH_SUBSCRIPTION_LENGTH = 2000
_BASE64URL = re.compile(r"[A-Za-z0-9_-]{1,200}={0,2}")


class HoneypotMixin(forms.Form):
    # Hidden from people by CSS and aria-hidden; bots fill in every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))


def _base64url_bytes(value) -> bytes | None:
    """The bytes of a base64url text (padding optional), None when it is not one."""
    if not isinstance(value, str) or not _BASE64URL.fullmatch(value):
        return None
    stripped = value.rstrip("=")
    try:
        return base64.urlsafe_b64decode(stripped + "=" * (-len(stripped) % 4))
    except (ValueError, binascii.Error):
        return None


def _push_keys(keys) -> dict[str, str]:
    """The subscription's keys when they are what RFC 8291 needs: p256dh an uncompressed
    P-256 point on the curve (65 bytes), auth a 16-byte secret."""
    if not isinstance(keys, dict):
        raise forms.ValidationError(_UNREADABLE_PUSH, code="unreadable")
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    raw_key = _base64url_bytes(p256dh)
    point_ok = raw_key is not None and len(raw_key) == 65 and raw_key[0] == 4
    if point_ok:
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw_key)
        except ValueError:
            point_ok = False
    if not point_ok:
        raise forms.ValidationError(
            _(
                "The browser gave a notification key that is not valid. "
                "Turn notifications off and on again in this browser."
            ),
            code="bad_p256dh",
        )
    raw_auth = _base64url_bytes(auth)
    if raw_auth is None or len(raw_auth) != 16:
        raise forms.ValidationError(
            _(
                "The browser gave a notification secret that is not valid. "
                "Turn notifications off and on again in this browser."
            ),
            code="bad_auth",
        )
    return {"p256dh": p256dh, "auth": auth}


def parse_push_subscription(raw: str) -> dict | None:
    if not raw:
        return None
    if len(raw) > MAX_PUSH_SUBSCRIPTION_LENGTH:
        raise forms.ValidationError(_UNREADABLE_PUSH, code="unreadable")
    try:
        data = json.loads(raw)
        endpoint = data["endpoint"]
        keys = data["keys"]
    except (ValueError, KeyError, TypeError):
        raise forms.ValidationError(_UNREADABLE_PUSH, code="unreadable") from None
    endpoint = push_endpoint_validate(endpoint)
    return {"endpoint": endpoint, "keys": _push_keys(keys)}


class PlaceFieldsMixin(forms.Form):
    whole_region = forms.BooleanField(
        required=False, label=_("The whole Brussels-Capital Region (all 19 communes)")
    )
    communes = forms.ModelMultipleChoiceField(
        queryset=Commune.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Communes"),
    )
    latitude = forms.FloatField(
        required=False, min_value=50.7, max_value=51.0, widget=forms.HiddenInput
    )
    longitude = forms.FloatField(
        required=False, min_value=4.2, max_value=4.5, widget=forms.HiddenInput
    )

    def clean(self):
        cleaned = super().clean()
        has_point = cleaned.get("latitude") is not None and cleaned.get("longitude") is not None
        if not (cleaned.get("whole_region") or cleaned.get("communes") or has_point):
            self.add_error(
                "communes",
                _("Choose at least one commune, the whole region, or share your location."),
            )
        return cleaned

    def place_data(self, label: str = "") -> PlaceData:
        cleaned = self.cleaned_data
        has_point = cleaned.get("latitude") is not None and cleaned.get("longitude") is not None
        return PlaceData(
            label=cleaned.get("label", label) or label,
            whole_region=bool(cleaned.get("whole_region")),
            communes=list(cleaned.get("communes") or []),
            latitude=cleaned.get("latitude") if has_point else None,
            longitude=cleaned.get("longitude") if has_point else None,
        )


def _topics_field():
    return forms.MultipleChoiceField(
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
        initial=list(Category.values),
    )


def _language_choices():
    """Each language named in itself, marked with its language (read as such by screen
    readers on a page in another language). The names are ours (Language), not input."""
    return [
        (code, format_html('<span lang="{}">{}</span>', code, name))
        for code, name in Language.choices
    ]


def _language_field():
    return forms.ChoiceField(
        choices=_language_choices, widget=forms.RadioSelect, label=_("Language of messages")
    )


class SubscribeForm(HoneypotMixin, PlaceFieldsMixin):
    email = forms.CharField(
        required=False,
        max_length=254,
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        required=False,
        max_length=32,
        label=_("Mobile phone number (SMS)"),
        help_text=_("Belgian numbers as 0470 12 34 56; foreign numbers with + and country code."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    push_subscription = forms.CharField(required=False, widget=forms.HiddenInput)
    language = _language_field()
    topics = _topics_field()
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that LUX response keeps these details to send me alerts, until I unsubscribe."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or "fr")[:2]
        self.fields["language"].initial = language if language in Language.values else Language.FR

    def clean_email(self):
        value = self.cleaned_data.get("email", "")
        return normalise_email(value) if value.strip() else ""

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "")
        return normalise_phone(value) if value.strip() else ""

    def clean_push_subscription(self):
        return parse_push_subscription(self.cleaned_data.get("push_subscription", ""))

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors.get("email")
            and not self.errors.get("phone")
            and not self.errors.get("push_subscription")
            and not (
                cleaned.get("email") or cleaned.get("phone") or cleaned.get("push_subscription")
            )
        ):
            raise forms.ValidationError(
                _(
                    "Give an email address, a mobile number, or turn on notifications in "
                    "this browser: at least one way to reach you."
                )
            )
        return cleaned


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        label=_("6-digit code"),
        error_messages={"invalid": _("The code has 6 digits.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": 8}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class ManageAccessForm(HoneypotMixin):
    address = forms.CharField(
        max_length=254,
        label=_("Your email address or mobile number"),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )

    def clean_address(self):
        value = self.cleaned_data["address"].strip()
        if "@" in value:
            self.channel = "email"
            return normalise_email(value)
        self.channel = "sms"
        return normalise_phone(value)


class PreferencesForm(forms.Form):
    language = _language_field()
    topics = _topics_field()


class PlaceForm(PlaceFieldsMixin):
    label = forms.CharField(required=False, max_length=80, label=_("Name of this place"))

    def clean(self):
        if self.cleaned_data.get("DELETE"):
            return self.cleaned_data
        return super().clean()


PlaceFormSet = forms.formset_factory(
    PlaceForm, extra=1, can_delete=True, min_num=1, validate_min=True, max_num=10
)


class AddChannelForm(HoneypotMixin):
    email = SubscribeForm.base_fields["email"]
    phone = SubscribeForm.base_fields["phone"]
    push_subscription = forms.CharField(required=False, widget=forms.HiddenInput)

    clean_email = SubscribeForm.clean_email
    clean_phone = SubscribeForm.clean_phone
    clean_push_subscription = SubscribeForm.clean_push_subscription


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        required=True, label=_("Yes, delete everything you hold about me.")
    )
