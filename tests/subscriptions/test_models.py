import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from alerts.subscriptions.factories import ContactPointFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_one_live_confirmed_subscription_per_address_and_channel():
    ContactPointFactory(address="one@example.invalid")
    ContactPointFactory(address="one@example.invalid", confirmed_at=None)  # pending: allowed
    ContactPointFactory(address="one@example.invalid", active=False)  # stopped: allowed
    ContactPointFactory(address="one@example.invalid", channel="sms")  # other channel
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPointFactory(address="one@example.invalid")


def test_push_addresses_are_shown_without_the_secret_endpoint():
    push = ContactPointFactory(channel="push", address="https://fcm.example.invalid/send/abc123")
    assert "abc123" not in str(push.display_address)
    assert "fcm.example.invalid" in str(push.display_address)


def test_topic_labels_are_readable():
    subscriber = SubscriberFactory(topics=["Met", "CBRNE"])
    with translation.override("en"):
        assert subscriber.topic_labels[0] == "Weather"
