"""From ledger rows to channel messages, rendering each (alert, language) text once."""

import base64
import hashlib
import json

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alerts.cap_vocab import Severity
from alerts.channels.base import Message
from alerts.channels.voice import twiml
from alerts.models import Alert
from alerts.rendering import render_email, render_push, render_sms, render_voice
from alerts.subscriptions import links
from portal.site_urls import absolute_url

from . import sources
from .models import Delivery

DEFAULT_TTL = 24 * 3600
MAX_TTL = 28 * 24 * 3600
# Where each recipient's own links go in the footer rendered once per language (a signed
# link is URL-safe text: escaping leaves it unchanged, so it may replace the slot as is).
MANAGE_SLOT = "__lux_manage_url__"
UNSUBSCRIBE_SLOT = "__lux_unsubscribe_url__"


def push_topic(alert: Alert) -> str:
    """RFC 8030 Topic (≤ 32 URL-safe base64 characters), the same for every message of an
    incident, so an update or all-clear replaces an original not yet delivered."""
    incident = (alert.thread_root or alert).identifier
    digest = hashlib.sha256(incident.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:32]


def time_to_live(alert: Alert) -> int:
    if alert.expires is None:
        return DEFAULT_TTL
    return max(0, min(MAX_TTL, int((alert.expires - timezone.now()).total_seconds())))


class MessageBuilder:
    def __init__(self):
        self._alerts: dict[int, Alert] = {}
        self._texts: dict[tuple, object] = {}

    def alert(self, alert_id: int) -> Alert:
        if alert_id not in self._alerts:
            self._alerts[alert_id] = Alert.objects.select_related("thread_root").get(pk=alert_id)
        return self._alerts[alert_id]

    def _text(self, kind: str, alert: Alert, language: str):
        key = (kind, alert.pk, language)
        if key not in self._texts:
            render = {
                "sms": render_sms,
                "push": render_push,
                "email": render_email,
                "voice": render_voice,
            }[kind]
            self._texts[key] = render(alert, language)
        return self._texts[key]

    def _footer(self, language: str) -> tuple[str, str]:
        """The footer every alert email ends with (text, html), with slots for the links."""
        key = ("footer", None, language)
        if key not in self._texts:
            context = {"manage_url": MANAGE_SLOT, "unsubscribe_url": UNSUBSCRIBE_SLOT}
            with translation.override(language):
                self._texts[key] = (
                    str.__str__(render_to_string("alerts/messages/email_footer.txt", context)),
                    str.__str__(render_to_string("alerts/messages/email_footer.html", context)),
                )
        return self._texts[key]

    def _email_with_footer(self, email, delivery: Delivery) -> tuple[str, str]:
        """The alert email's text and html with the recipient's manage and unsubscribe
        links (in the subscriber's language) in a visible footer."""
        contact_point = delivery.contact_point
        urls = {
            MANAGE_SLOT: links.manage_url(contact_point.subscriber),
            UNSUBSCRIBE_SLOT: links.unsubscribe_url(contact_point),
        }
        text, html = self._footer(delivery.language)
        for slot, url in urls.items():
            text, html = text.replace(slot, url), html.replace(slot, url)
        body, end, rest = email.html.rpartition("</body>")
        return email.text + text, (body + html + end + rest) if end else email.html + html

    def build(self, delivery: Delivery) -> Message:
        if delivery.alert_id is None:
            return sources.build(delivery)
        alert = self.alert(delivery.alert_id)
        contact_point = delivery.contact_point
        language = delivery.language
        reference = f"lux-{alert.pk}-{delivery.pk}"
        if delivery.channel == "sms":
            return Message(
                channel="sms",
                address=contact_point.address,
                text=self._text("sms", alert, language),
                reference=reference,
                ttl=time_to_live(alert),
            )
        if delivery.channel == "voice":
            text = self._text("voice", alert, language)
            again = absolute_url(reverse("delivery:twilio_voice_again", args=[delivery.pk]))
            return Message(
                channel="voice",
                address=contact_point.address,
                text=text,
                payload={"twiml": twiml(text, language, again)},
                reference=reference,
            )
        if delivery.channel == "push":
            payload = self._text("push", alert, language)
            return Message(
                channel="push",
                address=json.dumps(contact_point.subscription_info()),
                text=payload["body"],
                payload=payload,
                ttl=time_to_live(alert),
                urgency="high"
                if alert.severity in (Severity.EXTREME, Severity.SEVERE)
                else "normal",
                topic=push_topic(alert),
                reference=reference,
            )
        email = self._text("email", alert, language)
        text, html = self._email_with_footer(email, delivery)
        return Message(
            channel="email",
            address=contact_point.address,
            subject=email.subject,
            text=text,
            html=html,
            headers=links.unsubscribe_headers(contact_point),
            reference=reference,
        )
