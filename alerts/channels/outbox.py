"""The local outbox: every channel's stand-in when no provider is configured.

Each message becomes one JSON file under VAR_DIR/outbox/<channel>/, clearly marked as not
sent. It implements the same interface as the real senders, so the rest of the system runs
unchanged on a laptop or in a demo.

`OutboxEmailBackend` is the same outbox as a Django mail backend (the default without
EMAIL_HOST): mail sent through Django's own framework (training confirmations, password
resets, Wagtail's notifications) lands beside the alerts' email, in the same format.
"""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from .base import Channel, Message, Outcome, SendResult

NOT_SENT = "NOT SENT — local outbox"


class OutboxChannel(Channel):
    delivers = False

    def __init__(self, name: str):
        self.name = name

    @property
    def directory(self) -> Path:
        return Path(settings.VAR_DIR) / "outbox" / self.name

    def send(self, message: Message) -> SendResult:
        now = timezone.now()
        identifier = f"{now:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"
        record = {
            "status": NOT_SENT,
            "written_at": now.isoformat(),
            "channel": self.name,
            "address": message.address,
            "subject": message.subject,
            "text": message.text,
            "html": message.html,
            "headers": message.headers,
            "payload": message.payload,
            "ttl": message.ttl,
            "urgency": message.urgency,
            "topic": message.topic,
            "reference": message.reference,
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"{identifier}.json"
            path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as error:
            return SendResult.retry(f"outbox not writable: {error}")
        return SendResult.sent(provider_id=f"outbox:{path.name}")

    def read_all(self) -> list[dict]:
        """Everything in this channel's outbox, oldest first (for the admin and tests)."""
        if not self.directory.exists():
            return []
        return [
            json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(self.directory.glob("*.json"))
        ]


class OutboxEmailBackend(BaseEmailBackend):
    """Django's mail framework into the local email outbox: one marked JSON file per
    recipient, as the outbox channel writes it (plain text, html alternative, headers)."""

    def send_messages(self, email_messages) -> int:
        outbox = OutboxChannel("email")
        written = 0
        for email in email_messages:
            html = next(
                (
                    str(content)
                    for content, mimetype in getattr(email, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            headers = {"From": email.from_email, **email.extra_headers}
            if email.cc:
                headers["Cc"] = ", ".join(email.cc)
            if email.reply_to:
                headers["Reply-To"] = ", ".join(email.reply_to)
            results = [
                outbox.send(
                    Message(
                        channel="email",
                        address=recipient,
                        subject=str(email.subject),
                        text=str(email.body),
                        html=html,
                        headers=headers,
                    )
                )
                for recipient in email.recipients()
            ]
            failures = [result.reason for result in results if result.outcome is not Outcome.SENT]
            if failures and not self.fail_silently:
                raise OSError(failures[0])
            written += not failures
        return written
