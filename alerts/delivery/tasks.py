"""Delivery tasks: they take primitive values and call a service."""

from django.utils import timezone
from django_tasks import task

from portal.task_options import urgent

from . import ledger, services


@task(**urgent(priority=90))
def deliver_channel(channel: str) -> int:
    sent = services.delivery_run(channel_name=channel)
    # Retries wait in the ledger; come back when the first one is due. A sender that
    # handed over to a more urgent channel comes back behind it (queued after its task).
    due = ledger.next_due(channel)
    if due is not None and due <= timezone.now():
        deliver_channel.enqueue(channel)
    elif due is not None and deliver_channel.get_backend().supports_defer:
        deliver_channel.using(run_after=due).enqueue(channel)
    return sent


def enqueue_senders(channels) -> None:
    """Start one sender per channel (on commit, when called from a transaction's work)."""
    for channel in channels:
        deliver_channel.enqueue(channel)


@task(**urgent(priority=80))
def sweep_deliveries() -> dict:
    outcome = services.delivery_sweep()
    enqueue_senders(outcome["channels"])
    return outcome
