"""What leaves the system when an alert is approved, and its fingerprint.

An approver approves exactly what they saw: the approve page shows the renderings below
(made by the same functions the senders call) and its form carries their fingerprint;
`alerts.services.alert_approve` renders again under the row lock and refuses when the
fingerprint differs. The payload is also what the history keeps of each submitted,
rejected and approved version, and what the difference between two messages of an
incident is computed on.
"""

import difflib
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _

from alerts.cap import alert_to_cap
from alerts.models import Alert
from alerts.models.alerts import INFO_LANGUAGES, parse_polygons
from alerts.rendering import render_email, render_push, render_sms

# A CAP `sent` time stands in for the one given at hand-over, so that the document an
# approver saw and the one sent differ only by it.
_SENT_PLACEHOLDER = datetime(2000, 1, 1, tzinfo=UTC)

MESSAGE_FIELDS = (
    "msg_type",
    "status",
    "scope",
    "audience",
    "category",
    "event",
    "response_type",
    "urgency",
    "severity",
    "certainty",
    "effective",
    "onset",
    "expires",
)
CHANNEL_LABELS = {
    "sms": _("SMS"),
    "push_title": _("Push title"),
    "push_body": _("Push text"),
    "push_url": _("Push link"),
    "email_subject": _("Email subject"),
    "email_text": _("Email text"),
    "email_html": _("Email (HTML)"),
}
AREA_LABELS = {
    "whole_region": _("Whole region"),
    "communes": _("Communes"),
    "polygons": _("Polygons"),
    "circles": _("Circles"),
}


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def channel_texts(alert: Alert, language: str) -> dict:
    push = render_push(alert, language)
    email = render_email(alert, language)
    return {
        "sms": render_sms(alert, language),
        "push_title": push["title"],
        "push_body": push["body"],
        "push_url": push["url"],
        "email_subject": email.subject,
        "email_text": email.text,
        "email_html": email.html,
    }


def outgoing_payload(alert: Alert) -> dict:
    """Everything an approval releases, as plain JSON-able data."""
    infos = alert.infos_by_language()
    references = alert.references.identifier if alert.references_id else ""
    return {
        "message": {
            **{name: _value(getattr(alert, name)) for name in MESSAGE_FIELDS},
            "references": references or alert.external_reference,
        },
        "area": {
            "whole_region": alert.whole_region,
            "communes": sorted(commune.pk for commune in alert.communes.all()),
            "polygons": parse_polygons(alert.polygons),
            "circles": parse_polygons(alert.circles),
        },
        "texts": {
            language: channel_texts(alert, language)
            for language in INFO_LANGUAGES
            if language in infos
        },
        "cap": alert_to_cap(alert, sent=_SENT_PLACEHOLDER).decode()
        if alert.sent is None
        else _cap_without_sent(alert),
    }


def _cap_without_sent(alert: Alert) -> str:
    """An alert already handed over (sent time fixed) fingerprinted as it was approved."""
    sent, alert.sent = alert.sent, None
    try:
        return alert_to_cap(alert, sent=_SENT_PLACEHOLDER).decode()
    finally:
        alert.sent = sent


def fingerprint(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def alert_fingerprint(alert: Alert) -> str:
    return fingerprint(outgoing_payload(alert))


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str

    @property
    def lines(self) -> list[tuple[str, str]]:
        """For long texts (an email, the CAP document): only the lines that differ, as
        ("removed" | "added", line); empty for short values, shown whole."""
        if self.before.count("\n") < 3 and self.after.count("\n") < 3:
            return []
        kinds = {"- ": "removed", "+ ": "added"}
        return [
            (kinds[line[:2]], line[2:])
            for line in difflib.ndiff(self.before.splitlines(), self.after.splitlines())
            if line[:2] in kinds
        ]


def _field_label(name: str) -> str:
    if name == "references":
        return str(_("Follows"))
    return str(Alert._meta.get_field(name).verbose_name).capitalize()


def _show(value) -> str:
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return "" if value is None else str(value)


def payload_rows(payload: dict) -> list[tuple[str, str]]:
    """The message and area of a payload as (label, value) rows for people."""
    rows = [(_field_label(name), _show(payload["message"].get(name))) for name in MESSAGE_FIELDS]
    rows.append((_field_label("references"), _show(payload["message"].get("references"))))
    rows += [(str(label), _show(payload["area"].get(name))) for name, label in AREA_LABELS.items()]
    return rows


# Between two messages of one incident these always differ and say nothing new.
_FOLLOW_UP_NOISE = {"msg_type", "references", "effective", "push_url", "email_html"}


def payload_changes(before: dict, after: dict, *, include_cap: bool = True) -> list[Change]:
    """What differs between two payloads, in the order an approver reads a message. With
    `include_cap` off (two messages of an incident), what always differs between two
    messages is left out."""
    changes = []
    noise = set() if include_cap else _FOLLOW_UP_NOISE
    for name in (*MESSAGE_FIELDS, "references"):
        if name in noise:
            continue
        old, new = before["message"].get(name), after["message"].get(name)
        if old != new:
            changes.append(Change(_field_label(name), _show(old), _show(new)))
    for name, label in AREA_LABELS.items():
        old, new = before["area"].get(name), after["area"].get(name)
        if old != new:
            changes.append(Change(str(label), _show(old), _show(new)))
    languages = [
        code for code in INFO_LANGUAGES if code in before["texts"] or code in after["texts"]
    ]
    for language in languages:
        old_texts = before["texts"].get(language, {})
        new_texts = after["texts"].get(language, {})
        for key, label in CHANNEL_LABELS.items():
            if key in noise:
                continue
            old, new = old_texts.get(key, ""), new_texts.get(key, "")
            if old != new:
                changes.append(Change(f"{label} ({language.upper()})", old, new))
    if include_cap and before.get("cap") != after.get("cap"):
        changes.append(Change(str(_("CAP XML")), before.get("cap", ""), after.get("cap", "")))
    return changes
