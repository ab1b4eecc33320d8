import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.subscriptions.addresses import normalise_email, normalise_phone, phone_prefix
from alerts.subscriptions.forms import SubscribeForm


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 (0)470/12.34.56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_mobile_numbers_become_e164(raw, e164):
    assert normalise_phone(raw) == e164


@pytest.mark.parametrize("raw", ["02 279 22 11", "12", "+32 470", "hello", "", "0800 12 345"])
def test_invalid_or_fixed_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        normalise_phone(raw)


def test_emails_are_trimmed_and_lowercased():
    assert normalise_email("  Anna.Peeters@Example.INVALID ") == "anna.peeters@example.invalid"
    for bad in ("anna", "a@", "@b.c", "a b@c.d", "x" * 250 + "@e.be"):
        with pytest.raises(ValidationError):
            normalise_email(bad)


def test_phone_prefix():
    assert phone_prefix("+32470123456", 6) == "324701"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_as_phone_is_a_number_or_a_validation_error(text):
    try:
        result = normalise_phone(text)
    except ValidationError:
        return
    assert result.startswith("+") and result[1:].isdigit()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | st.emails())
def test_any_text_as_email_is_an_address_or_a_validation_error(text):
    try:
        result = normalise_email(text)
    except ValidationError:
        return
    assert "@" in result and result == result.lower()


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(email=st.text(max_size=80), phone=st.text(max_size=40))
def test_the_form_never_raises_on_any_input(email, phone):
    form = SubscribeForm(
        {"email": email, "phone": phone, "communes": ["21004"], "language": "fr", "consent": "on"}
    )
    form.is_valid()  # no exception, whatever was typed
