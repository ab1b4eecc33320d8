"""The interface every sender implements, and the one result type they all return."""

import abc
import enum
from dataclasses import dataclass, field


class Outcome(enum.StrEnum):
    SENT = "sent"  # accepted by the provider; provider_id identifies it
    RETRY = "retry"  # transient (timeout, 5xx, 429): try again after retry_after seconds
    GONE = "gone"  # the address no longer exists (push 404/410, Twilio 21610): deactivate it
    FAILED = "failed"  # permanent for this message: close the delivery with the reason


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    provider_id: str = ""
    retry_after: float | None = None
    reason: str = ""
    # True when the request may have reached the provider but the answer was lost
    # (timeout or 5xx after the request left): look it up before any resend.
    ambiguous: bool = False

    @classmethod
    def sent(cls, provider_id: str = "") -> "SendResult":
        return cls(Outcome.SENT, provider_id=provider_id)

    @classmethod
    def retry(cls, reason: str, retry_after: float | None = None, ambiguous: bool = False):
        return cls(Outcome.RETRY, retry_after=retry_after, reason=reason, ambiguous=ambiguous)

    @classmethod
    def gone(cls, reason: str) -> "SendResult":
        return cls(Outcome.GONE, reason=reason)

    @classmethod
    def failed(cls, reason: str) -> "SendResult":
        return cls(Outcome.FAILED, reason=reason)


@dataclass(frozen=True)
class StatusReport:
    """What a provider's later report (a status callback) says became of a sent message:
    `outcome` "delivered", "failed" (with the reason; `gone` when the address no longer
    takes messages), "retry" (not reached this time: a busy line, no answer), or "" for
    nothing the ledger does not know already."""

    outcome: str = ""
    reason: str = ""
    gone: bool = False

    @classmethod
    def delivered(cls) -> "StatusReport":
        return cls("delivered")

    @classmethod
    def failed(cls, reason: str, gone: bool = False) -> "StatusReport":
        return cls("failed", reason=reason, gone=gone)

    @classmethod
    def retry(cls, reason: str) -> "StatusReport":
        return cls("retry", reason=reason)

    @classmethod
    def unchanged(cls) -> "StatusReport":
        return cls()


@dataclass
class Message:
    """One message to one address, already rendered in the recipient's language.

    `address` is an E.164 number (sms), an email address (email), or the JSON of a push
    subscription (push). Channel-specific fields are ignored by the others.
    """

    channel: str
    address: str
    text: str
    subject: str = ""
    html: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    # push
    payload: dict | None = None
    ttl: int | None = None
    urgency: str = "normal"
    topic: str = ""
    # a stable key for this message (ledger row id, verification id): idempotency, Message-ID
    reference: str = ""


class Channel(abc.ABC):
    """A sender for one channel. Subclasses implement `send`; `send_many` may batch."""

    name: str = ""
    #: True for senders that really deliver; False for the local outbox.
    delivers: bool = True
    #: True when `send_many(messages, on_result=callback)` calls `callback(index, result)`
    #: with each answer the provider gave before the next message goes out (one message
    #: on the wire at a time, as SMTP is): the caller records each answer at once, so a
    #: crash leaves at most one message in doubt. Answers known without sending anything
    #: (the rest of a batch once the server cannot be reached) may come only in the list
    #: `send_many` returns. False: the caller records the answers of a whole `send_many`
    #: (a slice of DELIVERY_RECORD_EVERY messages) at once.
    reports_each_answer: bool = False
    #: True for a provider with a strict rate (calls per second): the ledger asks the rate
    #: limiter before each message and records each answer before the next.
    one_at_a_time: bool = False

    @abc.abstractmethod
    def send(self, message: Message) -> SendResult:
        """Send one message; never raises for a provider's answer, returns a SendResult."""

    def send_many(self, messages: list[Message]) -> list[SendResult]:
        return [self.send(message) for message in messages]

    def close(self) -> None:
        """Release connections kept open between messages (none by default)."""
        return None
