"""The hand-over from an approved alert to the delivery engine (alerts/delivery/).

`alert_dispatch` fans the alert out to the delivery ledger (set-based: one statement, or
one per connection for a large fan-out on PostgreSQL), marks the alert sent (its `sent`
time frozen from then on) and starts one sender per channel. `alerts_dispatch_stuck` is
its safety net, run by the periodic worker: an alert left in "sending" by a crash.

The lifecycle calls delivery here, never the other way round.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery, DeliveryState
from alerts.delivery.tasks import enqueue_senders
from alerts.events import record_event
from alerts.models import Alert, AlertAction, AlertState


def alert_dispatch(*, alert_id: int) -> Alert:
    """Idempotent: the ledger's unique key makes a second dispatch create nothing, and an
    alert no longer in "sending" is left alone.

    The ledger is written first, outside the alert's lock, so that a large fan-out can use
    several connections (`ledger.ledger_fill`); the alert is then marked sent under its
    lock. Rows of an alert ended in between are closed by the reap below (and before any
    sender claims a batch), so they are never sent; a crash in between leaves the alert in
    "sending", and the periodic sweep dispatches it again.
    """
    alert = Alert.objects.get(pk=alert_id)
    if alert.state != AlertState.SENDING:
        return alert
    created = ledger.ledger_fill(alert)
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert_id)
        if alert.state != AlertState.SENDING:
            return alert  # another dispatch got here first; the rows are the same
        if alert.sent is None:
            alert.sent = timezone.now().replace(microsecond=0)
        alert.state = AlertState.SENT
        alert.save(update_fields=["sent", "state", "updated_at"])
        record_event(
            alert=alert,
            action=AlertAction.SENT,
            user=None,
            from_state=AlertState.SENDING,
            detail=f"{created} messages queued",
        )
        # An all-clear overtakes what is still queued for the alerts it ends.
        ledger.ledger_reap()
        channels = list(
            Delivery.objects.filter(alert=alert, state=DeliveryState.QUEUED)
            .values_list("channel", flat=True)
            .distinct()
            .order_by()
        )
        transaction.on_commit(lambda: enqueue_senders(channels))
    return alert


def alerts_dispatch_stuck(*, stuck_after_seconds: int | None = None) -> int:
    """Dispatch the alerts left in "sending" (a crash right after approval, before the
    dispatch task ran); returns how many."""
    if stuck_after_seconds is None:
        stuck_after_seconds = settings.DELIVERY_STUCK_AFTER_SECONDS
    since = timezone.now() - timedelta(seconds=stuck_after_seconds)
    stuck = list(
        Alert.objects.filter(state=AlertState.SENDING, updated_at__lt=since).values_list(
            "pk", flat=True
        )
    )
    for alert_id in stuck:
        alert_dispatch(alert_id=alert_id)
    return len(stuck)
