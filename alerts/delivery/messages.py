"""From ledger rows to channel messages, rendering each (alert, language) text once."""

import base64
import hashlib
import json

from django.utils import timezone

from alerts.cap_vocab import Severity
from alerts.channels.base import Message
from alerts.models import Alert
from alerts.rendering import render_email, render_push, render_sms
from alerts.subscriptions.links import unsubscribe_headers

from .models import Delivery

DEFAULT_TTL = 24 * 3600
MAX_TTL = 28 * 24 * 3600


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
            render = {"sms": render_sms, "push": render_push, "email": render_email}[kind]
            self._texts[key] = render(alert, language)
        return self._texts[key]

    def build(self, delivery: Delivery) -> Message:
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
        return Message(
            channel="email",
            address=contact_point.address,
            subject=email.subject,
            text=email.text,
            html=email.html,
            headers=unsubscribe_headers(contact_point),
            reference=reference,
        )
