"""The local outbox: every channel's stand-in when no provider is configured.

Each message becomes one JSON file under VAR_DIR/outbox/<channel>/, clearly marked as not
sent. It implements the same interface as the real senders, so the rest of the system runs
unchanged on a laptop or in a demo.
"""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .base import Channel, Message, SendResult

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
