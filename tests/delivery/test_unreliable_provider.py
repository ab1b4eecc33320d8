"""A provider that fails a fifth of the calls (500, 429 with Retry-After, connection resets,
no answer): everything is delivered in the end, Retry-After is honoured, and no SMS goes
out twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.delivery.services import delivery_run
from alerts.factories import AlertFactory

pytestmark = pytest.mark.django_db

COUNT = 300


def test_a_fifth_of_calls_failing_delays_but_never_loses_or_doubles(
    make_audience, twilio_settings, settings
):
    settings.TWILIO_TIMEOUT_SECONDS = 1
    settings.DELIVERY_RATE_LIMITS = {"sms": 0}
    numbers = [f"+32470{i:06d}" for i in range(COUNT)]
    make_audience(COUNT, channel="sms", address=lambda i: {"address": numbers[i]})
    alert = AlertFactory(severity="Severe", state="sent", sent=timezone.now())
    ledger.ledger_create(alert)
    twilio_settings.chaos(0.2, seed=7, retry_after=30)

    rounds = 0
    while Delivery.objects.exclude(state="sent").exists():
        rounds += 1
        assert rounds < 20, "deliveries did not converge"
        before = timezone.now()
        delivery_run(channel_name="sms")
        waiting = Delivery.objects.filter(state="queued")
        # a 429 answered with Retry-After: 30 is not tried again before 30 seconds
        limited = waiting.filter(last_error__contains="429")
        assert all(row.next_attempt_at >= before + timedelta(seconds=29) for row in limited), (
            "Retry-After not honoured"
        )
        waiting.update(next_attempt_at=timezone.now())  # let the back-off elapse

    assert rounds > 1, "the provider never failed: the test proves nothing"
    assert Delivery.objects.filter(attempts__gt=1).exists()
    # each number has exactly one accepted message at the provider
    accepted = [m["To"] for m in twilio_settings.messages]
    assert sorted(accepted) == sorted(numbers)
