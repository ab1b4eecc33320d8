"""Incoming SMS other than STOP and START: a feature registers a handler (the partner
network answering a mobilisation request: "DISPO 40"), and the webhook tries each inside
the same once-per-MessageSid guard as the keywords, so a replayed signed request changes
nothing. Subscriptions import no feature: the arrow points from the feature to here."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reply:
    """What to answer the sender, already in their language."""

    text: str


Handler = Callable[..., Reply | None]  # handler(*, from_number: str, body: str)

_handlers: list[Handler] = []


def register(handler: Handler) -> None:
    if handler not in _handlers:
        _handlers.append(handler)


def handle(*, from_number: str, body: str) -> Reply | None:
    for handler in _handlers:
        reply = handler(from_number=from_number, body=body)
        if reply is not None:
            return reply
    return None
