"""Parsing and normalising what citizens type: email addresses and mobile numbers."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "BE"
MAX_EMAIL_LENGTH = 254
MAX_PHONE_LENGTH = 32
MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def normalise_email(value: str) -> str:
    """A valid email address, trimmed and lowercased; ValidationError otherwise."""
    value = (value or "").strip()
    if not value or len(value) > MAX_EMAIL_LENGTH:
        raise ValidationError(_("Enter a valid email address."), code="invalid_email")
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(_("Enter a valid email address."), code="invalid_email") from None
    return value.lower()


def normalise_phone(value: str, region: str = DEFAULT_REGION) -> str:
    """A valid mobile number in E.164 (+32470123456); Belgian by default, foreign numbers
    with their international prefix. ValidationError otherwise."""
    value = (value or "").strip()
    if not value or len(value) > MAX_PHONE_LENGTH:
        raise ValidationError(
            _("Enter a mobile phone number, for example 0470 12 34 56 or +32 470 12 34 56."),
            code="invalid_phone",
        )
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This is not a valid phone number. Check the digits and the country prefix."),
            code="invalid_phone",
        )
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(
            _("This number cannot receive text messages. Please enter a mobile number."),
            code="not_mobile",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_prefix(e164: str, digits: int) -> str:
    """The first `digits` digits after "+", for the per-prefix rate limit."""
    return e164.lstrip("+")[:digits]
