from datetime import timedelta

import pytest
from django.utils import timezone, translation

from alerts.cap_vocab import Status
from alerts.delivery.models import Delivery
from alerts.factories import AuthorFactory, SentAlertFactory
from alerts.testdays.models import PlannedTest


@pytest.fixture
def author(db):
    return AuthorFactory()


@pytest.fixture
def exercise(db):
    return SentAlertFactory(status=Status.EXERCISE)


@pytest.fixture
def ledger_row(db):
    """One ledger row of `alert`, its outcome `seconds_after` the alert's sent time."""

    def make(alert, channel, language, state, seconds_after=None, **fields):
        now = timezone.now()
        if seconds_after is not None and state in ("sent", "delivered", "failed"):
            fields.setdefault("sent_at", alert.sent + timedelta(seconds=seconds_after))
        if seconds_after is not None and state == "delivered":
            fields.setdefault("delivered_at", alert.sent + timedelta(seconds=seconds_after))
        return Delivery.objects.create(
            alert=alert,
            channel=channel,
            language=language,
            state=state,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
            **fields,
        )

    return make


@pytest.fixture
def planned_test(db):
    def make(days_ahead=7, **fields):
        start = timezone.now() + timedelta(days=days_ahead)
        values = {
            "title_fr": "Test des sirènes SMS",
            "title_nl": "Test van de sms-kanalen",
            "title_en": "SMS channel test",
            "description_fr": "Rien à faire.",
            "description_nl": "U hoeft niets te doen.",
            "start": start,
            "end": start + timedelta(hours=1),
            "whole_region": True,
            "channels": ["sms", "email"],
        }
        values.update(fields)
        return PlannedTest.objects.create(**values)

    return make


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language); requests negotiate their own."""
    with translation.override("en"):
        yield
