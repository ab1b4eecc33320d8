"""Every change to an alert goes through one of these functions.

Each takes keyword-only arguments, runs in a transaction, checks the permission, changes
the state and writes the audit log (AlertEvent). The admin views, the import endpoint,
the management commands and the tasks all call them, so the rules hold whatever the
entry point, for superusers too.

Lifecycle: draft → submitted → approved → sending → sent. An update or a cancel
(all-clear) of a sent alert is a new alert, referencing the one it follows, that goes
through the same approval; the only exception is `alert_cancel_fast_track` (see there).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts import roles
from alerts.cap_partners import partner_referenced_alert
from alerts.cap_vocab import MsgType, Status
from alerts.events import record_event
from alerts.exceptions import AlertChangedError, AlertPermissionDenied, AlertTransitionError
from alerts.guidance import guidance_page
from alerts.models import (
    Alert,
    AlertAction,
    AlertEvent,
    AlertInfo,
    AlertState,
    AlertTemplate,
    AlertVersion,
    FastTrackKind,
    FastTrackText,
)
from alerts.models.alerts import INFO_LANGUAGES, REQUIRED_INFO_LANGUAGES
from alerts.models.fast_track import PLACEHOLDER, PLACEHOLDERS, texts_fingerprint
from alerts.models.fast_track import TEXT_FIELDS as FAST_TRACK_FIELDS
from alerts.outgoing import fingerprint as _fingerprint
from alerts.outgoing import outgoing_payload, payload_changes
from alerts.tasks import dispatch_alert
from portal.groups import group_label
from portal.two_factor import second_factor_refusal

INFO_FIELDS = ("event", "headline", "description", "instruction", "sms_text", "web_page")
ALERT_FIELDS = (
    "status",
    "scope",
    "category",
    "event",
    "response_type",
    "urgency",
    "severity",
    "certainty",
    "effective",
    "onset",
    "expires",
    "whole_region",
    "polygons",
    "circles",
    "geocodes",
)


# The steps that shape what an alert says: whoever took one may neither approve nor send
# back that alert (the four-eyes rule, over the whole history).
CONTRIBUTING_ACTIONS = (
    AlertAction.CREATED,
    AlertAction.EDITED,
    AlertAction.SUBMITTED,
    AlertAction.IMPORTED,
)


def alert_contributor_ids(alert: Alert) -> set[int]:
    """Everyone who wrote, edited, imported or submitted this alert."""
    ids = set(
        AlertEvent.objects.filter(alert=alert, action__in=CONTRIBUTING_ACTIONS)
        .exclude(user=None)
        .values_list("user_id", flat=True)
    )
    return (ids | {alert.created_by_id, alert.submitted_by_id}) - {None}


def alert_version(alert: Alert, payload: dict | None = None) -> AlertVersion:
    """The stored version of what `alert` would send now (created once per content)."""
    payload = outgoing_payload(alert) if payload is None else payload
    version, _created = AlertVersion.objects.get_or_create(
        alert=alert, fingerprint=_fingerprint(payload), defaults={"payload": payload}
    )
    return version


def _check_incident(alert: Alert) -> None:
    """A follow-up keeps the status and scope of its incident: a test, an exercise or a
    restricted message can never update or end a public alert (nor the reverse)."""
    root = alert.thread_root
    if root is not None and (alert.status, alert.scope) != (root.status, root.scope):
        raise AlertTransitionError(
            _(
                "A follow-up keeps the status and scope of its incident (%(status)s, "
                "%(scope)s): a test, an exercise or a restricted message can never update "
                "or end it."
            )
            % {"status": root.get_status_display(), "scope": root.get_scope_display()}
        )


def _require_second_factor(user) -> None:
    refusal = second_factor_refusal(user)
    if refusal:
        raise AlertPermissionDenied(refusal)


def _require_author(user) -> None:
    _require_second_factor(user)
    if not roles.is_author(user):
        raise AlertPermissionDenied(
            _("Only members of the “%(group)s” group may write alerts.")
            % {"group": group_label(roles.AUTHORS_GROUP)}
        )


def _require_approver(user) -> None:
    _require_second_factor(user)
    if not roles.is_approver(user):
        raise AlertPermissionDenied(
            _("Only members of the “%(group)s” group may approve alerts.")
            % {"group": group_label(roles.APPROVERS_GROUP)}
        )


def _require_state(alert: Alert, *states) -> None:
    if alert.state not in states:
        raise AlertTransitionError(
            _("This action is not possible on an alert in the state “%(state)s”.")
            % {"state": alert.get_state_display()}
        )


def _lock(alert: Alert, *, content: bool = False) -> Alert:
    """The alert's row, locked for the transaction; with `content`, its texts and
    communes read once for all the renderings an approval checks."""
    queryset = Alert.objects.select_for_update()
    if content:
        queryset = queryset.prefetch_related("infos", "communes")
    return queryset.get(pk=alert.pk)


def _save_infos(alert: Alert, infos: dict) -> None:
    """infos: {language: {headline, description, instruction, sms_text, web_page}};
    a language whose headline is empty is removed."""
    for language, values in infos.items():
        values = {key: value for key, value in values.items() if key in INFO_FIELDS}
        if not (values.get("headline") or "").strip():
            AlertInfo.objects.filter(alert=alert, language=language).delete()
            continue
        AlertInfo.objects.update_or_create(alert=alert, language=language, defaults=values)


def _apply(alert: Alert, fields: dict) -> None:
    for name, value in fields.items():
        if name not in ALERT_FIELDS:
            raise TypeError(f"unknown alert field {name}")
        setattr(alert, name, value)


# --- composing ------------------------------------------------------------------------


@transaction.atomic
def alert_create(*, user, fields: dict, infos: dict, communes=(), action=AlertAction.CREATED):
    """A new draft alert written by `user`."""
    _require_author(user)
    alert = Alert(created_by=user)
    _apply(alert, fields)
    alert.full_clean(exclude=["sender"])
    alert.save()
    alert.communes.set(communes)
    _save_infos(alert, infos)
    record_event(alert=alert, action=action, user=user)
    return alert


def template_values(template: AlertTemplate, *, now=None) -> tuple[dict, dict]:
    """The alert fields and the infos a template prefills."""
    now = now or timezone.now()
    fields = {
        "category": template.category,
        "event": template.event,
        "response_type": template.response_type,
        "urgency": template.urgency,
        "severity": template.severity,
        "certainty": template.certainty,
        "effective": now.replace(microsecond=0),
        "expires": (now + timedelta(hours=template.duration_hours)).replace(microsecond=0),
    }
    infos = {
        text.language: {
            "event": text.event,
            "headline": text.headline,
            "description": text.description,
            "instruction": text.instruction,
            "sms_text": text.sms_text,
            "web_page": guidance_page(template.category, text.language),
        }
        for text in template.texts.all()
    }
    return fields, infos


@transaction.atomic
def alert_create_from_template(
    *,
    user,
    template: AlertTemplate,
    status=Status.ACTUAL,
    scope="Public",
    communes=(),
    whole_region=False,
):
    fields, infos = template_values(template)
    fields.update(status=status, scope=scope, whole_region=whole_region)
    return alert_create(user=user, fields=fields, infos=infos, communes=communes)


@transaction.atomic
def alert_edit(*, alert: Alert, user, fields: dict, infos: dict, communes=None) -> Alert:
    """Change a draft. Only drafts are editable; identifier and sent never change."""
    _require_author(user)
    alert = _lock(alert)
    _require_state(alert, AlertState.DRAFT)
    _apply(alert, fields)
    _check_incident(alert)
    alert.full_clean(exclude=["sender"])
    alert.save()
    if communes is not None:
        alert.communes.set(communes)
    _save_infos(alert, infos)
    record_event(alert=alert, action=AlertAction.EDITED, user=user)
    return alert


def alert_problems(alert: Alert) -> list[str]:
    """What still prevents submitting this alert, in words for the author."""
    problems = []
    infos = alert.infos_by_language()
    for language in REQUIRED_INFO_LANGUAGES:
        info = infos.get(language)
        if info is None or not info.headline.strip() or not info.description.strip():
            problems.append(
                _("The %(language)s text (headline and description) is required.")
                % {"language": {"fr": _("French"), "nl": _("Dutch")}[language]}
            )
        elif not info.sms_text.strip():
            problems.append(
                _("The %(language)s SMS text is required.")
                % {"language": {"fr": _("French"), "nl": _("Dutch")}[language]}
            )
    if not alert.has_area:
        problems.append(_("Choose the area: communes, the whole region, a polygon or a circle."))
    if not alert.event.strip():
        problems.append(_("The event is required."))
    if alert.expires is None:
        problems.append(_("The expiry time is required."))
    elif alert.expires <= timezone.now():
        problems.append(_("The expiry time is in the past."))
    return problems


# --- approval -------------------------------------------------------------------------


def _submit(alert: Alert, user) -> Alert:
    """draft → submitted on a row locked by the caller; the submitted version is kept."""
    _check_incident(alert)
    problems = alert_problems(alert)
    if problems:
        raise AlertTransitionError(problems)
    alert.state = AlertState.SUBMITTED
    alert.submitted_by = user
    alert.save(update_fields=["state", "submitted_by", "audience", "updated_at"])
    record_event(
        alert=alert,
        action=AlertAction.SUBMITTED,
        user=user,
        from_state="draft",
        version=alert_version(alert),
    )
    return alert


ACKNOWLEDGED_FIELDS = ("headline", "description", "instruction", "sms_text")


def unchanged_texts(alert: Alert) -> list[tuple[str, str, str]]:
    """For an update: the texts (language, field, text) word for word those of the message
    it follows. Its author confirms each still holds before submitting it."""
    if alert.msg_type != MsgType.UPDATE or alert.references_id is None:
        return []
    previous = alert.references.infos_by_language()
    infos = alert.infos_by_language()
    unchanged = []
    for language in [code for code in INFO_LANGUAGES if code in infos]:
        info, before = infos[language], previous.get(language)
        for name in ACKNOWLEDGED_FIELDS:
            value = getattr(info, name)
            if before is not None and value.strip() and value == getattr(before, name):
                unchanged.append((language, name, value))
    return unchanged


@transaction.atomic
def alert_submit(*, alert: Alert, user, acknowledged=()) -> Alert:
    """Submit a draft for approval. For an update, `acknowledged` names each text left
    unchanged since the previous message ("fr.sms_text", …): its author has read it again
    and it still holds."""
    _require_author(user)
    alert = _lock(alert)
    _require_state(alert, AlertState.DRAFT)
    _check_incident(alert)
    missing = [
        f"{language.upper()} {AlertInfo._meta.get_field(name).verbose_name}"
        for language, name, _text in unchanged_texts(alert)
        if f"{language}.{name}" not in set(acknowledged)
    ]
    if missing:
        raise AlertTransitionError(
            _(
                "These texts have not changed since the previous message: confirm that each "
                "still holds, or change it: %(texts)s"
            )
            % {"texts": ", ".join(missing)}
        )
    return _submit(alert, user)


def _four_eyes_refusal(alert: Alert, user) -> str:
    if user.pk in alert_contributor_ids(alert):
        return _(
            "You wrote, edited or submitted this alert: another approver must check it "
            "(four-eyes rule)."
        )
    return ""


@transaction.atomic
def alert_reject(*, alert: Alert, user, reason: str) -> Alert:
    """An approver who took no part in writing it sends a submitted alert back to draft,
    with a reason; the version sent back stays in the history with that reason."""
    _require_approver(user)
    if not (reason or "").strip():
        raise AlertTransitionError(_("Give the reason for sending this alert back."))
    alert = _lock(alert)
    _require_state(alert, AlertState.SUBMITTED)
    refusal = _four_eyes_refusal(alert, user)
    if refusal:
        raise AlertPermissionDenied(refusal)
    version = alert_version(alert)
    alert.state = AlertState.DRAFT
    alert.submitted_by = None
    alert.save(update_fields=["state", "submitted_by", "updated_at"])
    record_event(
        alert=alert,
        action=AlertAction.REJECTED,
        user=user,
        from_state="submitted",
        detail=reason.strip(),
        version=version,
    )
    return alert


@transaction.atomic
def alert_withdraw(*, alert: Alert, user) -> Alert:
    """One of its authors takes a submitted alert back to draft to change it (an approval
    page opened before then no longer matches it, and is refused)."""
    _require_author(user)
    alert = _lock(alert)
    _require_state(alert, AlertState.SUBMITTED)
    if user.pk not in alert_contributor_ids(alert):
        raise AlertPermissionDenied(
            _("Only someone who wrote or submitted this alert may withdraw it.")
        )
    alert.state = AlertState.DRAFT
    alert.submitted_by = None
    alert.save(update_fields=["state", "submitted_by", "updated_at"])
    record_event(alert=alert, action=AlertAction.WITHDRAWN, user=user, from_state="submitted")
    return alert


def approval_refusal(alert: Alert, user) -> str:
    """Why `user` may not approve `alert` (empty when they may)."""
    if not roles.is_approver(user):
        return _("Only members of the “%(group)s” group may approve alerts.") % {
            "group": group_label(roles.APPROVERS_GROUP)
        }
    refusal = _four_eyes_refusal(alert, user)
    if refusal:
        return refusal
    if alert.state != AlertState.SUBMITTED:
        return _("Only a submitted alert can be approved.")
    return ""


def _raise_refusal(alert: Alert, user, refusal: str):
    if alert.state != AlertState.SUBMITTED and roles.is_approver(user):
        raise AlertTransitionError(refusal)
    raise AlertPermissionDenied(refusal)


def _changes_since(alert: Alert, seen: str, payload: dict) -> list:
    version = AlertVersion.objects.filter(alert=alert, fingerprint=seen).first()
    return payload_changes(version.payload, payload) if version else []


def alert_approve(*, alert: Alert, user, fingerprint: str) -> Alert:
    """Approve exactly what the approver saw, and hand it over for sending, in one
    transaction.

    `fingerprint` is `alerts.outgoing.alert_fingerprint` of the alert as shown to the
    approver; the content is rendered again under the row lock and a difference refuses
    the approval (AlertChangedError, saying what changed). The approver must be in the
    approvers group and have taken no part in writing it (creator, editors, submitter,
    importer), superusers included. A refused attempt is itself logged.
    """
    _require_second_factor(user)
    seen = fingerprint
    changes = None
    with transaction.atomic():
        locked = _lock(alert, content=True)
        refusal = approval_refusal(locked, user)
        if not refusal:
            _check_incident(locked)
            problems = alert_problems(locked)
            if problems:
                raise AlertTransitionError(problems)
            payload = outgoing_payload(locked)
            if _fingerprint(payload) == seen:
                locked.state = AlertState.APPROVED
                locked.approved_by = user
                record_event(
                    alert=locked,
                    action=AlertAction.APPROVED,
                    user=user,
                    from_state="submitted",
                    version=alert_version(locked, payload),
                )
                return _hand_over(locked, user)
            changes = _changes_since(locked, seen, payload)
            refusal = _(
                "This alert changed since you opened it: check what changed, then approve it again."
            )
    # Refused: nothing changed; the attempt is logged after the lock is released.
    if user is not None and user.is_authenticated and locked.state == AlertState.SUBMITTED:
        record_event(alert=locked, action=AlertAction.REFUSED, user=user, detail=refusal)
    if changes is not None:
        raise AlertChangedError(refusal, changes)
    _raise_refusal(locked, user, refusal)


@transaction.atomic
def alert_start_sending(*, alert: Alert, user) -> Alert:
    """The one hand-over to the delivery engine: approved → sending, and the dispatch task
    is enqueued once the transaction commits."""
    _require_approver(user)
    alert = _lock(alert)
    _require_state(alert, AlertState.APPROVED)
    if alert.approved_by_id is None:
        raise AlertTransitionError(_("Only an approved alert can be sent."))
    return _hand_over(alert, user)


def _hand_over(alert: Alert, user) -> Alert:
    """approved → sending on a row locked by the caller's transaction."""
    alert.state = AlertState.SENDING
    # Its CAP `sent` time: the site publishes it from now on, the workers fan it out.
    alert.sent = alert.sent or timezone.now().replace(microsecond=0)
    alert.save(update_fields=["state", "approved_by", "sent", "updated_at"])
    record_event(
        alert=alert,
        action=AlertAction.SENDING,
        user=user,
        from_state="approved",
        detail=_("Audience: %(audience)s") % {"audience": alert.get_audience_display()},
    )
    alert_id = alert.pk
    transaction.on_commit(lambda: dispatch_alert.enqueue(alert_id))
    return alert


# --- updates and all-clear ------------------------------------------------------------


def _check_followable(original: Alert) -> None:
    if original.state != AlertState.SENT:
        raise AlertTransitionError(_("Only a sent alert can be updated or cancelled."))
    if original.msg_type == MsgType.CANCEL:
        raise AlertTransitionError(_("This message already ended the alert."))
    root = original.thread_root or original
    if Alert.objects.filter(
        thread_root=root, msg_type=MsgType.CANCEL, state=AlertState.SENT
    ).exists():
        raise AlertTransitionError(_("This alert has already been ended by an all-clear."))


def _followup(*, original: Alert, user, msg_type: str, fields: dict, infos: dict) -> Alert:
    alert = Alert(
        created_by=user,
        msg_type=msg_type,
        references=original,
        thread_root=original.thread_root or original,
        status=original.status,
        scope=original.scope,
    )
    _apply(alert, fields)
    alert.full_clean(exclude=["sender"])
    alert.save()
    alert.communes.set(original.communes.all())
    _save_infos(alert, infos)
    return alert


def _copy_area(original: Alert) -> dict:
    return {
        "whole_region": original.whole_region,
        "polygons": original.polygons,
        "circles": original.circles,
        "geocodes": original.geocodes,
    }


@transaction.atomic
def alert_prepare_update(*, original: Alert, user) -> Alert:
    """A draft Update of a sent alert, prefilled with its content."""
    _require_author(user)
    original = _lock(original)
    _check_followable(original)
    fields = {name: getattr(original, name) for name in ALERT_FIELDS}
    fields["effective"] = timezone.now().replace(microsecond=0)
    if fields["expires"] and fields["expires"] <= fields["effective"]:
        fields["expires"] = None
    # A German (or other) block kept from a partner's document is not carried over: the
    # composer cannot change it, and it would go on saying what the original said.
    infos = {
        info.language: {name: getattr(info, name) for name in INFO_FIELDS}
        for info in original.infos.all()
        if not info.is_republished_only
    }
    alert = _followup(
        original=original, user=user, msg_type=MsgType.UPDATE, fields=fields, infos=infos
    )
    record_event(
        alert=alert,
        action=AlertAction.CREATED,
        user=user,
        detail=_("Update of %(identifier)s") % {"identifier": original.identifier},
    )
    return alert


# Fields of an all-clear or a correction: the past tense of the incident it ends.
_ENDING_FIELDS = {
    "response_type": "AllClear",
    "urgency": "Past",
    "severity": "Minor",
    "certainty": "Observed",
}
ENDING_DURATION = timedelta(hours=6)


def fast_track_text(kind: str) -> FastTrackText:
    """The version of a fast-track text in force: the latest one a second person approved."""
    text = (
        FastTrackText.objects.filter(kind=kind, approved_at__isnull=False)
        .order_by("-version")
        .first()
    )
    if text is None:
        raise AlertTransitionError(
            _("No approved “%(kind)s” text exists.") % {"kind": FastTrackKind(kind).label}
        )
    return text


def incident_words(original: Alert, language: str) -> dict:
    """{event} and {area} of an incident in one language, for the texts that end it."""
    infos = original.infos_by_language()
    info = infos.get(language) or infos.get("fr")
    return {
        "event": info.event_name if info else original.event,
        "area": original.area_description(language),
    }


def _ending_values(original: Alert, text: FastTrackText) -> tuple[dict, dict]:
    now = timezone.now().replace(microsecond=0)
    fields = {
        **_copy_area(original),
        **_ENDING_FIELDS,
        "category": original.category,
        "event": original.event,
        "effective": now,
        "expires": now + ENDING_DURATION,
    }
    infos = {}
    for language, info in original.infos_by_language().items():
        if language in text.texts:
            words = incident_words(original, language)
            infos[language] = {
                **text.filled(language, words),
                "event": words["event"],
                "web_page": info.web_page,
            }
    return fields, infos


@transaction.atomic
def alert_prepare_cancel(*, original: Alert, user) -> Alert:
    """A draft Cancel (all-clear) of a sent alert, prefilled from the approved all-clear
    text; the author may change it, and it goes through the normal approval."""
    _require_author(user)
    return _draft_ending(original=original, user=user, kind=FastTrackKind.ALL_CLEAR)


def _draft_ending(*, original: Alert, user, kind: str) -> Alert:
    """The all-clear or the correction of `original`, drafted from the approved text of
    that kind, naming the incident's event and area, and logged."""
    original = _lock(original)
    _check_followable(original)
    text = fast_track_text(kind)
    fields, infos = _ending_values(original, text)
    alert = _followup(
        original=original, user=user, msg_type=MsgType.CANCEL, fields=fields, infos=infos
    )
    if kind == FastTrackKind.CORRECTION:
        alert.correction = True
        alert.save(update_fields=["correction"])
    record_event(
        alert=alert,
        action=AlertAction.CREATED,
        user=user,
        detail=_("%(kind)s of %(identifier)s, from text %(text)s (%(fingerprint)s)")
        % {
            "kind": FastTrackKind(kind).label,
            "identifier": original.identifier,
            "text": text,
            "fingerprint": text.fingerprint[:12],
        },
    )
    return alert


@transaction.atomic
def alert_cancel_fast_track(
    *, original: Alert, user, reason: str, kind: str = FastTrackKind.ALL_CLEAR
) -> Alert:
    """End a sent alert at once, approved by a single approver: the all-clear, or the
    "sent in error" correction of a false alert.

    Rule: one member of the approvers group may send, alone, a message that can only end
    an alert and can say nothing else. It is a Cancel of a sent, not yet ended alert, of
    the same status, scope and area, whose texts are exactly the approved version in
    force of that kind's text (approved by two people: `fast_track_text_approve`), with
    the event and area of the incident, itself approved by two people; a reason is
    required and logged, with the text version sent. Any other content (an update, a
    changed all-clear) goes through the normal four-eyes approval. A correction reaches
    everyone who received a message of the incident, ahead of every other message.
    """
    _require_approver(user)
    if not (reason or "").strip():
        raise AlertTransitionError(_("Give the reason for ending this alert."))
    alert = _draft_ending(original=original, user=user, kind=kind)
    alert.state = AlertState.APPROVED
    alert.submitted_by = user
    alert.approved_by = user
    alert.save(update_fields=["state", "submitted_by", "approved_by", "updated_at"])
    record_event(
        alert=alert,
        action=AlertAction.CANCEL_FAST_TRACK,
        user=user,
        from_state="draft",
        detail=reason.strip(),
        version=alert_version(alert),
    )
    return alert_start_sending(alert=alert, user=user)


# --- fast-track texts -----------------------------------------------------------------


def _check_fast_track_texts(texts: dict) -> None:
    problems = []
    for language in REQUIRED_INFO_LANGUAGES:
        values = texts.get(language) or {}
        for name in ("headline", "description", "sms_text"):
            if not (values.get(name) or "").strip():
                problems.append(
                    _("%(language)s: the %(field)s is required.")
                    % {
                        "language": language.upper(),
                        "field": AlertInfo._meta.get_field(name).verbose_name,
                    }
                )
    for language, values in texts.items():
        for name in FAST_TRACK_FIELDS:
            for placeholder in PLACEHOLDER.findall(values.get(name) or ""):
                if placeholder not in PLACEHOLDERS:
                    problems.append(
                        _(
                            "%(language)s: unknown placeholder {%(name)s}: "
                            "use {event} and {area} only."
                        )
                        % {"language": language.upper(), "name": placeholder[:40]}
                    )
    if problems:
        raise AlertTransitionError(problems)


@transaction.atomic
def fast_track_text_propose(*, user, kind: str, texts: dict) -> FastTrackText:
    """A new version of a fast-track text; it takes effect once another person approves it."""
    _require_second_factor(user)
    if not roles.has_alert_role(user):
        raise AlertPermissionDenied(_("Only alert authors and approvers may propose these texts."))
    texts = {
        language: {name: (values.get(name) or "").strip() for name in FAST_TRACK_FIELDS}
        for language, values in texts.items()
        if any((values.get(name) or "").strip() for name in FAST_TRACK_FIELDS)
    }
    _check_fast_track_texts(texts)
    latest = (
        FastTrackText.objects.select_for_update().filter(kind=kind).order_by("-version").first()
    )
    version = (latest.version if latest else 0) + 1
    return FastTrackText.objects.create(
        kind=kind,
        version=version,
        texts=texts,
        fingerprint=texts_fingerprint(kind, version, texts),
        proposed_by=user,
    )


def fast_track_approval_refusal(text: FastTrackText, user) -> str:
    if not roles.is_approver(user):
        return _("Only members of the “%(group)s” group may approve alerts.") % {
            "group": group_label(roles.APPROVERS_GROUP)
        }
    if text.proposed_by_id == user.pk:
        return _("You proposed this text: another approver must check it (four-eyes rule).")
    if text.is_approved:
        return _("This version is already approved.")
    newer = FastTrackText.objects.filter(
        kind=text.kind, version__gt=text.version, approved_at__isnull=False
    )
    if newer.exists():
        return _("A newer version of this text is already in force.")
    return ""


@transaction.atomic
def fast_track_text_approve(*, text: FastTrackText, user, fingerprint: str) -> FastTrackText:
    """A second person approves a proposed version, exactly as they saw it."""
    _require_second_factor(user)
    text = FastTrackText.objects.select_for_update().get(pk=text.pk)
    refusal = fast_track_approval_refusal(text, user)
    if refusal:
        raise AlertPermissionDenied(refusal)
    if texts_fingerprint(text.kind, text.version, text.texts) != fingerprint:
        raise AlertChangedError(_("This text is not the one you were shown: open it again."))
    text.approved_by = user
    text.approved_at = timezone.now()
    text.save(update_fields=["approved_by", "approved_at"])
    return text


# --- import ---------------------------------------------------------------------------


@transaction.atomic
def alert_import(*, user, parsed, follows: Alert | None = None, submit: bool = True) -> Alert:
    """A CAP document from a partner system becomes a submitted alert awaiting approval,
    authored and submitted by the token's account (so that account can never approve it).
    `parsed` is an `alerts.cap_import.ParsedCap`; ValidationError when its content does
    not make a complete alert. An official feed's message relayed by an operator
    (`alerts.relay`) stays a draft (`submit=False`) and names the alert of ours it
    follows (`follows`, locked by the caller) instead of the partner lookup.

    A partner's Update or Cancel finds the alert it refers to by the partner's own
    identity (`alerts.cap_partners`). When that alert is sent, the message becomes its
    follow-up, approved like any other. When it still awaits approval, it is withdrawn
    (logged): a Cancel ends there, an Update takes its place. A Cancel without <info>
    gets the approved all-clear texts, naming the incident."""
    _require_author(user)
    if (
        parsed.identifier
        and Alert.objects.filter(
            partner_sender=parsed.sender, partner_identifier=parsed.identifier
        ).exists()
    ):
        raise AlertTransitionError(
            _("This sender already sent a message with identifier %(identifier)s.")
            % {"identifier": parsed.identifier}
        )
    references = None
    if parsed.references:
        references = follows or partner_referenced_alert(parsed, user)
        if references is None:
            raise AlertTransitionError(
                _("The referenced alert is unknown here: %(identifiers)s")
                % {"identifiers": ", ".join(parsed.references)}
            )
        if references.state == AlertState.SUBMITTED:
            withdrawn = _withdraw_for_partner(references, user, parsed)
            references = withdrawn.references
            if references is None and parsed.msg_type == MsgType.CANCEL:
                return withdrawn
        if references is not None:
            _check_followable(references)
    msg_type = parsed.msg_type if references is not None else MsgType.ALERT
    fields, infos, communes = parsed.fields, parsed.infos, parsed.communes
    if msg_type == MsgType.CANCEL and not infos:
        fields, infos = _ending_values(references, fast_track_text(FastTrackKind.ALL_CLEAR))
        communes = list(references.communes.values_list("pk", flat=True))
    alert = Alert(
        created_by=user,
        msg_type=msg_type,
        references=references,
        thread_root=(references.thread_root or references) if references else None,
        external_reference=parsed.external_reference[:500],
        partner_sender=parsed.sender[:200],
        partner_identifier=parsed.identifier[:200],
        partner_sent=parsed.sent[:40],
    )
    if references is not None:
        # A follow-up keeps the incident's status and scope, as one written here does.
        alert.status, alert.scope = references.status, references.scope
    _apply(alert, fields)
    alert.full_clean(exclude=["sender"])
    alert.save()
    alert.communes.set(communes)
    _save_infos(alert, infos)
    record_event(
        alert=alert, action=AlertAction.IMPORTED, user=user, detail=parsed.external_reference
    )
    return _submit(alert, user) if submit else alert


def _withdraw_for_partner(alert: Alert, user, parsed) -> Alert:
    """The partner's later message overtakes its alert still awaiting approval: back to
    draft, never sent, with the message that withdrew it in the log."""
    alert.state = AlertState.DRAFT
    alert.submitted_by = None
    alert.save(update_fields=["state", "submitted_by", "updated_at"])
    record_event(
        alert=alert,
        action=AlertAction.WITHDRAWN,
        user=user,
        from_state="submitted",
        detail=_("%(msg_type)s from the partner: %(reference)s")
        % {"msg_type": parsed.msg_type, "reference": parsed.external_reference},
    )
    return alert
