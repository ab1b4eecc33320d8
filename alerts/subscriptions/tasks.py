"""Background work for subscriptions: thin wrappers around services."""

from django_tasks import task

from . import notifications, services
from .models import ContactPoint


@task()
def purge_unconfirmed() -> int:
    """Delete contact points left unconfirmed for more than 48 hours (schedule hourly)."""
    return services.contact_points_purge_unconfirmed()


@task()
def send_welcome(contact_point_id: int) -> bool:
    """The "you are subscribed" message for a contact point just confirmed (enqueued once
    the confirmation commits). Nothing when it has gone or been stopped since."""
    contact_point = (
        ContactPoint.objects.select_related("subscriber")
        .filter(pk=contact_point_id, active=True, confirmed_at__isnull=False)
        .first()
    )
    if contact_point is None:
        return False
    return notifications.send_welcome(contact_point) is not None
