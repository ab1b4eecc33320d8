"""Messages other than alerts that travel through the ledger.

A feature that sends through the delivery engine (a mobilisation request to partner
contacts) registers here how one of its ledger rows becomes a channel message; the engine
calls it for rows that carry no alert. The engine imports no feature: the arrow points
from the feature to delivery.
"""

from collections.abc import Callable

from alerts.channels.base import Message

from .models import Delivery

Builder = Callable[[Delivery], Message]

_builders: dict[str, Builder] = {}


def register(field: str, build: Builder) -> None:
    """`field`: the ledger column that names the message (e.g. "mobilisation")."""
    _builders[field] = build


def build(delivery: Delivery) -> Message:
    for field, builder in _builders.items():
        if getattr(delivery, f"{field}_id", None) is not None:
            return builder(delivery)
    raise LookupError(f"no message source for delivery #{delivery.pk}")
