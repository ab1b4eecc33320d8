"""Every change to a mobilisation goes through one of these functions (keyword-only
arguments, one transaction, audit inside). The admin, the answer page, the SMS webhook and
the periodic worker call them.

A request asks each selected partner's first contact; the periodic worker
(`mobilisation_escalate`) asks the next contact of a partner that has not answered within
the request's delay, and marks the partner unreached at the end of its list. Messages go
through the delivery ledger (one row per contact point and partner asked: the unique key
means nobody is asked twice for one request, whatever crashes and restarts happen).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts.cap_vocab import Status
from alerts.delivery.models import Delivery, DeliveryState, Priority
from alerts.delivery.tasks import enqueue_senders
from alerts.roles import has_alert_role
from alerts.subscriptions.models import ContactPoint

from .models import (
    Answer,
    MobilisationEvent,
    MobilisationRequest,
    MobilisationTarget,
    NetworkPartner,
    PartnerContact,
    RequestState,
    TargetState,
)

Action = MobilisationEvent.Action


@dataclass
class RequestData:
    need_fr: str
    need_nl: str
    place: str
    needed_from: datetime
    need_en: str = ""
    status: str = Status.ACTUAL
    resource_type: object = None
    quantity_needed: int | None = None
    communes: tuple = ()
    escalate_after_minutes: int = 10
    incident: object = None
    centre_phone: str = ""


def _check_role(user) -> None:
    if not has_alert_role(user):
        raise PermissionDenied(_("Only alert authors and approvers may mobilise the network."))


def _deliverable(contact: PartnerContact):
    return ContactPoint.objects.filter(
        subscriber_id=contact.subscriber_id, active=True, confirmed_at__isnull=False
    )


def _next_contact(partner_id: int, after_position: int | None) -> PartnerContact | None:
    """The first active contact after `after_position` (in the partner's order) that has
    at least one confirmed address; None at the end of the list."""
    contacts = PartnerContact.objects.filter(partner_id=partner_id, active=True).order_by(
        "position", "pk"
    )
    if after_position is not None:
        contacts = contacts.filter(position__gt=after_position)
    for contact in contacts:
        if _deliverable(contact).exists():
            return contact
    return None


def _ask(target: MobilisationTarget, contact: PartnerContact, now: datetime) -> set[str]:
    """Queue the request for every confirmed address of `contact` (none again when they
    exist already: a second run after a crash asks nobody twice); returns the channels,
    whose senders the caller starts once for all the partners it asks."""
    request = target.request
    priority = Priority.OTHER if request.is_exercise else Priority.SEVERE
    rows = [
        Delivery(
            mobilisation=target,
            contact_point=contact_point,
            channel=contact_point.channel,
            language=contact.language,
            state=DeliveryState.QUEUED,
            priority=priority,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        )
        for contact_point in _deliverable(contact)
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    MobilisationEvent.objects.create(
        request=request,
        target=target,
        contact=contact,
        action=Action.ASKED,
        at=now,
        via="escalation" if target.contacts_asked > 1 else "",
    )
    return {row.channel for row in rows}


def mobilisation_send(
    *, user, data: RequestData, partners: list[NetworkPartner], now: datetime | None = None
) -> MobilisationRequest:
    """Create the request and ask the first contact of each partner."""
    _check_role(user)
    if not data.need_fr.strip() or not data.need_nl.strip():
        raise ValidationError(_("Write what is needed in French and in Dutch."))
    if not partners:
        raise ValidationError(_("Choose at least one partner to ask."))
    if not 1 <= data.escalate_after_minutes <= 24 * 60:
        raise ValidationError(_("The delay before the next contact is 1 to 1440 minutes."))
    now = now or timezone.now()
    with transaction.atomic():
        request = MobilisationRequest.objects.create(
            status=data.status,
            need_fr=data.need_fr.strip(),
            need_nl=data.need_nl.strip(),
            need_en=data.need_en.strip(),
            resource_type=data.resource_type,
            quantity_needed=data.quantity_needed,
            place=data.place.strip(),
            needed_from=data.needed_from,
            escalate_after_minutes=data.escalate_after_minutes,
            incident=data.incident,
            centre_phone=data.centre_phone,
            created_by=user,
        )
        request.communes.set(data.communes)
        MobilisationEvent.objects.create(request=request, user=user, action=Action.SENT, at=now)
        channels: set[str] = set()
        for partner in {p.pk: p for p in partners}.values():
            target = MobilisationTarget.objects.create(request=request, partner=partner)
            channels |= _advance(target, now)
        transaction.on_commit(lambda: enqueue_senders(sorted(channels)))
    return request


def _advance(target: MobilisationTarget, now: datetime) -> set[str]:
    """Ask the partner's next contact, or mark it unreached; returns the channels asked
    on. The caller holds the row."""
    after = target.contact_position if target.contact_id else None
    contact = _next_contact(target.partner_id, after)
    if contact is None:
        target.state = TargetState.UNREACHED
        target.save(update_fields=["state"])
        MobilisationEvent.objects.create(
            request=target.request, target=target, action=Action.UNREACHED, at=now
        )
        return set()
    target.contact = contact
    target.contact_position = contact.position
    target.contacts_asked += 1
    target.asked_at = now
    target.save(update_fields=["contact", "contact_position", "contacts_asked", "asked_at"])
    return _ask(target, contact, now)


def mobilisation_escalate(*, now: datetime | None = None) -> int:
    """Ask the next contact of every partner whose contact did not answer in time.

    Run by the periodic worker from the database alone, so it survives restarts: each
    target is taken under its row lock and re-checked, its contact position only moves
    forward, and the ledger's unique key refuses a second row for an address already
    asked. Returns the partners escalated (or marked unreached)."""
    now = now or timezone.now()
    due = (
        MobilisationTarget.objects.filter(
            state=TargetState.ASKING, request__state=RequestState.OPEN, asked_at__isnull=False
        )
        .select_related("request")
        .only("pk", "asked_at", "request__escalate_after_minutes")
    )
    moved, channels = 0, set()
    for candidate in due:
        limit = timedelta(minutes=candidate.request.escalate_after_minutes)
        if candidate.asked_at + limit > now:
            continue
        with transaction.atomic():
            target = (
                MobilisationTarget.objects.select_for_update()
                .select_related("request")
                .get(pk=candidate.pk)
            )
            if target.state != TargetState.ASKING or target.asked_at + limit > now:
                continue  # answered, or escalated by another worker, meanwhile
            channels |= _advance(target, now)
            moved += 1
    # Each partner's step is committed; one sender per channel for all of them.
    enqueue_senders(sorted(channels))
    return moved


def _answer_allowed(target: MobilisationTarget, contact: PartnerContact) -> None:
    if contact.partner_id != target.partner_id:
        raise PermissionDenied("contact of another partner")
    if target.request.state != RequestState.OPEN:
        raise ValidationError(_("This request is closed: answers are no longer taken."))
    asked = Delivery.objects.filter(
        mobilisation=target, contact_point__subscriber_id=contact.subscriber_id
    ).exists()
    if not asked:
        raise PermissionDenied("contact not asked")


def mobilisation_answer(
    *,
    target: MobilisationTarget,
    contact: PartnerContact,
    answer: str,
    quantity: int | None = None,
    via: str,
    now: datetime | None = None,
) -> MobilisationTarget:
    """A contact answers for the partner. The latest answer stands (the first is kept as
    the time to first answer); every answer is in the audit trail. A partner that answers
    is never escalated further."""
    if answer not in Answer.values:
        raise ValidationError(_("Unknown answer."))
    if quantity is not None and not 0 <= quantity <= 1_000_000:
        raise ValidationError(_("The quantity must be a whole number from 0 to 1,000,000."))
    if answer != Answer.AVAILABLE:
        quantity = None
    now = now or timezone.now()
    with transaction.atomic():
        target = (
            MobilisationTarget.objects.select_for_update()
            .select_related("request")
            .get(pk=target.pk)
        )
        _answer_allowed(target, contact)
        target.state = TargetState.ANSWERED
        target.answer = answer
        target.quantity = quantity
        target.answered_at = now
        target.answered_by = contact
        target.first_answer_at = target.first_answer_at or now
        target.save(
            update_fields=[
                "state",
                "answer",
                "quantity",
                "answered_at",
                "answered_by",
                "first_answer_at",
            ]
        )
        MobilisationEvent.objects.create(
            request=target.request,
            target=target,
            contact=contact,
            action=Action.ANSWERED,
            answer=answer,
            quantity=quantity,
            via=via,
            at=now,
        )
    return target


def mobilisation_close(
    *, user, request: MobilisationRequest, now: datetime | None = None
) -> MobilisationRequest:
    """End a request: no more escalation, answers refused, queued messages not sent."""
    _check_role(user)
    now = now or timezone.now()
    with transaction.atomic():
        request = MobilisationRequest.objects.select_for_update().get(pk=request.pk)
        if request.state == RequestState.CLOSED:
            return request
        request.state = RequestState.CLOSED
        request.closed_at = now
        request.save(update_fields=["state", "closed_at"])
        request.targets.filter(state=TargetState.ASKING).update(state=TargetState.CLOSED)
        Delivery.objects.filter(mobilisation__request=request, state=DeliveryState.QUEUED).update(
            state=DeliveryState.CANCELLED,
            last_error="mobilisation request closed before this message was sent",
            updated_at=now,
        )
        MobilisationEvent.objects.create(request=request, user=user, action=Action.CLOSED, at=now)
    return request
