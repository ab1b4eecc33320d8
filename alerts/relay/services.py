"""Polling official feeds and relaying what they say as drafts of ours.

The periodic worker calls `feeds_poll_due` on every loop; each feed whose interval has
passed is polled once (`feed_poll`). Warnings whose area touches the region are kept as
ExternalAlert rows; nothing is ever sent from here. An operator's `external_alert_relay`
hands the document to the CAP import's own service (`alerts.services.alert_import`),
which makes a draft for the normal approval.
"""

import dataclasses
import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts import roles
from alerts import services as alert_services
from alerts.cap_import import CapImportError, parse_cap
from alerts.cap_vocab import MsgType
from alerts.exceptions import AlertPermissionDenied, AlertTransitionError
from alerts.models import Alert
from alerts.relay.documents import DocumentRefused, atom_entries, cap_summary
from alerts.relay.fetch import FetchError, fetch
from alerts.relay.models import ExternalAlert, ExternalFeed, FeedKind
from alerts.relay.selectors import relayed_original
from portal.two_factor import second_factor_refusal

logger = logging.getLogger(__name__)
#: At most this many refused entries are remembered on the feed.
MAX_REFUSALS_SHOWN = 20


def feeds_poll_due(now=None) -> int:
    """Poll every enabled feed whose interval has passed; the number of feeds polled.
    A feed is claimed by moving its last poll time, so two workers never poll it twice."""
    now = now or timezone.now()
    polled = 0
    for feed in ExternalFeed.objects.filter(enabled=True):
        due = feed.last_polled_at is None or (
            feed.last_polled_at + timedelta(minutes=feed.poll_minutes) <= now
        )
        if not due:
            continue
        claimed = ExternalFeed.objects.filter(
            pk=feed.pk, last_polled_at=feed.last_polled_at
        ).update(last_polled_at=now)
        if not claimed:
            continue
        feed.last_polled_at = now
        try:
            feed_poll(feed=feed, now=now)
        except Exception:  # one broken feed never stops the worker or the other feeds
            logger.exception("polling feed %s failed", feed.pk)
            ExternalFeed.objects.filter(pk=feed.pk).update(
                last_error=_("Internal error while polling; see the server log.")
            )
        polled += 1
    return polled


@dataclasses.dataclass
class PollOutcome:
    kept: int = 0
    skipped: int = 0
    refused: list = dataclasses.field(default_factory=list)
    not_modified: bool = False


def feed_poll(*, feed: ExternalFeed, now=None) -> PollOutcome:
    """Fetch the feed (conditionally), keep its warnings for the region; the feed row
    records the success or the error with its reason."""
    outcome = PollOutcome()
    now = now or timezone.now()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.not_modified:
            outcome.not_modified = True
            seen = feed.seen_urls
        elif feed.kind == FeedKind.ATOM:
            seen = _read_atom(feed, fetched.body, outcome)
        else:
            seen = []
            _keep(feed, feed.url, fetched.body, outcome)
    except (FetchError, DocumentRefused) as error:
        ExternalFeed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=str(error))
        feed.last_error = str(error)
        return outcome
    changes = {
        "last_polled_at": now,
        "last_success_at": now,
        "last_error": "",
        "seen_urls": seen,
    }
    if not outcome.not_modified:
        changes.update(
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            last_refusals="\n".join(outcome.refused[:MAX_REFUSALS_SHOWN]),
        )
    ExternalFeed.objects.filter(pk=feed.pk).update(**changes)
    for name, value in changes.items():
        setattr(feed, name, value)
    return outcome


def _read_atom(feed, body: bytes, outcome: PollOutcome) -> list[str]:
    """Fetch each entry's document not read before; the addresses read (to skip next time).
    An entry refused for its content is remembered too; one that could not be fetched is
    tried again at the next poll."""
    already = set(feed.seen_urls)
    seen = []
    for entry in atom_entries(body, feed.url):
        if entry.refusal:
            outcome.refused.append(entry.refusal)
            continue
        if entry.url in already:
            seen.append(entry.url)
            continue
        try:
            document = fetch(entry.url).body
        except FetchError as error:
            outcome.refused.append(f"{entry.url[:200]}: {error}")
            continue
        try:
            _keep(feed, entry.url, document, outcome)
        except DocumentRefused as error:
            outcome.refused.append(f"{entry.url[:200]}: {error}")
        seen.append(entry.url)
    return list(dict.fromkeys(seen))


def _keep(feed, url: str, document: bytes, outcome: PollOutcome) -> None:
    """Keep one CAP document when its area touches the region (DocumentRefused when it
    is not a safe CAP document)."""
    summary = cap_summary(document)
    if not summary.touches_region:
        outcome.skipped += 1
        return
    if ExternalAlert.objects.filter(
        sender=summary.sender, identifier=summary.identifier, sent=summary.sent
    ).exists():
        return
    try:
        parse_cap(document)
        problem = ""
    except CapImportError as error:
        problem = str(error)
    try:
        with transaction.atomic():
            ExternalAlert.objects.create(
                feed=feed,
                url=url[:1000],
                document=document,
                sender=summary.sender,
                identifier=summary.identifier,
                sent=summary.sent,
                sent_at=summary.sent_at,
                status=summary.status,
                msg_type=summary.msg_type,
                severity=summary.severity,
                expires=summary.expires,
                references=summary.references,
                texts=summary.texts,
                import_problem=problem[:2000],
            )
    except IntegrityError:
        return  # read meanwhile from another feed
    outcome.kept += 1


# --- relaying ---------------------------------------------------------------------------


def _require_author(user) -> None:
    refusal = second_factor_refusal(user)
    if refusal:
        raise AlertPermissionDenied(refusal)
    if not roles.is_author(user):
        raise AlertPermissionDenied(_("Only alert authors may relay an external alert."))


@transaction.atomic
def external_alert_relay(*, user, external_alert: ExternalAlert) -> Alert:
    """A draft of ours from an external alert, for the normal approval; relayed twice, the
    same draft. An Update or Cancel of a message already relayed becomes the Update or
    Cancel of our alert; an Update of a message never relayed becomes a new alert.
    AlertPermissionDenied or ValidationError (AlertTransitionError) with the reason."""
    _require_author(user)
    external = ExternalAlert.objects.select_for_update().get(pk=external_alert.pk)
    if external.relayed_alert_id is not None:
        return external.relayed_alert
    try:
        parsed = parse_cap(bytes(external.document))
    except CapImportError as error:
        raise AlertTransitionError(str(error)) from None
    follows = None
    if parsed.msg_type in (MsgType.UPDATE, MsgType.CANCEL):
        follows = relayed_original(external)
        if follows is not None:
            follows = Alert.objects.select_for_update().get(pk=follows.pk)
        elif parsed.msg_type == MsgType.CANCEL:
            raise AlertTransitionError(
                _("This cancels a message that was never relayed here: there is nothing to end.")
            )
        else:
            parsed = dataclasses.replace(
                parsed, msg_type=MsgType.ALERT, references=[], reference_triples=[]
            )
    alert = alert_services.alert_import(user=user, parsed=parsed, follows=follows, submit=False)
    external.relayed_alert = alert
    external.relayed_by = user
    external.relayed_at = timezone.now()
    external.save(update_fields=["relayed_alert", "relayed_by", "relayed_at"])
    return alert
