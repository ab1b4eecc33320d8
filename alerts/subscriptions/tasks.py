"""Background work for subscriptions: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def purge_unconfirmed() -> int:
    """Delete contact points left unconfirmed for more than 48 hours (schedule hourly)."""
    return services.contact_points_purge_unconfirmed()
