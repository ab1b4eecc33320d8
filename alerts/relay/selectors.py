"""Reads for the operators' list of external alerts."""

from dataclasses import dataclass

from django.db.models import Q

from alerts.cap_vocab import MsgType
from alerts.models import Alert
from alerts.relay.models import ExternalAlert, ExternalFeed

LIST_LIMIT = 200


@dataclass
class Row:
    external: ExternalAlert
    language: str  # the tag of the texts shown ("fr-BE")
    headline: str
    area: str
    follows: Alert | None  # the alert of ours an Update or Cancel would follow


def _texts_for(external: ExternalAlert, language: str) -> tuple[str, dict]:
    """The texts in the reader's language when the document has them, else the first."""
    texts = external.texts or {}
    for tag, values in texts.items():
        if tag.split("-")[0].lower() == language:
            return tag, values
    for tag, values in texts.items():
        return tag, values
    return "", {}


def relayed_original(external: ExternalAlert) -> Alert | None:
    """For an Update or Cancel: the latest alert of ours relayed from a message it
    references, from the same feed and the same sender (another sender in the feed may
    not update or end it)."""
    wanted = Q()
    for sender, identifier, sent in external.reference_triples():
        if sender == external.sender:
            wanted |= Q(sender=sender, identifier=identifier, sent=sent)
    if not wanted:
        return None
    relayed = (
        ExternalAlert.objects.filter(wanted, feed_id=external.feed_id, relayed_alert__isnull=False)
        .select_related("relayed_alert")
        .order_by("-relayed_alert__created_at")
        .first()
    )
    return relayed.relayed_alert if relayed else None


def external_alert_rows(*, language: str) -> list[Row]:
    rows = []
    for external in ExternalAlert.objects.select_related(
        "feed", "relayed_alert", "relayed_by"
    ).defer("document")[:LIST_LIMIT]:
        tag, texts = _texts_for(external, language)
        follows = None
        if external.msg_type in (MsgType.UPDATE, MsgType.CANCEL) and not external.relayed_alert_id:
            follows = relayed_original(external)
        rows.append(
            Row(
                external=external,
                language=tag,
                headline=texts.get("headline", ""),
                area=texts.get("area", ""),
                follows=follows,
            )
        )
    return rows


def feeds() -> list[ExternalFeed]:
    return list(ExternalFeed.objects.all())
