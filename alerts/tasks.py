"""Background tasks of the alerts app: they take ids, and call a service."""

from django_tasks import task

from alerts.dispatch import alert_dispatch
from portal.task_options import urgent


# Alert work runs on the "urgent" queue, with its own worker, ahead of everything else.
@task(**urgent(priority=100))
def dispatch_alert(alert_id: int) -> None:
    alert_dispatch(alert_id=alert_id)
