from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.channels.base import SendResult
from alerts.delivery import ledger
from alerts.delivery.models import Delivery, DeliveryState, Priority
from alerts.factories import AlertFactory, SentAlertFactory

pytestmark = pytest.mark.django_db


def test_creating_the_ledger_twice_creates_nothing_new(make_audience):
    make_audience(3, channel="email")
    make_audience(2, channel="sms", language="nl")
    alert = AlertFactory(severity="Extreme")

    assert ledger.ledger_create(alert) == 5
    assert ledger.ledger_create(alert) == 0
    rows = Delivery.objects.filter(alert=alert)
    assert rows.count() == 5
    assert set(rows.values_list("channel", "language", "state", "priority")) == {
        ("email", "fr", "queued", Priority.EXTREME),
        ("sms", "nl", "queued", Priority.EXTREME),
    }


def test_claim_takes_due_rows_by_priority_and_leases_them(make_audience, settings):
    make_audience(3)
    ordinary = AlertFactory(severity="Moderate", category="Met")
    extreme = AlertFactory(severity="Extreme")
    ledger.ledger_create(ordinary)
    ledger.ledger_create(extreme)

    first = ledger.ledger_claim(channel="email", limit=3)
    rows = Delivery.objects.filter(pk__in=first)
    assert {row.alert_id for row in rows} == {extreme.pk}
    assert all(r.state == "sending" and r.attempts == 1 and r.lease_until for r in rows)
    # claimed rows are not claimed again
    second = ledger.ledger_claim(channel="email", limit=10)
    assert not set(first) & set(second)
    assert ledger.ledger_claim(channel="email", limit=10) == []


def test_rows_not_yet_due_are_not_claimed(make_audience):
    make_audience(1)
    alert = AlertFactory()
    ledger.ledger_create(alert)
    Delivery.objects.update(next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert ledger.ledger_claim(channel="email", limit=10) == []


def _claimed(alert):
    ledger.ledger_create(alert)
    ids = ledger.ledger_claim(channel="email", limit=100)
    return list(Delivery.objects.filter(pk__in=ids).order_by("pk"))


def test_results_are_written_back(make_audience, settings):
    settings.DELIVERY_RETRY_BASE_SECONDS = 10
    make_audience(4)
    rows = _claimed(AlertFactory())
    before = timezone.now()
    gone = ledger.ledger_record(
        [
            (rows[0], SendResult.sent("SM1")),
            (rows[1], SendResult.retry("429", retry_after=120)),
            (rows[2], SendResult.gone("410")),
            (rows[3], SendResult.failed("refused")),
        ]
    )
    sent, retry, gone_row, failed = (Delivery.objects.get(pk=r.pk) for r in rows)
    assert (sent.state, sent.provider_id) == ("sent", "SM1")
    assert retry.state == "queued"
    assert retry.next_attempt_at >= before + timedelta(seconds=120)  # Retry-After honoured
    assert (gone_row.state, failed.state) == ("failed", "failed")
    assert gone == [rows[2].contact_point_id]


def test_back_off_grows_and_stops_at_the_attempt_limit(make_audience, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 2
    make_audience(1)
    alert = AlertFactory()
    (row,) = _claimed(alert)
    ledger.ledger_record([(row, SendResult.retry("timeout"))])
    assert Delivery.objects.get(pk=row.pk).state == "queued"
    Delivery.objects.update(next_attempt_at=timezone.now())
    (row,) = Delivery.objects.filter(pk__in=ledger.ledger_claim(channel="email", limit=5))
    assert row.attempts == 2
    ledger.ledger_record([(row, SendResult.retry("timeout"))])
    row.refresh_from_db()
    assert row.state == "failed"
    assert row.last_error.startswith("gave up after 2 attempts")


def test_back_off_doubles_with_jitter(settings):
    settings.DELIVERY_RETRY_BASE_SECONDS = 4
    settings.DELIVERY_RETRY_MAX_SECONDS = 60
    assert 2 <= ledger.backoff_seconds(1) <= 4
    assert 8 <= ledger.backoff_seconds(3) <= 16
    assert 30 <= ledger.backoff_seconds(10) <= 60


def test_a_late_answer_never_moves_a_row_backwards(make_audience):
    make_audience(1)
    (row,) = _claimed(AlertFactory())
    Delivery.objects.filter(pk=row.pk).update(state=DeliveryState.DELIVERED)
    ledger.ledger_record([(row, SendResult.retry("late timeout"))])
    assert Delivery.objects.get(pk=row.pk).state == "delivered"


def test_sweeper_requeues_expired_leases_and_marks_sms_ambiguous(make_audience):
    make_audience(1, channel="sms", address=lambda i: {"address": f"+3247099100{i}"})
    make_audience(1, channel="email")
    alert = AlertFactory()
    ledger.ledger_create(alert)
    ledger.ledger_claim(channel="sms", limit=5)
    ledger.ledger_claim(channel="email", limit=5)
    assert ledger.ledger_sweep() == 0  # leases still valid
    later = timezone.now() + timedelta(hours=1)
    assert ledger.ledger_sweep(later) == 2
    rows = {d.channel: d for d in Delivery.objects.all()}
    assert rows["sms"].state == rows["email"].state == "queued"
    assert rows["sms"].ambiguous and not rows["email"].ambiguous


def test_queued_messages_of_a_cancelled_or_expired_alert_are_closed(make_audience):
    make_audience(2)
    original = SentAlertFactory()
    expired = SentAlertFactory(expires=timezone.now() + timedelta(minutes=1))
    ledger.ledger_create(original)
    ledger.ledger_create(expired)
    AlertFactory(msg_type="Cancel", references=original, thread_root=original, state="sent")

    closed = ledger.ledger_reap(timezone.now() + timedelta(minutes=2))

    assert closed == 4
    assert set(Delivery.objects.values_list("state", flat=True)) == {"cancelled"}


def test_a_row_whose_every_claim_runs_out_ends_failed_with_its_reason(make_audience, settings):
    """Something in one message kills its batch each time: after DELIVERY_MAX_ATTEMPTS
    claims that ran out, it fails for good instead of coming back every cycle."""
    settings.DELIVERY_MAX_ATTEMPTS = 3
    make_audience(1, channel="email")
    ledger.ledger_create(AlertFactory())
    moment = timezone.now()
    for _ in range(3):
        assert ledger.ledger_claim(channel="email", limit=5, now=moment)
        moment += timedelta(hours=1)
        ledger.ledger_sweep(moment)
    (row,) = Delivery.objects.all()
    assert row.state == "failed" and row.attempts == 3
    assert "claim ran out" in row.last_error
    assert ledger.ledger_claim(channel="email", limit=5, now=moment + timedelta(hours=1)) == []
