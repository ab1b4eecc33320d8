"""Sign-up limits hold for web push as for email and SMS: per connection, and per push
endpoint as per email address."""

import json

import pytest

from alerts.subscriptions import tokens
from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ChannelName, ContactPoint
from tests.paths import path_in_lazy
from tests.subscriptions.helpers import browser_subscription, subscribe_data

SUBSCRIBE = path_in_lazy("fr", "subscriptions:subscribe")
PUSH_JSON = path_in_lazy("fr", "subscriptions:push_subscription")


def _push_signup(client, i: int, ip: str = "192.0.2.10", endpoint: str = ""):
    endpoint = endpoint or f"https://fcm.googleapis.com/fcm/send/device-{i}"
    subscription = browser_subscription(endpoint, i)
    return client.post(
        SUBSCRIBE, subscribe_data(push_subscription=json.dumps(subscription)), REMOTE_ADDR=ip
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_push_only_sign_ups_count_against_the_ip_limit(client, settings, push_dns):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "ip": (3, 3600)}
    statuses = [_push_signup(client, i).status_code for i in range(30)]
    assert statuses == [302] * 3 + [429] * 27
    assert ContactPoint.objects.filter(channel=ChannelName.PUSH).count() == 3
    # Another connection still signs up.
    assert _push_signup(client, 99, ip="192.0.2.11").status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_address_refused_for_email_is_refused_for_push_too(
    client, settings, push_dns, smtp_settings
):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "ip": (2, 3600)}
    ip = "192.0.2.20"
    for i in range(3):
        client.post(SUBSCRIBE, subscribe_data(email=f"p{i}@example.invalid"), REMOTE_ADDR=ip)
    response = _push_signup(client, 1, ip=ip)
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert not ContactPoint.objects.filter(channel=ChannelName.PUSH).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_endpoint_signs_up_at_most_the_push_limit_from_any_address(client, settings, push_dns):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "ip": (1000, 3600),
        "push": (2, 3600),
    }
    endpoint = "https://fcm.googleapis.com/fcm/send/same-device"
    statuses = [
        _push_signup(client, 0, ip=f"192.0.2.{30 + i}", endpoint=endpoint).status_code
        for i in range(5)
    ]
    assert statuses == [302, 302, 429, 429, 429]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_adding_push_from_the_manage_page_is_limited_and_says_so(client, settings, push_dns):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "ip": (1, 3600)}
    email = ContactPointFactory()
    token = tokens.manage_token(email.subscriber)
    answers = [
        client.post(
            PUSH_JSON,
            json.dumps(
                {
                    "subscription": browser_subscription(
                        f"https://updates.push.services.mozilla.com/wpush/v2/{i}", i
                    ),
                    "token": token,
                }
            ),
            content_type="application/json",
            REMOTE_ADDR="192.0.2.40",
        )
        for i in range(3)
    ]
    assert [answer.status_code for answer in answers] == [200, 429, 429]
    assert "Trop de demandes" in answers[1].json()["error"]
    assert email.subscriber.contact_points.filter(channel=ChannelName.PUSH).count() == 1
