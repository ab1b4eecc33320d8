import json

import pytest

from alerts.subscriptions.forms import ManageAccessForm, SubscribeForm
from tests.subscriptions.helpers import subscribe_data

pytestmark = pytest.mark.django_db


def test_at_least_one_channel_is_needed():
    form = SubscribeForm(subscribe_data())
    assert not form.is_valid()
    assert form.non_field_errors()


def test_a_place_is_needed():
    form = SubscribeForm(subscribe_data(email="a@example.invalid", communes=None))
    assert not form.is_valid() and "communes" in form.errors
    form = SubscribeForm(
        subscribe_data(email="a@example.invalid", communes=None, latitude="50.85", longitude="4.35")
    )
    assert form.is_valid(), form.errors


def test_a_location_outside_brussels_is_refused():
    form = SubscribeForm(
        subscribe_data(email="a@example.invalid", latitude="48.85", longitude="2.35")
    )
    assert not form.is_valid() and "latitude" in form.errors


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        json.dumps({"endpoint": "http://insecure.invalid/x", "keys": {"p256dh": "a", "auth": "b"}}),
        json.dumps({"endpoint": "https://push.invalid/x"}),
        json.dumps([1, 2]),
    ],
)
def test_bad_push_subscriptions_are_refused(raw):
    form = SubscribeForm(subscribe_data(push_subscription=raw))
    assert not form.is_valid() and "push_subscription" in form.errors


def test_consent_is_required():
    form = SubscribeForm(subscribe_data(email="a@example.invalid", consent=None))
    assert not form.is_valid() and "consent" in form.errors


def test_honeypot_is_detected():
    assert SubscribeForm(subscribe_data(website="x")).is_bot()
    assert not SubscribeForm(subscribe_data()).is_bot()


def test_manage_access_tells_email_from_phone():
    form = ManageAccessForm({"address": "A@Example.invalid"})
    assert form.is_valid() and form.channel == "email"
    assert form.cleaned_data["address"] == "a@example.invalid"
    form = ManageAccessForm({"address": "0470 99 00 50"})
    assert form.is_valid() and form.channel == "sms"
    assert form.cleaned_data["address"] == "+32470990050"
