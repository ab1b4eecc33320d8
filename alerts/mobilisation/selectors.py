"""Reads for mobilisation: partner search, the common table, the situation page."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from alerts.models import Alert, AlertState

from .models import (
    Answer,
    MobilisationRequest,
    MobilisationTarget,
    NetworkPartner,
    PartnerContact,
    TargetState,
)


def target_and_contact(target_id: int, contact_id: int):
    target = (
        MobilisationTarget.objects.select_related("request", "request__resource_type", "partner")
        .filter(pk=target_id)
        .first()
    )
    if target is None:
        return None
    contact = PartnerContact.objects.filter(pk=contact_id, partner_id=target.partner_id).first()
    if contact is None:
        return None
    return target, contact


def partners_search(
    *,
    resource_type=None,
    min_quantity: int | None = None,
    communes=(),
    available_at: datetime | None = None,
) -> list[NetworkPartner]:
    """Active partners that declare `resource_type` (at least `min_quantity`), cover one
    of `communes` (or the whole region), and are available at `available_at` (24/7 or
    within their hours, Brussels time)."""
    partners: QuerySet = NetworkPartner.objects.filter(active=True)
    if resource_type is not None:
        has = Q(capabilities__resource_type=resource_type)
        if min_quantity:
            has &= Q(capabilities__quantity__gte=min_quantity)
        partners = partners.filter(has)
    if communes:
        partners = partners.filter(Q(whole_region=True) | Q(communes__in=list(communes)))
    partners = partners.distinct().prefetch_related("capabilities__resource_type", "contacts")
    if available_at is not None:
        return [partner for partner in partners if partner.is_available_at(available_at)]
    return list(partners)


@dataclass
class Board:
    request: MobilisationRequest
    targets: list
    asked: int
    available: int
    unavailable: int
    call_me: int
    silent: int
    unreached: int
    escalating: int
    committed: int


def board(request: MobilisationRequest) -> Board:
    """The common table of one request: every partner asked, with its answer."""
    targets = list(
        request.targets.select_related("partner", "contact", "answered_by").order_by(
            "state", "partner__name"
        )
    )
    by_answer = dict.fromkeys(Answer.values, 0)
    for target in targets:
        if target.answer:
            by_answer[target.answer] += 1
    return Board(
        request=request,
        targets=targets,
        asked=len(targets),
        available=by_answer[Answer.AVAILABLE],
        unavailable=by_answer[Answer.UNAVAILABLE],
        call_me=by_answer[Answer.CALL_ME],
        silent=sum(1 for t in targets if t.state == TargetState.ASKING),
        unreached=sum(1 for t in targets if t.state == TargetState.UNREACHED),
        escalating=sum(
            1 for t in targets if t.state == TargetState.ASKING and t.contacts_asked > 1
        ),
        committed=sum(t.quantity or 0 for t in targets if t.answer == Answer.AVAILABLE),
    )


def incident_messages(request: MobilisationRequest, language: str) -> list[dict]:
    """The official messages of the request's incident, newest first: headline and
    instruction in `language` (French when the alert has none in it)."""
    if request.incident_id is None:
        return []
    root = request.incident.thread_root_id or request.incident_id
    alerts = Alert.objects.filter(
        Q(pk=root) | Q(thread_root_id=root), state__in=[AlertState.SENDING, AlertState.SENT]
    ).order_by("-sent", "-pk")[:10]
    shown = []
    for alert in alerts:
        infos = alert.infos_by_language()
        info = infos.get(language) or infos.get("fr")
        if info is None:
            continue
        shown.append(
            {
                "sent": alert.sent or timezone.now(),
                "headline": info.headline,
                "instruction": info.instruction or info.description,
                "kind": alert.message_kind,
            }
        )
    return shown


@dataclass
class BoardRow:
    target: MobilisationTarget
    escalations: int
    minutes_to_first_answer: float | None


def board_rows(table: Board) -> list[BoardRow]:
    """Each partner asked, with what a drill report needs: escalations (contacts asked
    after the first) and the time to its first answer."""
    rows = []
    for target in table.targets:
        minutes = None
        if target.first_answer_at is not None:
            seconds = (target.first_answer_at - table.request.created_at).total_seconds()
            minutes = round(seconds / 60, 1)
        rows.append(BoardRow(target, max(target.contacts_asked - 1, 0), minutes))
    return rows
