"""A large fan-out writes its ledger over several PostgreSQL connections at once
(`ledger.ledger_fill`): the same rows as one statement, each exactly once, and a fill
that stopped part-way is completed by the next dispatch. Real parallel transactions need
the server database, so this runs on PostgreSQL (`.ci/run` phase 2)."""

import pytest
from django.db import connection

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.delivery.targeting import target_contact_points
from alerts.dispatch import alert_dispatch
from alerts.models import AlertAction, AlertState

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def parallel(settings):
    """Every fan-out counts as large; PostgreSQL has measured the tables."""
    settings.DELIVERY_LEDGER_CONNECTIONS = 2
    settings.DELIVERY_LEDGER_PARALLEL_FROM = 0

    def analyse():
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE subscriptions_contactpoint")

    return analyse


@pytest.fixture
def shares(monkeypatch):
    """The shares `ledger_create` was asked for, whichever thread asked."""
    asked = []
    create = ledger.ledger_create

    def spy(alert, now=None, *, part=None):
        asked.append(part)
        return create(alert, now, part=part)

    monkeypatch.setattr(ledger, "ledger_create", spy)
    return asked


def _audience(make_audience):
    points = make_audience(7, channel="email") + make_audience(6, channel="sms", language="nl")
    return {point.pk for point in points}


def test_a_large_fan_out_is_written_over_two_connections_each_row_once(
    make_audience, sending_alert, parallel, shares
):
    expected = _audience(make_audience)
    parallel()
    alert = sending_alert()
    assert set(target_contact_points(alert).values_list("pk", flat=True)) == expected

    alert = alert_dispatch(alert_id=alert.pk)

    assert sorted(shares) == [(0, 2), (1, 2)]
    rows = list(Delivery.objects.filter(alert=alert).values_list("contact_point_id", flat=True))
    assert sorted(rows) == sorted(expected)  # all of them, none twice
    assert alert.state == AlertState.SENT
    event = alert.events.get(action=AlertAction.SENT)
    assert event.detail == f"{len(expected)} messages queued"
    assert ledger.ledger_fill(alert) == 0  # a second fill creates nothing


def test_a_fill_stopped_part_way_is_completed_by_the_next_dispatch(
    make_audience, sending_alert, parallel
):
    expected = _audience(make_audience)
    parallel()
    alert = sending_alert()
    # One connection committed its share, the process died before the other did.
    first = ledger.ledger_create(alert, part=(0, 2))
    assert 0 < first < len(expected)
    alert.refresh_from_db()
    assert alert.state == AlertState.SENDING  # what the periodic sweep dispatches again

    alert = alert_dispatch(alert_id=alert.pk)

    rows = list(Delivery.objects.filter(alert=alert).values_list("contact_point_id", flat=True))
    assert sorted(rows) == sorted(expected)
    assert alert.events.get(action=AlertAction.SENT).detail == (
        f"{len(expected) - first} messages queued"
    )


def test_a_small_fan_out_stays_one_statement(make_audience, sending_alert, settings, shares):
    expected = _audience(make_audience)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE subscriptions_contactpoint")
    settings.DELIVERY_LEDGER_PARALLEL_FROM = 1_000
    alert = alert_dispatch(alert_id=sending_alert().pk)
    assert shares == [None]
    assert Delivery.objects.filter(alert=alert).count() == len(expected)
