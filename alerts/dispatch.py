"""The hand-over from an approved alert to the delivery engine.

For now `alert_dispatch` only marks the alert as sent; the delivery engine replaces its
body with the fan-out to the delivery ledger.
"""

from django.db import transaction
from django.utils import timezone

from alerts.models import Alert, AlertAction, AlertState
from alerts.services import record_event


@transaction.atomic
def alert_dispatch(*, alert_id: int) -> Alert:
    alert = Alert.objects.select_for_update().get(pk=alert_id)
    if alert.state != AlertState.SENDING:
        # Dispatching twice does nothing new.
        return alert
    previous = alert.state
    if alert.sent is None:
        # Frozen from now on: no service ever changes it again.
        alert.sent = timezone.now().replace(microsecond=0)
    alert.state = AlertState.SENT
    alert.save(update_fields=["sent", "state", "updated_at"])
    record_event(alert=alert, action=AlertAction.SENT, user=None, from_state=previous)
    return alert
