from datetime import timedelta

import pytest
from django.utils import timezone

from alerts import selectors
from alerts.cap_vocab import MsgType, Status
from alerts.factories import SentAlertFactory
from alerts.models import AlertState

pytestmark = pytest.mark.django_db


def _followup(original, msg_type, minutes=1):
    return SentAlertFactory(
        msg_type=msg_type,
        references=original,
        thread_root=original,
        sent=original.sent + timedelta(minutes=minutes),
    )


def test_an_update_replaces_its_original_among_active_alerts():
    original = SentAlertFactory()
    update = _followup(original, MsgType.UPDATE)
    assert list(selectors.active_alerts()) == [update]
    assert list(selectors.alert_timeline(original)) == [original, update]


def test_a_cancel_moves_the_incident_to_past_alerts():
    original = SentAlertFactory()
    _followup(original, MsgType.UPDATE)
    cancel = _followup(original, MsgType.CANCEL, minutes=2)
    assert list(selectors.active_alerts()) == []
    assert list(selectors.past_alerts()) == [cancel]


def test_most_severe_alerts_come_first():
    moderate = SentAlertFactory(severity="Moderate")
    extreme = SentAlertFactory(severity="Extreme")
    assert list(selectors.active_alerts()) == [extreme, moderate]


def test_tests_restricted_and_unapproved_alerts_are_not_published():
    SentAlertFactory(status=Status.TEST)
    SentAlertFactory(scope="Restricted")
    SentAlertFactory(state=AlertState.APPROVED)
    exercise = SentAlertFactory(status=Status.EXERCISE)
    assert list(selectors.active_alerts()) == [exercise]


def test_an_alert_is_public_as_soon_as_it_is_handed_over_for_sending():
    """The site does not wait for the delivery workers."""
    handed_over = SentAlertFactory(state=AlertState.SENDING)
    assert list(selectors.active_alerts()) == [handed_over]


def test_expired_alerts_are_past():
    alert = SentAlertFactory(expires=timezone.now() - timedelta(minutes=5))
    assert not selectors.is_active(alert)
    assert list(selectors.past_alerts()) == [alert]
