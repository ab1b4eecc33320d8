"""Delivery services: send what is due, and the periodic safety net.

Tasks and commands call these; they hold the logic, the tasks none.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alerts.channels.base import SendResult, StatusReport
from alerts.channels.registry import get_channel
from alerts.channels.sms import SMSLookupError
from alerts.channels.voice import VoiceLookupError
from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.services import contact_point_mark_gone

from . import ledger, throttle
from .messages import MessageBuilder
from .models import Delivery, DeliveryState

logger = logging.getLogger(__name__)


def _gone(contact_point_ids) -> None:
    for contact_point in ContactPoint.objects.filter(pk__in=contact_point_ids):
        contact_point_mark_gone(contact_point=contact_point, reason="delivery")


def _send_recording_each(channel, chunk) -> list[tuple[Delivery, SendResult]]:
    """Send a slice through a channel that reports each answer as the provider gives it,
    and record each at once (one single-row UPDATE, committed before the next message
    goes out). Returns the answers it did not report (nothing was sent for them)."""
    rows = [row for row, _message in chunk]
    reported = set()

    def record(index: int, result: SendResult) -> None:
        gone = ledger.ledger_record([(rows[index], result)])
        if gone:
            _gone(gone)
        reported.add(index)

    results = channel.send_many([message for _row, message in chunk], on_result=record)
    return [
        (row, result)
        for index, (row, result) in enumerate(zip(rows, results, strict=True))
        if index not in reported
    ]


def delivery_send_batch(*, channel_name: str, channel, builder: MessageBuilder) -> int:
    """Claim one batch of due rows, send them, record the answers. Returns rows claimed."""
    ledger.ledger_reap()
    ids = ledger.ledger_claim(channel=channel_name, limit=settings.DELIVERY_BATCH_SIZE)
    if not ids:
        return 0
    rows = list(
        Delivery.objects.filter(pk__in=ids)
        .select_related("contact_point", "contact_point__subscriber")
        .order_by("priority", "id")
    )
    outcomes, pending = [], []
    for row in rows:
        if row.contact_point is None or not row.contact_point.active:
            outcomes.append((row, SendResult.failed("unsubscribed before this message was sent")))
            continue
        message = builder.build(row)
        if row.ambiguous and hasattr(channel, "find_sent"):
            # The last attempt may have reached the provider: ask before sending again.
            try:
                found = channel.find_sent(message, since=row.created_at - timedelta(minutes=1))
            except (SMSLookupError, VoiceLookupError) as error:
                outcomes.append((row, SendResult.retry(f"cannot check before resending: {error}")))
                continue
            if found:
                outcomes.append((row, SendResult.sent(found)))
                continue
        pending.append((row, message))
    # Answers are written back slice by slice: after a crash, only the slice that was in
    # flight is in doubt (SMS asks the provider; push resends with the same Topic and tag,
    # so the citizen's device shows one message). A channel that reports each answer as
    # it comes (email: one message on the wire at a time) has each written at once: a
    # crash leaves at most one message in doubt, resent with the same Message-ID.
    step = 1 if channel.one_at_a_time else max(1, settings.DELIVERY_RECORD_EVERY)
    for start in range(0, max(len(pending), 1), step):
        chunk = pending[start : start + step]
        if chunk:
            throttle.acquire(channel_name, len(chunk))
            if channel.reports_each_answer:
                _gone(ledger.ledger_record(outcomes))
                outcomes = _send_recording_each(channel, chunk)
            else:
                results = channel.send_many([message for _row, message in chunk])
                outcomes += [
                    (row, result) for (row, _message), result in zip(chunk, results, strict=True)
                ]
        _gone(ledger.ledger_record(outcomes))
        outcomes = []
    return len(rows)


def delivery_run(*, channel_name: str, time_budget: float | None = None) -> int:
    """Send due messages of one channel until none is left, the time budget is spent, or
    another channel has more urgent messages due (`ledger.ledger_outranked`: the caller
    comes back once they are out)."""
    budget = time_budget if time_budget is not None else settings.DELIVERY_TASK_SECONDS
    deadline = time.monotonic() + budget
    channel = get_channel(channel_name)
    builder = MessageBuilder()
    total = 0
    try:
        ledger.ledger_sweep()
        while time.monotonic() < deadline:
            claimed = delivery_send_batch(
                channel_name=channel_name, channel=channel, builder=builder
            )
            if not claimed:
                break
            total += claimed
            if ledger.ledger_outranked(channel_name):
                break
    finally:
        channel.close()
    return total


def delivery_sweep() -> dict:
    """The safety net, run periodically: re-queue expired leases and close rows of ended
    alerts. Returns the channels with messages due, for the caller to start their senders
    (tasks.enqueue_senders)."""
    now = timezone.now()
    requeued = ledger.ledger_sweep(now)
    reaped = ledger.ledger_reap(now)
    due = list(
        Delivery.objects.filter(state=DeliveryState.QUEUED, next_attempt_at__lte=now)
        .values_list("channel", flat=True)
        .distinct()
        .order_by()
    )
    return {"requeued": requeued, "reaped": reaped, "channels": due}


def delivery_status_update(*, provider_id: str, report: StatusReport) -> int:
    """Apply a provider's status report (its channel reads the provider's words); never
    moves a row backwards. Returns rows moved."""
    now = timezone.now()
    rows = Delivery.objects.filter(provider_id=provider_id)
    if report.outcome == "delivered":
        return rows.filter(state=DeliveryState.SENT).update(
            state=DeliveryState.DELIVERED, delivered_at=now, updated_at=now
        )
    if report.outcome == "retry":
        return _not_reached(rows, report, now)
    if report.outcome == "failed":
        # Only a row still `sent` can fail: a late or replayed failure for a message
        # already delivered (or failed) moves nothing and deactivates nobody.
        with transaction.atomic():
            failing = list(
                rows.filter(state=DeliveryState.SENT)
                .select_for_update()
                .values_list("pk", "contact_point_id")
            )
            moved = Delivery.objects.filter(
                pk__in=[pk for pk, _contact in failing], state=DeliveryState.SENT
            ).update(state=DeliveryState.FAILED, last_error=report.reason[:500], updated_at=now)
            if moved and report.gone:
                _gone([contact for _pk, contact in failing if contact is not None])
        return moved
    return 0


def _not_reached(rows, report: StatusReport, now) -> int:
    """A call that found a busy line or no answer: called again after a pause that grows
    with each call, up to DELIVERY_VOICE_MAX_CALLS calls in all; then failed. The row
    forgets the call's id, so a replayed callback for it moves nothing."""
    moved = 0
    with transaction.atomic():
        for row in rows.filter(state=DeliveryState.SENT).select_for_update():
            if row.attempts >= settings.DELIVERY_VOICE_MAX_CALLS:
                reason = f"not reached after {row.attempts} calls: {report.reason}"
                state, due = DeliveryState.FAILED, row.next_attempt_at
            else:
                reason = report.reason
                state = DeliveryState.QUEUED
                due = now + timedelta(seconds=settings.DELIVERY_VOICE_RETRY_SECONDS * row.attempts)
            moved += Delivery.objects.filter(pk=row.pk, state=DeliveryState.SENT).update(
                state=state,
                provider_id="",
                next_attempt_at=due,
                last_error=reason[:500],
                updated_at=now,
            )
    return moved
