import pytest

from alerts import services
from alerts.dispatch import alert_dispatch
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory
from alerts.models import AlertAction, AlertState
from alerts.outgoing import alert_fingerprint


def _submitted(author):
    alert = AlertFactory(created_by=author)
    return services.alert_submit(alert=alert, user=author)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approval_enqueues_dispatch_on_commit_which_freezes_sent():
    author, approver = AuthorFactory(), ApproverFactory()
    alert = _submitted(author)
    services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SENT
    sent = alert.sent
    assert sent is not None
    identifier = alert.identifier
    alert_dispatch(alert_id=alert.pk)  # a second dispatch changes nothing
    alert.refresh_from_db()
    assert (alert.sent, alert.identifier) == (sent, identifier)
    assert alert.events.filter(action=AlertAction.SENT).count() == 1


@pytest.mark.django_db
def test_dispatch_ignores_alerts_that_are_not_being_sent(author):
    alert = _submitted(author)
    alert_dispatch(alert_id=alert.pk)
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED and alert.sent is None
