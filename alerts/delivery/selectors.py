"""Reads on the delivery ledger, for the dashboard."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from alerts.models import Alert

from .models import Delivery, DeliveryState

THROUGHPUT_WINDOW = timedelta(seconds=60)


@dataclass
class ChannelProgress:
    channel: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def remaining(self) -> int:
        return self.counts.get(DeliveryState.QUEUED, 0) + self.counts.get(DeliveryState.SENDING, 0)

    @property
    def done_percent(self) -> int:
        return round(100 * (self.total - self.remaining) / self.total) if self.total else 100


@dataclass
class Progress:
    channels: list[ChannelProgress]
    per_second: float
    failures: list[dict]

    @property
    def remaining(self) -> int:
        return sum(c.remaining for c in self.channels)

    @property
    def total(self) -> int:
        return sum(c.total for c in self.channels)

    @property
    def eta_seconds(self) -> int | None:
        if not self.remaining:
            return 0
        return round(self.remaining / self.per_second) if self.per_second else None


def delivery_progress(alert: Alert, now=None) -> Progress:
    now = now or timezone.now()
    rows = Delivery.objects.filter(alert=alert)
    channels: dict[str, ChannelProgress] = {}
    for row in rows.values("channel", "state").annotate(n=Count("pk")).order_by("channel"):
        progress = channels.setdefault(row["channel"], ChannelProgress(row["channel"]))
        progress.counts[row["state"]] = row["n"]
    recent = rows.filter(
        state__in=[DeliveryState.SENT, DeliveryState.DELIVERED],
        sent_at__gte=now - THROUGHPUT_WINDOW,
    ).count()
    failures = list(
        rows.filter(state=DeliveryState.FAILED)
        .values("channel", "last_error")
        .annotate(n=Count("pk"))
        .order_by("-n")[:20]
    )
    return Progress(
        channels=list(channels.values()),
        per_second=recent / THROUGHPUT_WINDOW.total_seconds(),
        failures=failures,
    )
