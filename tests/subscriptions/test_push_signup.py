"""Signing up for web push: what the form and the browser's JSON call accept (endpoints of
the push services only, real keys)."""

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.utils import translation

from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.forms import SubscribeForm
from alerts.subscriptions.models import ChannelName, ContactPoint
from tests.paths import path_in_lazy
from tests.subscriptions.helpers import browser_subscription, subscribe_data

SUBSCRIBE = path_in_lazy("fr", "subscriptions:subscribe")
PUSH_JSON = path_in_lazy("fr", "subscriptions:push_subscription")
CHANGE = "/webhooks/push/subscription-change"


@pytest.fixture(autouse=True)
def english():
    """The form's messages in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _form(subscription) -> SubscribeForm:
    return SubscribeForm(subscribe_data(push_subscription=json.dumps(subscription)))


# ------------------------------------------------------------------ endpoints


@pytest.mark.django_db
@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1:6379/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://fcm.googleapis.com@127.0.0.1/fcm/send/a",
        "https://evilfcm.googleapis.com.attacker.net/fcm/send/a",
        "https://example.invalid/anything",
    ],
)
def test_the_sign_up_form_refuses_an_endpoint_that_is_not_a_push_service(push_dns, endpoint):
    form = _form(browser_subscription(endpoint))
    assert not form.is_valid()
    assert "notification service is not one we can deliver to" in str(
        form.errors["push_subscription"]
    )


@pytest.mark.django_db
def test_the_sign_up_form_refuses_a_push_host_resolving_to_the_private_network(push_dns):
    push_dns["fcm.googleapis.com"] = ["10.0.0.7"]
    assert not _form(browser_subscription()).is_valid()


@pytest.mark.django_db
def test_the_sign_up_form_asks_to_try_again_when_the_push_host_does_not_resolve(push_dns):
    push_dns.clear()
    form = _form(browser_subscription())
    assert not form.is_valid()
    assert "Try again in a few minutes" in str(form.errors["push_subscription"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_loopback_endpoint_is_refused_by_the_page_and_nothing_is_stored(client, push_dns):
    subscription = browser_subscription("https://127.0.0.1:6379/x")
    response = client.post(SUBSCRIBE, subscribe_data(push_subscription=json.dumps(subscription)))
    assert response.status_code == 400
    answer = client.post(
        PUSH_JSON, json.dumps({"subscription": subscription}), content_type="application/json"
    )
    assert answer.status_code == 400
    assert "service de ce navigateur" in answer.json()["error"]  # the page is French
    assert not ContactPoint.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pushsubscriptionchange_cannot_move_a_subscription_to_a_private_address(client, push_dns):
    push = ContactPointFactory(
        channel=ChannelName.PUSH, address="https://fcm.googleapis.com/fcm/send/old"
    )
    new = browser_subscription("https://127.0.0.1:6379/x")
    response = client.post(
        CHANGE,
        json.dumps({"old_endpoint": push.address, "subscription": new}),
        content_type="application/json",
    )
    assert response.status_code == 400
    push.refresh_from_db()
    assert push.address == "https://fcm.googleapis.com/fcm/send/old"


# ------------------------------------------------------------------ keys


def _point_off_the_curve() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    raw = bytearray(
        key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    raw[-1] ^= 1  # same x, another y: no longer on the curve
    return bytes(raw)


def _compressed_point() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


@pytest.mark.django_db
def test_real_browser_keys_are_accepted_and_kept_as_given(push_dns):
    subscription = browser_subscription()
    form = _form(subscription)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["push_subscription"] == {
        "endpoint": subscription["endpoint"],
        "keys": subscription["keys"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "p256dh",
    [
        "BNc",
        "",
        42,
        None,
        _b64(_point_off_the_curve()),
        _b64(_compressed_point()),
        _b64(b"\x04" + b"\x00" * 64),
        _b64(b"\x05" + b"\x01" * 64),
        _b64(b"\x04" + b"\x01" * 63),
        "!!not base64!!",
        "B" + "a" * 86 + "+/",
    ],
)
def test_a_p256dh_that_is_not_a_p256_point_is_refused(push_dns, p256dh):
    subscription = browser_subscription()
    subscription["keys"]["p256dh"] = p256dh
    form = _form(subscription)
    assert not form.is_valid()
    assert "notification key that is not valid" in str(form.errors["push_subscription"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "auth", ["xyz", "", 16, None, _b64(b"\x01" * 15), _b64(b"\x01" * 17), "a" * 22 + "+"]
)
def test_an_auth_secret_that_is_not_16_bytes_is_refused(push_dns, auth):
    subscription = browser_subscription()
    subscription["keys"]["auth"] = auth
    form = _form(subscription)
    assert not form.is_valid()
    assert "notification secret that is not valid" in str(form.errors["push_subscription"])


@pytest.mark.django_db
def test_an_oversized_subscription_is_refused_unread(push_dns):
    subscription = browser_subscription()
    subscription["padding"] = "x" * 5000
    assert not _form(subscription).is_valid()
