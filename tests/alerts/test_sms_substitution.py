"""The characters that force an SMS into UCS-2 and their plain GSM-7 replacements."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alerts.sms_encoding import GSM7, GSM7_BASIC_SET, GSM7_EXTENSION_SET, UCS2, sms_length
from alerts.sms_substitution import (
    KIND_LETTER,
    KIND_NONE,
    KIND_PLAIN,
    PLAIN,
    PLAIN_LETTERS,
    plain_changes,
    plain_text,
    ucs2_characters,
)

FRENCH = "Restez à l’intérieur – fermez portes et fenêtres. N’attendez pas\u202f!"
GSM7_CHARACTERS = sorted(GSM7_BASIC_SET | GSM7_EXTENSION_SET)


def test_the_characters_forcing_ucs2_are_listed_with_where_and_how_often():
    causes = {c.character: c for c in ucs2_characters(FRENCH)}
    assert list(causes) == ["’", "–", "ê", "\u202f"]  # order of first appearance
    apostrophe = causes["’"]
    assert apostrophe.count == 2
    assert apostrophe.positions == tuple(i for i, c in enumerate(FRENCH) if c == "’")
    assert (apostrophe.name, apostrophe.replacement, apostrophe.kind) == (
        "typographic apostrophe",
        "'",
        KIND_PLAIN,
    )
    assert causes["–"].name == "dash"
    assert causes["ê"].kind == KIND_LETTER
    # A space cannot be shown as itself: it is named and shown by its code.
    assert (causes["\u202f"].shown, causes["\u202f"].name) == ("U+202F", "narrow no-break space")
    assert causes["\u202f"].shown_replacement == "space"


def test_a_gsm7_text_has_no_cause():
    assert ucs2_characters("Évacuez Ixelles: à 10h, 5€ [zone] ^_^") == ()


def test_punctuation_and_spaces_are_replaced_but_letters_only_on_request():
    plain = plain_text(FRENCH)
    assert plain == "Restez à l'intérieur - fermez portes et fenêtres. N'attendez pas !"
    assert sms_length(plain).encoding == UCS2  # ê still: a letter is the author's choice
    letters = plain_text(FRENCH, letters=True)
    assert letters == "Restez à l'intérieur - fermez portes et fenetres. N'attendez pas !"
    assert sms_length(letters).encoding == GSM7


def test_what_is_replaced_is_told_letters_only_when_asked():
    assert [c.character for c in plain_changes(FRENCH)] == ["’", "–", "\u202f"]
    assert [c.character for c in plain_changes(FRENCH, letters=True)] == ["’", "–", "ê", "\u202f"]
    assert [c.count for c in plain_changes("e\u0302e\u0302", letters=True)] == [2]


def test_the_accents_gsm7_carries_are_never_touched():
    kept = "é è à ù ì ò Ç É Ä Ö Ü ä ö ü ñ Ñ Å å Ø ø Æ æ ß"
    assert plain_text(kept, letters=True) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Rentrez »", '" Rentrez "'),
        ("„Blijf binnen”", '"Blijf binnen"'),
        ("Attendez…", "Attendez..."),
        ("cœur Œuvre", "coeur OEuvre"),
        ("l`eau l´eau", "l'eau l'eau"),
        ("a\u00a0b\u2009c\td", "a b c d"),
        ("zo\u200bne sou\u00adterraine", "zone souterraine"),
        ("10 − 5 — 3 ‑ 2", "10 - 5 - 3 - 2"),
    ],
)
def test_typography_becomes_its_plain_form(text, expected):
    assert plain_text(text) == expected
    assert sms_length(expected).encoding == GSM7


def test_a_character_without_plain_equivalent_stays_and_is_said_so():
    text = "Chaleur 35 °C 🚨"
    assert plain_text(text, letters=True) == text
    causes = ucs2_characters(text)
    assert [(c.character, c.kind, c.replacement, c.name) for c in causes] == [
        ("°", KIND_NONE, None, "U+00B0"),
        ("🚨", KIND_NONE, None, "U+1F6A8"),
    ]


def test_decomposed_accents_are_composed_first():
    assert plain_text("fene\u0302tre") == "fenêtre"
    assert plain_text("fene\u0302tre", letters=True) == "fenetre"
    # An invisible character between a letter and its accent: removed, then composed.
    assert plain_text("e\u200b\u0302", letters=True) == "e"


def test_every_replacement_is_gsm7_and_every_replaced_character_is_not():
    for table in (PLAIN, PLAIN_LETTERS):
        for character, (replacement, name) in table.items():
            assert sms_length(character).encoding == UCS2, character
            assert sms_length(replacement or "x").encoding == GSM7, character
            assert str(name)
    assert not set(PLAIN) & set(PLAIN_LETTERS)


SUBSTITUTABLE = sorted(set(PLAIN) | set(PLAIN_LETTERS))


def expansion(text: str, table: dict) -> int:
    """What the documented replacements add to (or, removing, take from) the length."""
    return sum(len(table[c][0]) - 1 for c in text if c in table)


@given(st.text(alphabet=st.sampled_from(GSM7_CHARACTERS + SUBSTITUTABLE)))
def test_gsm7_with_substitutable_characters_becomes_gsm7_of_the_documented_length(text):
    table = {**PLAIN, **PLAIN_LETTERS}
    plain = plain_text(text, letters=True)
    assert sms_length(plain).encoding == GSM7
    assert len(plain) == len(text) + expansion(text, table)
    # Each character is its documented replacement; the GSM-7 ones are kept, in order.
    assert plain == "".join(table[c][0] if c in table else c for c in text)


@given(st.text(alphabet=st.sampled_from(GSM7_CHARACTERS + sorted(PLAIN))))
def test_punctuation_alone_is_replaced_without_touching_letters(text):
    plain = plain_text(text)
    assert sms_length(plain).encoding == GSM7
    assert len(plain) == len(text) + expansion(text, PLAIN)


@given(st.text(), st.booleans())
def test_substitution_leaves_only_what_has_no_plain_equivalent(text, letters):
    plain = plain_text(text, letters=letters)
    assert plain_text(plain, letters=letters) == plain
    assert plain == unicodedata.normalize("NFC", plain)
    kinds = {c.kind for c in ucs2_characters(plain)}
    assert kinds <= ({KIND_NONE, KIND_LETTER} if not letters else {KIND_NONE})
