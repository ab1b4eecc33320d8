"""The texts each channel sends, per language: SMS, push notification and email.

Exercises and tests start every text with the trilingual marker, so nobody mistakes
them for a live alert. An update says so in its SMS, push title and email subject, in
the reader's language, so that nobody takes it for the message they already had.
"""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from alerts.cap import headline_for, page_url
from alerts.cap_vocab import MsgType, Scope, Status
from alerts.models import Alert
from alerts.sms_encoding import SmsLength, sms_length
from portal.site_urls import absolute_url


def _info(alert: Alert, language: str):
    info = alert.infos_by_language().get(language)
    if info is None:
        raise LookupError(f"alert {alert.pk} has no {language} text")
    return info


# The update marker per language; the SMS form stays within GSM-7 (no "À"), so that the
# marker never doubles the cost of a French SMS.
UPDATE_MARKERS = {"fr": "MISE À JOUR", "nl": "UPDATE", "en": "UPDATE"}
SMS_UPDATE_MARKERS = {"fr": "MISE A JOUR", "nl": "UPDATE", "en": "UPDATE"}


def _update_marker(alert: Alert, language: str, markers: dict) -> str:
    return markers.get(language, markers["en"]) if alert.msg_type == MsgType.UPDATE else ""


def sms_prefix(alert: Alert, language: str) -> str:
    """What an SMS of this alert starts with before its text: the exercise and update
    markers, each followed by ": " (empty for a live first message). It reads only the
    alert's status and message type, so the composer asks it of an unsaved alert."""
    markers = (alert.marker, _update_marker(alert, language, SMS_UPDATE_MARKERS))
    return "".join(f"{marker}: " for marker in markers if marker)


def sms_link(alert: Alert, language: str) -> str:
    """The short link to the alert's page in `language` (alerts.short_links), or "" for an
    alert citizens cannot open (a Test, a restricted scope, not saved yet)."""
    if (
        alert.pk is None
        or alert.scope != Scope.PUBLIC
        or alert.status not in (Status.ACTUAL, Status.EXERCISE)
    ):
        return ""
    return absolute_url(reverse("alerts_data:short", kwargs={"pk": alert.pk, "language": language}))


def sms_suffix(alert: Alert, language: str) -> str:
    """What an SMS of this alert ends with after its text: a space and the short link to
    its page. Like `sms_prefix`, it reads only the alert's id, scope and status, so the
    composer asks it of an unsaved alert given the id it will have."""
    link = sms_link(alert, language)
    return f" {link}" if link else ""


def render_sms(alert: Alert, language: str) -> str:
    # NFC: text pasted from some editors arrives decomposed ("e" + combining accent), which
    # GSM-7 cannot carry; composed, "é" is one GSM-7 character.
    text = unicodedata.normalize("NFC", _info(alert, language).sms_text.strip())
    return sms_prefix(alert, language) + text + sms_suffix(alert, language)


def render_title(alert: Alert, language: str) -> str:
    """The push title and email subject: headline, exercise and update markers."""
    headline = _info(alert, language).headline
    update = _update_marker(alert, language, UPDATE_MARKERS)
    return headline_for(alert, f"{update} – {headline}" if update else headline)


def render_push(alert: Alert, language: str) -> dict:
    info = _info(alert, language)
    body = info.instruction or info.description
    if len(body) > 240:
        body = body[:239].rstrip() + "…"
    return {
        "title": render_title(alert, language),
        "body": body,
        "url": page_url(alert, language),
        # An update or all-clear replaces the notification of the same incident.
        "tag": (alert.thread_root or alert).identifier,
        # The same message received twice (a resend after a crash) replaces itself silently.
        "id": alert.identifier,
        "severity": alert.severity,
    }


@dataclass(frozen=True)
class Email:
    """An email as sent. `text` is plain text, never HTML: `render_to_string` marks its
    output safe, a mark that would let alert text pass unescaped into an admin page that
    shows it, so it is dropped here (only `html` is HTML, built by an escaping template)."""

    subject: str
    text: str
    html: str

    def __post_init__(self):
        object.__setattr__(self, "text", str.__str__(self.text))
        object.__setattr__(self, "subject", str.__str__(self.subject))


def render_email(alert: Alert, language: str) -> Email:
    info = _info(alert, language)
    with translation.override(language):
        context = {
            "alert": alert,
            "info": info,
            "headline": render_title(alert, language),
            "url": page_url(alert, language),
            "area": alert.area_description(language),
            "language": language,
            # An all-clear ends the alert now: it has no "until".
            "until": alert.expires if alert.msg_type != MsgType.CANCEL else None,
        }
        return Email(
            subject=render_title(alert, language),
            text=render_to_string("alerts/messages/email.txt", context),
            html=render_to_string("alerts/messages/email.html", context),
        )


# Spoken words: the exercise marker in the listener's language only (a voice cannot read
# "EXERCICE / OEFENING / EXERCISE" in three languages), and the update marker.
SPOKEN_MARKERS = {"fr": "Exercice.", "nl": "Oefening.", "en": "Exercise."}
SPOKEN_UPDATE = {"fr": "Mise à jour.", "nl": "Update.", "en": "Update."}
SPOKEN_AREA = {"fr": "Zone", "nl": "Gebied", "en": "Area"}
#: Words a neural voice says per second at its normal pace, for the duration estimate.
WORDS_PER_SECOND = 2.5
MAX_SPOKEN_CHARACTERS = 900


def render_voice(alert: Alert, language: str) -> str:
    """What a voice call says (once; the call says it twice): markers, headline, area,
    then what to do. No link: a listener cannot follow one."""
    info = _info(alert, language)
    parts = []
    if alert.marker:
        parts.append(SPOKEN_MARKERS.get(language, SPOKEN_MARKERS["en"]))
    if alert.msg_type == MsgType.UPDATE:
        parts.append(SPOKEN_UPDATE.get(language, SPOKEN_UPDATE["en"]))
    parts.append(info.headline.rstrip(".") + ".")
    area = alert.area_description(language)
    if area:
        parts.append(f"{SPOKEN_AREA.get(language, SPOKEN_AREA['en'])}: {area}.")
    parts.append((info.instruction or info.description).strip())
    text = " ".join(" ".join(part.split()) for part in parts if part)
    if len(text) > MAX_SPOKEN_CHARACTERS:
        text = text[: MAX_SPOKEN_CHARACTERS - 1].rsplit(" ", 1)[0] + "…"
    return text


def voice_seconds(text: str, readings: int = 2) -> int:
    """About how long a call lasts: the text read `readings` times, a pause between."""
    words = len(text.split())
    return round(readings * words / WORDS_PER_SECOND + (readings - 1))


@dataclass(frozen=True)
class SmsPreview:
    language: str
    text: str
    length: SmsLength
    cost_per_recipient_eur: float


def sms_preview(alert: Alert, language: str) -> SmsPreview:
    text = render_sms(alert, language)
    length = sms_length(text)
    price = float(settings.SMS_PRICE_PER_SEGMENT_EUR)
    return SmsPreview(language, text, length, round(length.segments * price, 4))


@dataclass(frozen=True)
class VoicePreview:
    language: str
    text: str
    seconds: int
    cost_per_call_eur: float


def voice_preview(alert: Alert, language: str) -> VoicePreview:
    """The words a call says, how long it lasts (read twice), and what one call costs
    (whole minutes, as the provider bills them)."""
    text = render_voice(alert, language)
    seconds = voice_seconds(text)
    minutes = max(1, -(-seconds // 60))
    price = float(settings.VOICE_PRICE_PER_MINUTE_EUR)
    return VoicePreview(language, text, seconds, round(minutes * price, 4))
