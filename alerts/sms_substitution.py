"""The characters that turn an SMS into UCS-2, and their plain GSM-7 equivalents.

One typographic apostrophe pasted from a word processor sends the whole SMS in UCS-2:
70 characters per segment instead of 160, two to three times the cost. The composer
lists those characters and offers to replace them, in two reviewed tables:

- PLAIN: punctuation, spaces, invisible characters and ligatures, whose plain form reads
  the same (’ → ', « » → ", – → -, … → ..., œ → oe). Offered whenever one is present.
- PLAIN_LETTERS: accented letters GSM-7 lacks (ê → e, ç → c, ï → i). A word without
  its accent may read differently (sûr, sur; tâche, tache), so this table is a separate,
  explicit choice of the author, never applied with the first.

Letters GSM-7 does carry (é è à ù ì ò Ç É Ä Ö Ü ä ö ü ñ) are never touched. A character
in neither table (an emoji, °) has no plain equivalent: it is listed for the author to
rewrite. Substitution only ever happens in the composer, before the alert is saved,
submitted and approved; nothing here runs on the way out.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from alerts.sms_encoding import GSM7_BASIC_SET, GSM7_EXTENSION_SET

APOSTROPHE = _("typographic apostrophe")
SINGLE_QUOTE = _("typographic single quote")
DOUBLE_QUOTE = _("typographic double quote")
GUILLEMET = _("angle quote")
DASH = _("dash")
HYPHEN = _("typographic hyphen")
SPACE = _("typographic space")
INVISIBLE = _("invisible character")

# Character → (plain replacement, readable name). Every replacement is GSM-7 (a test
# holds it to that); "" removes an invisible character.
PLAIN = {
    "\u2019": ("'", APOSTROPHE),  # ’ the apostrophe of French word processors
    "\u02bc": ("'", APOSTROPHE),  # ʼ modifier letter apostrophe
    "`": ("'", _("grave accent used as an apostrophe")),
    "\u00b4": ("'", _("acute accent used as an apostrophe")),
    "\u2018": ("'", SINGLE_QUOTE),  # ‘
    "\u201a": ("'", SINGLE_QUOTE),  # ‚
    "\u2039": ("'", GUILLEMET),  # ‹
    "\u203a": ("'", GUILLEMET),  # ›
    "\u2032": ("'", _("prime")),  # ′
    "\u201c": ('"', DOUBLE_QUOTE),  # “
    "\u201d": ('"', DOUBLE_QUOTE),  # ”
    "\u201e": ('"', DOUBLE_QUOTE),  # „ Dutch opening quote
    "\u00ab": ('"', GUILLEMET),  # «
    "\u00bb": ('"', GUILLEMET),  # »
    "\u2033": ('"', _("double prime")),  # ″
    "\u2013": ("-", DASH),  # – en dash
    "\u2014": ("-", DASH),  # — em dash
    "\u2012": ("-", DASH),  # ‒ figure dash
    "\u2015": ("-", DASH),  # ― horizontal bar
    "\u2010": ("-", HYPHEN),  # ‐
    "\u2011": ("-", _("non-breaking hyphen")),  # ‑
    "\u2212": ("-", _("minus sign")),  # −
    "\u2022": ("-", _("bullet")),  # •
    "\u2026": ("...", _("ellipsis")),  # …
    "\u00a0": (" ", _("non-breaking space")),  # before : ; ! ? in French
    "\u202f": (" ", _("narrow no-break space")),  # the same, narrower
    "\u2009": (" ", _("thin space")),
    "\u2007": (" ", SPACE),  # figure space
    "\u2002": (" ", SPACE),  # en space
    "\u2003": (" ", SPACE),  # em space
    "\u2008": (" ", SPACE),  # punctuation space
    "\u200a": (" ", SPACE),  # hair space
    "\t": (" ", _("tab")),
    "\u200b": ("", INVISIBLE),  # zero-width space
    "\u2060": ("", INVISIBLE),  # word joiner
    "\ufeff": ("", INVISIBLE),  # zero-width no-break space (a byte order mark)
    "\u00ad": ("", _("soft hyphen")),
    "\u0153": ("oe", _("oe ligature")),  # œ: cœur, œuvre
    "\u0152": ("OE", _("oe ligature")),  # Œ
    "\u0133": ("ij", _("ij ligature")),  # ĳ
    "\u0132": ("IJ", _("ij ligature")),  # Ĳ
    "\ufb01": ("fi", _("fi ligature")),  # ﬁ from PDFs
    "\ufb02": ("fl", _("fl ligature")),  # ﬂ
}

ACCENTED_LETTER = _("accented letter")

# Accented letters of French, Dutch and English that GSM-7 lacks, each to its letter
# without the accent. Only these: a letter not listed stays and is reported.
PLAIN_LETTERS = {
    letter: (plain, ACCENTED_LETTER)
    for plain, letters in (
        ("a", "âá"),
        ("e", "êë"),
        ("i", "îïí"),
        ("o", "ôó"),
        ("u", "ûú"),
        ("y", "ÿ"),
        ("c", "ç"),
        ("A", "ÀÂÁ"),
        ("E", "ÈÊË"),
        ("I", "ÎÏÍ"),
        ("O", "ÔÓ"),
        ("U", "ÙÛÚ"),
        ("Y", "Ÿ"),
    )
    for letter in letters
}

# Replacements that cannot be shown as themselves.
REPLACEMENT_WORDS = {" ": _("space"), "": _("nothing (removed)")}

# The kinds of cause, which decide the button that fixes them.
KIND_PLAIN = "plain"
KIND_LETTER = "letter"
KIND_NONE = "none"


def is_gsm7(character: str) -> bool:
    return character in GSM7_BASIC_SET or character in GSM7_EXTENSION_SET


def code_point(character: str) -> str:
    return f"U+{ord(character):04X}"


def _invisible(character: str) -> bool:
    """Spaces, controls and format characters, which cannot be shown as themselves."""
    return unicodedata.category(character)[0] in "CZ"


@dataclass(frozen=True)
class Ucs2Character:
    """One character that forces UCS-2, where it is and what can replace it."""

    character: str
    positions: tuple[int, ...]  # indices (code points) in the text examined
    replacement: str | None  # None: no plain equivalent
    kind: str  # KIND_PLAIN, KIND_LETTER or KIND_NONE
    name: str

    @property
    def count(self) -> int:
        return len(self.positions)

    @property
    def shown(self) -> str:
        """The character as it can be shown: a space or an invisible one by its code."""
        return code_point(self.character) if _invisible(self.character) else self.character

    @property
    def shown_replacement(self) -> str:
        """The replacement as it can be shown: a space and nothing in words."""
        if self.replacement is None:
            return ""
        return str(REPLACEMENT_WORDS.get(self.replacement, self.replacement))


def ucs2_characters(text: str) -> tuple[Ucs2Character, ...]:
    """The characters of `text` outside GSM 03.38, in order of first appearance. Empty
    when the text is GSM-7. `text` is examined as given: the SMS renderer composes (NFC)
    before counting, and so should the caller."""
    positions: dict[str, list[int]] = {}
    for index, character in enumerate(text):
        if not is_gsm7(character):
            positions.setdefault(character, []).append(index)
    found = []
    for character, at in positions.items():
        if character in PLAIN:
            replacement, name = PLAIN[character]
            kind = KIND_PLAIN
        elif character in PLAIN_LETTERS:
            replacement, name = PLAIN_LETTERS[character]
            kind = KIND_LETTER
        else:
            replacement, kind = None, KIND_NONE
            name = INVISIBLE if _invisible(character) else code_point(character)
        found.append(Ucs2Character(character, tuple(at), replacement, kind, str(name)))
    return tuple(found)


def plain_changes(text: str, *, letters: bool = False) -> tuple[Ucs2Character, ...]:
    """The characters `plain_text` replaces in `text`, to tell the author what changed."""
    kinds = (KIND_PLAIN, KIND_LETTER) if letters else (KIND_PLAIN,)
    return tuple(c for c in ucs2_characters(unicodedata.normalize("NFC", text)) if c.kind in kinds)


def plain_text(text: str, *, letters: bool = False) -> str:
    """`text` composed (NFC, as the SMS is sent) with every PLAIN character replaced, and
    every PLAIN_LETTERS letter too when `letters` is true. Every other character stays."""
    table = {**PLAIN, **PLAIN_LETTERS} if letters else PLAIN
    result = text
    while True:
        # Again until nothing changes: removing an invisible character between a letter
        # and a combining accent lets the two compose into a letter of the table.
        substituted = "".join(
            table[character][0] if character in table else character
            for character in unicodedata.normalize("NFC", result)
        )
        if substituted == result:
            return result
        result = substituted
