"""Where an alert sends people for guidance: the risk page of its category, in the
reader's language. The content app provides the lookup when it starts (campaigns/apps.py);
the alert lifecycle imports no content model, and works without it (no link)."""

from collections.abc import Callable

Lookup = Callable[[str, str], object | None]  # (CAP category, language) -> page or None

_lookup: Lookup | None = None


def register(lookup: Lookup) -> None:
    global _lookup  # noqa: PLW0603 - one provider per installation, set at start-up
    _lookup = lookup


def guidance_page(category: str, language: str):
    return _lookup(category, language) if _lookup is not None else None
