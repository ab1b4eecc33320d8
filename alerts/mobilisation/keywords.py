"""Answers to a mobilisation request by SMS: a keyword in French, Dutch or English, and
for "available" an optional quantity ("DISPO 40", "BESCHIKBAAR 40 bedden", "YES 12")."""

import re

from .models import Answer

KEYWORDS = {
    Answer.AVAILABLE: {"DISPO", "DISPONIBLE", "OUI", "BESCHIKBAAR", "JA", "AVAILABLE", "YES"},
    Answer.UNAVAILABLE: {
        "INDISPO",
        "INDISPONIBLE",
        "NON",
        "PAS",
        "NIET",
        "NEE",
        "NEEN",
        "UNAVAILABLE",
        "NO",
    },
    Answer.CALL_ME: {"APPEL", "APPELEZ", "BEL", "BELLEN", "CALL"},
}
_NUMBER = re.compile(r"\b(\d{1,7})\b")
_MAX_BODY = 160


def parse(body: str) -> tuple[str, int | None] | None:
    """(answer, quantity) for a keyword answer, None for any other text."""
    text = (body or "")[:_MAX_BODY].strip().upper()
    if not text:
        return None
    first = re.split(r"[\s,.;:!-]+", text, maxsplit=1)[0]
    first = first.replace("É", "E")
    for answer, words in KEYWORDS.items():
        if first in words:
            quantity = None
            if answer == Answer.AVAILABLE:
                match = _NUMBER.search(text[len(first) :])
                quantity = int(match.group(1)) if match else None
            return answer, quantity
    return None
