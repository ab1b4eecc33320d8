"""Set-based operations on the delivery ledger.

Every statement here touches many rows at once: creation is one INSERT … SELECT from the
targeting query (conflicts ignored; one per connection, each on its share of the contact
points, for a large fan-out on PostgreSQL), a claim is one UPDATE … RETURNING (with
`FOR UPDATE SKIP LOCKED` on PostgreSQL so workers never wait for each other), and results
are written back per outcome. A row only ever moves forward (see models.STATE_RANK).
"""

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import BooleanField, DateTimeField, F, IntegerField, Q, Value
from django.utils import timezone

from alerts.cap_vocab import MsgType, Severity
from alerts.channels.base import Outcome, SendResult
from alerts.models import Alert, AlertState
from alerts.subscriptions.models import ChannelName, ContactPoint

from .models import Delivery, DeliveryState, Priority
from .targeting import delivery_language, target_contact_points

#: Channels whose provider can be asked whether a message went out (find_sent).
LOOKUP_CHANNELS = ("sms", "voice")

COLUMNS = [
    "alert_id",
    "contact_point_id",
    "channel",
    "language",
    "state",
    "priority",
    "attempts",
    "next_attempt_at",
    "created_at",
    "updated_at",
    "ambiguous",
    "provider_id",
    "last_error",
]


def priority_for(alert: Alert) -> int:
    if alert.correction:
        return Priority.CORRECTION
    if alert.msg_type == MsgType.CANCEL:
        return Priority.CANCEL
    if alert.severity == Severity.EXTREME:
        return Priority.EXTREME
    if alert.severity == Severity.SEVERE:
        return Priority.SEVERE
    return Priority.OTHER


def _dt(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


def ledger_fill(alert: Alert, now: datetime | None = None) -> int:
    """`ledger_create`, split over several connections for a large fan-out on PostgreSQL.

    Each connection inserts the targeted contact points of its share (id modulo the
    number of connections) and commits on its own: the rows are the same as from one
    statement, and a crash part-way leaves only rows that a second fill completes. Inside
    a transaction, on SQLite, or when the contact points are fewer than
    `DELIVERY_LEDGER_PARALLEL_FROM`, it is the single statement.
    """
    parts = settings.DELIVERY_LEDGER_CONNECTIONS
    if (
        parts < 2
        or connection.vendor != "postgresql"
        or connection.in_atomic_block
        or _estimated_contact_points() < settings.DELIVERY_LEDGER_PARALLEL_FROM
    ):
        return ledger_create(alert, now)
    now = now or timezone.now()

    def share(part: int) -> int:
        try:
            return ledger_create(alert, now, part=(part, parts))
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=parts, thread_name_prefix="ledger") as pool:
        return sum(pool.map(share, range(parts)))


def _estimated_contact_points() -> int:
    """PostgreSQL's own estimate of the table's size (-1 before it was first analysed)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
            [ContactPoint._meta.db_table],
        )
        row = cursor.fetchone()
    return int(row[0]) if row else -1


def ledger_create(
    alert: Alert, now: datetime | None = None, *, part: tuple[int, int] | None = None
) -> int:
    """Insert one queued row per targeted contact point; returns how many are new.

    `part=(k, n)`: only the contact points whose id is k modulo n (see `ledger_fill`).
    """
    now = now or timezone.now()
    when = Value(now, output_field=DateTimeField())
    targeted = target_contact_points(alert)
    if part is not None:
        targeted = targeted.annotate(ledger_part=F("pk") % part[1]).filter(ledger_part=part[0])
    select = (
        targeted.order_by()
        .annotate(
            d0=Value(alert.pk, output_field=IntegerField()),
            d1=F("pk"),
            d2=F("channel"),
            d3=delivery_language(alert),
            d4=Value(DeliveryState.QUEUED.value),
            d5=Value(priority_for(alert), output_field=IntegerField()),
            d6=Value(0, output_field=IntegerField()),
            d7=when,
            d8=when,
            d9=when,
            d10=Value(False, output_field=BooleanField()),
            d11=Value(""),
            d12=Value(""),
        )
        .values_list(*[f"d{i}" for i in range(len(COLUMNS))])
    )
    sql, params = select.query.sql_with_params()
    table = connection.ops.quote_name(Delivery._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    insert = (
        f"INSERT INTO {table} ({columns}) {sql} ON CONFLICT (alert_id, contact_point_id) DO NOTHING"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Enough memory for the hash joins of a million-row fan-out to stay in RAM.
            cursor.execute("SET LOCAL work_mem = '128MB'")
        cursor.execute(insert, params)
        return max(cursor.rowcount, 0)


def ledger_claim(*, channel: str, limit: int, now: datetime | None = None) -> list[int]:
    """Move up to `limit` due rows of a channel to "sending" and return their ids.

    Committed before any provider is called, so a crash leaves the rows visibly leased.
    """
    now = now or timezone.now()
    lease = now + timedelta(seconds=settings.DELIVERY_LEASE_SECONDS)
    table = connection.ops.quote_name(Delivery._meta.db_table)
    lock = " FOR UPDATE SKIP LOCKED" if connection.vendor == "postgresql" else ""
    # Only the quoted table name is interpolated; every value is a parameter.
    sql = (
        f"UPDATE {table} SET state = %s, attempts = attempts + 1, lease_until = %s, "  # noqa: S608
        f"updated_at = %s WHERE id IN (SELECT id FROM {table} WHERE state = %s "
        "AND channel = %s AND next_attempt_at <= %s "
        f"ORDER BY priority, next_attempt_at, id LIMIT %s{lock}) RETURNING id"
    )
    params = [
        DeliveryState.SENDING.value,
        _dt(lease),
        _dt(now),
        DeliveryState.QUEUED.value,
        channel,
        _dt(now),
        limit,
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def backoff_seconds(attempts: int) -> float:
    """Exponential back-off with full jitter, capped."""
    base = settings.DELIVERY_RETRY_BASE_SECONDS
    ceiling = min(settings.DELIVERY_RETRY_MAX_SECONDS, base * (2 ** max(attempts - 1, 0)))
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not security


def ledger_record(outcomes: list[tuple[Delivery, SendResult]], now: datetime | None = None):
    """Write the providers' answers back; returns the contact point ids that are gone."""
    now = now or timezone.now()
    changed, gone = [], []
    for delivery, result in outcomes:
        delivery.updated_at = now
        delivery.lease_until = None
        delivery.last_error = result.reason[:500]
        if result.outcome == Outcome.SENT:
            delivery.state = DeliveryState.SENT
            delivery.provider_id = result.provider_id[:200]
            delivery.sent_at = now
            delivery.ambiguous = False
        elif result.outcome == Outcome.RETRY and (
            delivery.attempts < settings.DELIVERY_MAX_ATTEMPTS
        ):
            delay = backoff_seconds(delivery.attempts)
            if result.retry_after is not None:
                delay = max(delay, result.retry_after)
            delivery.state = DeliveryState.QUEUED
            delivery.next_attempt_at = now + timedelta(seconds=delay)
            delivery.ambiguous = delivery.ambiguous or result.ambiguous
        else:
            delivery.state = DeliveryState.FAILED
            if result.outcome == Outcome.RETRY:
                reason = f"gave up after {delivery.attempts} attempts: {result.reason}"
                delivery.last_error = reason[:500]
            if result.outcome == Outcome.GONE and delivery.contact_point_id:
                gone.append(delivery.contact_point_id)
        changed.append(delivery)
    _write_back(changed)
    return gone


def _write_back(rows: list[Delivery]) -> None:
    """One parameterised UPDATE per row, sent as one batch (executemany). Only rows this
    worker still holds are written: a sweeper may have re-queued a stale lease."""
    if not rows:
        return
    table = connection.ops.quote_name(Delivery._meta.db_table)
    sql = (
        f"UPDATE {table} SET state = %s, provider_id = %s, sent_at = %s, "  # noqa: S608
        "next_attempt_at = %s, lease_until = NULL, ambiguous = %s, last_error = %s, "
        "updated_at = %s WHERE id = %s AND state = %s"
    )
    adapt = connection.ops.adapt_datetimefield_value
    params = [
        (
            row.state,
            row.provider_id,
            adapt(row.sent_at),
            adapt(row.next_attempt_at),
            row.ambiguous,
            row.last_error,
            adapt(row.updated_at),
            row.pk,
            DeliveryState.SENDING.value,
        )
        for row in rows
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, params)


def ledger_sweep(now: datetime | None = None) -> int:
    """Re-queue rows whose lease ran out (their worker died). An SMS or voice row becomes
    ambiguous: the provider is asked whether it went out before it is ever sent again. A row whose
    every attempt ended that way (DELIVERY_MAX_ATTEMPTS leases: something in it kills its
    worker, or its batch, each time) fails for good, with the reason, instead of taking
    its batch down again at every cycle."""
    now = now or timezone.now()
    stale = Delivery.objects.filter(state=DeliveryState.SENDING, lease_until__lt=now)
    stale.filter(attempts__gte=settings.DELIVERY_MAX_ATTEMPTS).update(
        state=DeliveryState.FAILED,
        lease_until=None,
        last_error=(
            f"gave up after {settings.DELIVERY_MAX_ATTEMPTS} attempts: each ended without "
            "an answer (its claim ran out)"
        ),
        updated_at=now,
    )
    sms = stale.filter(channel__in=LOOKUP_CHANNELS).update(
        state=DeliveryState.QUEUED, lease_until=None, ambiguous=True, updated_at=now
    )
    others = stale.update(state=DeliveryState.QUEUED, lease_until=None, updated_at=now)
    return sms + others


def ended_alerts(now: datetime | None = None):
    """Alerts whose queued messages must never go out: expired, or cancelled by an
    all-clear that is sending or sent (the whole incident thread it ends)."""
    now = now or timezone.now()
    cancels = Alert.objects.filter(
        msg_type=MsgType.CANCEL, state__in=[AlertState.SENDING, AlertState.SENT]
    )
    roots = list(cancels.values_list("thread_root_id", flat=True)) + list(
        cancels.values_list("references_id", flat=True)
    )
    roots = [pk for pk in roots if pk]
    ended = Q(expires__lt=now)
    if roots:
        ended |= (Q(pk__in=roots) | Q(thread_root_id__in=roots)) & ~Q(msg_type=MsgType.CANCEL)
    return Alert.objects.filter(ended)


def ledger_reap(now: datetime | None = None) -> int:
    """Close the queued rows of ended alerts, so they are never sent."""
    now = now or timezone.now()
    return Delivery.objects.filter(state=DeliveryState.QUEUED, alert__in=ended_alerts(now)).update(
        state=DeliveryState.CANCELLED,
        last_error="alert ended (cancelled or expired) before this message was sent",
        updated_at=now,
    )


def _best_due_priority(channel: str, now: datetime, below: int | None = None) -> int | None:
    rows = Delivery.objects.filter(
        channel=channel, state=DeliveryState.QUEUED, next_attempt_at__lte=now
    )
    if below is not None:
        rows = rows.filter(priority__lt=below)
    return rows.order_by("priority").values_list("priority", flat=True).first()


def ledger_outranked(channel: str, now: datetime | None = None) -> bool:
    """Another channel has a due message more urgent than every due one of `channel`.

    Senders of several channels may share one worker, each running until its channel is
    empty: a sender that is outranked hands the worker over, so that a correction or an
    all-clear goes out on every channel before the rest of any one channel. One indexed
    lookup per channel (the claim index leads with channel and priority)."""
    now = now or timezone.now()
    mine = _best_due_priority(channel, now)
    if mine is None:
        return False
    return any(
        _best_due_priority(other, now, below=mine) is not None
        for other in ChannelName.values
        if other != channel
    )


def next_due(channel: str) -> datetime | None:
    row = (
        Delivery.objects.filter(state=DeliveryState.QUEUED, channel=channel)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    return row
