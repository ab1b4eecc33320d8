"""Reads about alerts: what is active, what is past, the timeline of an incident."""

from collections import defaultdict

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from alerts.cap_vocab import MsgType, Severity
from alerts.models import Alert

SEVERITY_RANK = {
    Severity.EXTREME: 0,
    Severity.SEVERE: 1,
    Severity.MODERATE: 2,
    Severity.MINOR: 3,
    Severity.UNKNOWN: 4,
}


def _latest_messages(queryset):
    """The last published message of each incident (thread) in the queryset. Only a
    published message supersedes another: a test, an exercise kept from the public or a
    restricted message never hides a public alert."""
    later = (
        Alert.objects.published()
        .filter(
            Q(sent__gt=OuterRef("sent")) | Q(sent=OuterRef("sent"), pk__gt=OuterRef("pk")),
        )
        .filter(
            Q(thread_root=Coalesce(OuterRef("thread_root"), OuterRef("pk")))
            | Q(pk=OuterRef("thread_root"))
        )
    )
    return queryset.annotate(superseded=Exists(later)).filter(superseded=False)


def _by_severity(queryset):
    rank = Case(
        *[When(severity=value, then=Value(order)) for value, order in SEVERITY_RANK.items()],
        default=Value(9),
        output_field=IntegerField(),
    )
    return queryset.annotate(severity_rank=rank).order_by("severity_rank", "-sent")


def active_alerts(now=None):
    """Published alerts in force: the latest message of their incident, not a cancel,
    not expired. Most severe first."""
    now = now or timezone.now()
    queryset = (
        _latest_messages(Alert.objects.published())
        .exclude(msg_type=MsgType.CANCEL)
        .filter(Q(expires__isnull=True) | Q(expires__gt=now))
        .prefetch_related("infos", "communes")
    )
    return _by_severity(queryset)


def feed_alerts(now=None):
    """What the feed and the JSON list give consumers: the alerts in force, and the
    Cancel ending an incident for as long as the alert it cancels would have been in
    force (else a consumer that took the alert would never learn that it ended).
    Tests, restricted messages and exercises kept from the public never appear."""
    now = now or timezone.now()
    would_run = Q(references__expires__gt=now) | Q(
        Q(references__expires__isnull=True), Q(expires__isnull=True) | Q(expires__gt=now)
    )
    ended = (
        _latest_messages(Alert.objects.published())
        .filter(msg_type=MsgType.CANCEL)
        .filter(would_run)
        .prefetch_related("infos", "communes")
        .order_by("-sent")
    )
    return list(active_alerts(now)) + list(ended)


def past_alerts(now=None):
    """Published incidents that are over (ended by an all-clear or expired), latest first."""
    now = now or timezone.now()
    active = active_alerts(now).values("pk")
    return (
        _latest_messages(Alert.objects.published())
        .exclude(pk__in=active)
        .prefetch_related("infos", "communes")
        .order_by("-sent")
    )


def past_incidents(now=None, limit: int = 50) -> list[tuple[Alert, list[Alert]]]:
    """Incidents that are over, latest first: (its last message, every published message
    of the incident oldest first), in two queries."""
    latest = list(past_alerts(now)[:limit])
    roots = {alert.thread_root_id or alert.pk for alert in latest}
    messages = defaultdict(list)
    for message in (
        Alert.objects.published()
        .filter(Q(pk__in=roots) | Q(thread_root_id__in=roots))
        .prefetch_related("infos")
        .order_by("sent", "pk")
    ):
        messages[message.thread_root_id or message.pk].append(message)
    return [(alert, messages[alert.thread_root_id or alert.pk]) for alert in latest]


def published_alert(identifier: str):
    return (
        Alert.objects.published()
        .prefetch_related("infos", "communes")
        .filter(identifier=identifier)
        .first()
    )


def alert_timeline(alert: Alert):
    """Every sent message of the alert's incident, oldest first."""
    root_id = alert.thread_root_id or alert.pk
    return (
        Alert.objects.published()
        .filter(Q(pk=root_id) | Q(thread_root_id=root_id))
        .prefetch_related("infos")
        .order_by("sent")
    )


def is_active(alert: Alert) -> bool:
    return active_alerts().filter(pk=alert.pk).exists()


def latest_in_incident(alert: Alert):
    return alert_timeline(alert).last()
