"""Reads on the delivery ledger, for the dashboard and the reach reports."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Max, Min, Q
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
    alert_sent: datetime | None = None
    last_sent: datetime | None = None

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

    @property
    def finished_after_seconds(self) -> int | None:
        """Once nothing remains: from the alert's sent time to the last message out."""
        if self.remaining or not self.total or not (self.alert_sent and self.last_sent):
            return None
        return max(0, round((self.last_sent - self.alert_sent).total_seconds()))


def delivery_progress(alert: Alert, now=None) -> Progress:
    now = now or timezone.now()
    rows = Delivery.objects.filter(alert=alert)
    channels: dict[str, ChannelProgress] = {}
    for row in rows.values("channel", "state").annotate(n=Count("pk")).order_by("channel"):
        progress = channels.setdefault(row["channel"], ChannelProgress(row["channel"]))
        progress.counts[row["state"]] = row["n"]
    window_start = now - THROUGHPUT_WINDOW
    span = rows.filter(state__in=[DeliveryState.SENT, DeliveryState.DELIVERED]).aggregate(
        first=Min("sent_at"),
        last=Max("sent_at"),
        recent=Count("pk", filter=Q(sent_at__gte=window_start)),
    )
    # The last minute, or the time since the first message went out when that is shorter:
    # a fan-out that started five seconds ago is not averaged over sixty.
    since = max(window_start, span["first"]) if span["first"] else window_start
    seconds = max((now - since).total_seconds(), 1.0)
    failures = list(
        rows.filter(state=DeliveryState.FAILED)
        .values("channel", "last_error")
        .annotate(n=Count("pk"))
        .order_by("-n")[:20]
    )
    return Progress(
        channels=list(channels.values()),
        per_second=span["recent"] / seconds,
        failures=failures,
        alert_sent=alert.sent,
        last_sent=span["last"],
    )


@dataclass(frozen=True)
class ReachRow:
    """What became of one alert's messages on one channel in one language."""

    channel: str
    language: str
    targeted: int
    handed_over: int
    delivered: int
    failed: int
    #: from the alert's sent time to the last confirmed delivery; None when none came back
    last_delivery_seconds: int | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _seconds_after(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, round((end - start).total_seconds()))


def delivery_reach(alert: Alert) -> list[ReachRow]:
    """One query grouped by channel and language: messages targeted (every ledger row),
    handed over to the provider (a send time), confirmed delivered, failed, and the time
    from the alert's sent time to the last confirmed delivery."""
    rows = (
        Delivery.objects.filter(alert=alert)
        .values("channel", "language")
        .annotate(
            targeted=Count("pk"),
            handed_over=Count("pk", filter=Q(sent_at__isnull=False)),
            delivered=Count("pk", filter=Q(state=DeliveryState.DELIVERED)),
            failed=Count("pk", filter=Q(state=DeliveryState.FAILED)),
            last_delivered=Max("delivered_at", filter=Q(state=DeliveryState.DELIVERED)),
        )
        .order_by("channel", "language")
    )
    return [
        ReachRow(
            channel=row["channel"],
            language=row["language"],
            targeted=row["targeted"],
            handed_over=row["handed_over"],
            delivered=row["delivered"],
            failed=row["failed"],
            last_delivery_seconds=_seconds_after(alert.sent, row["last_delivered"]),
        )
        for row in rows
    ]
