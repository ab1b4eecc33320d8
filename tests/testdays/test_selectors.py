import pytest

from alerts.delivery.selectors import ReachRow, delivery_reach

pytestmark = pytest.mark.django_db


def test_reach_counts_each_channel_and_language_and_the_time_to_last_delivery(exercise, ledger_row):
    ledger_row(exercise, "sms", "fr", "delivered", seconds_after=12)
    ledger_row(exercise, "sms", "fr", "delivered", seconds_after=95)
    ledger_row(exercise, "sms", "fr", "failed", seconds_after=5, last_error="unreachable")
    ledger_row(exercise, "sms", "fr", "queued")
    ledger_row(exercise, "sms", "nl", "delivered", seconds_after=40)
    ledger_row(exercise, "email", "nl", "sent", seconds_after=3)
    ledger_row(exercise, "email", "nl", "failed")  # refused before any handover

    assert delivery_reach(exercise) == [
        ReachRow("email", "nl", targeted=2, handed_over=1, delivered=0, failed=1,
                 last_delivery_seconds=None),
        ReachRow("sms", "fr", targeted=4, handed_over=3, delivered=2, failed=1,
                 last_delivery_seconds=95),
        ReachRow("sms", "nl", targeted=1, handed_over=1, delivered=1, failed=0,
                 last_delivery_seconds=40),
    ]  # fmt: skip


def test_reach_reads_only_the_alert_asked_about(exercise, ledger_row):
    from alerts.factories import SentAlertFactory

    other = SentAlertFactory(status="Exercise")
    ledger_row(other, "sms", "fr", "delivered", seconds_after=1)
    assert delivery_reach(exercise) == []


def test_reach_is_one_query_however_many_channels_and_languages(
    exercise, ledger_row, django_assert_num_queries
):
    for channel in ("sms", "email", "push"):
        for language in ("fr", "nl", "en"):
            ledger_row(exercise, channel, language, "delivered", seconds_after=2)
    with django_assert_num_queries(1):
        assert len(delivery_reach(exercise)) == 9
