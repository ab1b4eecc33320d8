"""Does this text read in the language it is published in?

Brussels publishes every page and every alert in French and Dutch (and English where it
matters): a Dutch page with a French paragraph pasted in, or an alert whose Dutch block is
still the French one, reaches the reader in the wrong language. This module finds such
paragraphs with lingua (a statistical language identifier) so that the editor and the
approver see them before publication; it flags, it never decides.

- Only the languages that matter here are told apart: French, Dutch, English and German
  (German text is the usual false friend of Dutch). Fewer candidates, fewer confusions.
- A paragraph with fewer than ``MIN_LETTERS`` letters (a name, an address, a telephone
  line, a heading of two words) is not judged: the identifier guesses on so little.
- In rich text, an element carrying ``lang="xx"`` (a name or a quotation the editor marked
  as being in another language) is left out of its paragraph.
- A paragraph is flagged when some of its sentences read as another language and others
  do not (languages mixed in one paragraph), or when it reads as another language as a
  whole.

The detector is built once per process, lazily: building it costs nothing, and its
language models (≈ 130 MB for the four languages, ≈ 1.1 s to load) are read on the first
check, so processes that never check text (public page workers, the task worker) never pay
for them. Measured here: ≈ 0.15 ms per paragraph once loaded.

Imports no feature app: pages and alerts hand their text to it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import lxml.html
from django.utils.translation import get_language_info
from lingua import Language, LanguageDetectorBuilder

LANGUAGES = {
    "fr": Language.FRENCH,
    "nl": Language.DUTCH,
    "en": Language.ENGLISH,
    "de": Language.GERMAN,
}
CODE_OF = {language: code for code, language in LANGUAGES.items()}

# Fewer letters than this and the paragraph (or sentence) is not judged.
MIN_LETTERS = 25
# A paragraph or sentence reads as another language when that language has at least
# MIN_CONFIDENCE of the evidence (0 to 1, shared by the four languages) and the expected
# one at most MAX_EXPECTED. Measured on the demo content (≈ 700 paragraphs of real FR, NL
# and EN advice of 25 letters or more): no paragraph flagged in its own language, and
# 96 % of French paragraphs flagged as such on the Dutch side, 98 % of Dutch ones on the
# French side (a single threshold of 0.8 found 90 % and 95 %, 0.6 raised false flags).
MIN_CONFIDENCE = 0.5
MAX_EXPECTED = 0.1
# How much of a flagged paragraph is shown.
EXCERPT_LENGTH = 160

# Where a paragraph of rich text ends: at each of these elements.
BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dt"}
    | {"dd", "figcaption", "caption", "div", "ul", "ol", "table", "tr", "section", "article"}
    | {"aside", "header", "footer"}
)
# A sentence ends at . ! ? or ; followed by a space (or at a line break).
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
BLANK_LINES = re.compile(r"\n\s*\n")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LanguageFlag:
    """A paragraph that reads (wholly or in part) as another language than expected."""

    paragraph: str
    expected: str  # "nl"
    detected: str  # "fr"
    confidence: float  # 0 to 1
    # The sentence that reads as `detected` when only part of the paragraph does
    # (languages mixed in one paragraph); empty when the whole paragraph does.
    passage: str = ""

    @property
    def mixed(self) -> bool:
        return bool(self.passage)

    @property
    def excerpt(self) -> str:
        return excerpt(self.passage or self.paragraph)

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    @property
    def detected_name(self) -> str:
        return language_name(self.detected)


def language_name(code: str) -> str:
    """The name of a language ("French", "Dutch"…) in the active language."""
    return str(get_language_info(code)["name_translated"])


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@cache
def detector():
    """The process's detector: built once, its models loaded on first use (see above)."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES.values()).build()


def letter_count(text: str) -> int:
    return sum(1 for character in text if character.isalpha())


def normalise(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def paragraphs_of_text(text: str) -> list[str]:
    """The paragraphs of plain text (an alert description): blocks between blank lines.
    Line breaks inside a paragraph are kept: each line is at least one sentence."""
    paragraphs = []
    for block in BLANK_LINES.split(text or ""):
        lines = [normalise(line) for line in block.splitlines()]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def paragraphs_of_html(html: str, expected: str = "") -> list[str]:
    """The paragraphs of rich text, each as plain text, leaving out every element marked
    with a `lang` attribute other than `expected` (names and quotations in another
    language). Each block element (paragraph, list item, heading, quotation…) is one
    paragraph."""
    if not html or not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    paragraphs: list[str] = []
    current: list[str] = []

    def flush():
        text = normalise("".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(element):
        if not isinstance(element.tag, str):  # comments and processing instructions
            return
        tag = element.tag.lower()
        language = (element.get("lang") or "").strip().lower()
        marked = bool(language) and language.split("-")[0] != expected
        block = tag in BLOCK_TAGS
        if block:
            flush()
        if tag == "br":
            current.append(" ")
        elif not marked:
            current.append(element.text or "")
            for child in element:
                walk(child)
                current.append(child.tail or "")
        else:
            current.append(" ")
        if block:
            flush()

    walk(root)
    flush()
    return paragraphs


def sentences(paragraph: str) -> list[str]:
    return [s for s in (part.strip() for part in SENTENCE_END.split(paragraph)) if s]


def other_language(text: str, expected: str) -> tuple[str, float] | None:
    """The other language `text` reads as, with its confidence (0 to 1), or None."""
    values = {
        CODE_OF[value.language]: value.value
        for value in detector().compute_language_confidence_values(text)
    }
    if not values:
        return None
    detected = max(values, key=values.get)
    if (
        detected != expected
        and values[detected] >= MIN_CONFIDENCE
        and values.get(expected, 0.0) <= MAX_EXPECTED
    ):
        return detected, values[detected]
    return None


def paragraph_flag(paragraph: str, expected: str) -> LanguageFlag | None:
    """The flag for one paragraph written in `expected`, or None when it reads as that
    language (or is too short to judge)."""
    text = normalise(paragraph)
    if letter_count(text) < MIN_LETTERS:
        return None
    judged = [s for s in sentences(paragraph) if letter_count(s) >= MIN_LETTERS]
    if len(judged) >= 2:
        foreign = []
        for sentence in judged:
            other = other_language(sentence, expected)
            if other is not None:
                foreign.append((normalise(sentence), *other))
        if foreign and len(foreign) < len(judged):
            passage, detected, confidence = foreign[0]
            return LanguageFlag(text, expected, detected, confidence, passage=passage)
    other = other_language(text, expected)
    if other is not None:
        return LanguageFlag(text, expected, *other)
    return None


def language_flags(paragraphs: Iterable[str], expected: str) -> list[LanguageFlag]:
    """The paragraphs that read as another language than `expected` ("fr", "nl", "en"),
    wholly or in one of their sentences, in order. A language outside the four known
    ones is not checked (nothing is flagged)."""
    expected = (expected or "")[:2].lower()
    if expected not in LANGUAGES:
        return []
    flags = []
    for paragraph in paragraphs:
        flag = paragraph_flag(paragraph, expected)
        if flag is not None:
            flags.append(flag)
    return flags
