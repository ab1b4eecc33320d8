"""The language check: which paragraphs of a text read as another language than its own."""

import pytest

from portal.language_check import (
    detector,
    language_flags,
    paragraphs_of_html,
    paragraphs_of_text,
)

# Real sentences of the kind the portal publishes, several per language.
FRENCH = [
    "En cas d'inondation, coupez l'électricité et le gaz, puis montez à l'étage.",
    "Préparez un kit d'urgence avec de l'eau, une lampe de poche et une radio à piles.",
    "Pendant une vague de chaleur, buvez régulièrement et gardez les volets fermés le jour.",
    "Si une sirène retentit, rentrez dans un bâtiment, fermez les fenêtres et écoutez la radio.",
]
DUTCH = [
    "Bij een overstroming sluit u de elektriciteit en het gas af en gaat u naar boven.",
    "Stel een noodpakket samen met water, een zaklamp en een radio op batterijen.",
    "Drink tijdens een hittegolf regelmatig en houd overdag de luiken gesloten.",
    "Als de sirene loeit, gaat u een gebouw binnen, sluit u de ramen en luistert u naar de radio.",
]
ENGLISH = [
    "In a flood, switch off the electricity and the gas, then go upstairs.",
    "Prepare an emergency kit with water, a torch and a battery-powered radio.",
    "During a heatwave, drink regularly and keep the shutters closed during the day.",
]


@pytest.mark.parametrize(
    ("language", "paragraphs"), [("fr", FRENCH), ("nl", DUTCH), ("en", ENGLISH)]
)
def test_good_text_in_its_own_language_is_not_flagged(language, paragraphs):
    assert language_flags(paragraphs, language) == []


def test_a_french_paragraph_in_dutch_text_is_flagged_with_the_paragraph():
    paragraphs = [DUTCH[0], FRENCH[1], DUTCH[2]]
    (flag,) = language_flags(paragraphs, "nl")
    assert flag.paragraph == FRENCH[1]
    assert (flag.expected, flag.detected) == ("nl", "fr")
    assert flag.confidence >= 0.9 and not flag.mixed


def test_a_paragraph_mixing_dutch_and_french_is_flagged_with_the_french_sentence():
    mixed = f"{DUTCH[1]} {FRENCH[2]}"
    (flag,) = language_flags([mixed], "nl")
    assert flag.mixed and flag.detected == "fr"
    assert flag.passage == FRENCH[2]
    assert flag.paragraph == mixed


def test_german_is_told_apart_from_dutch():
    german = "Bei Hochwasser schalten Sie Strom und Gas ab und gehen in das obere Stockwerk."
    (flag,) = language_flags([DUTCH[0], german], "nl")
    assert flag.detected == "de"


def test_an_sms_without_accents_still_reads_as_french():
    (flag,) = language_flags(["Inondation: evitez caves et parkings, montez a l'etage."], "nl")
    assert flag.detected == "fr"


def test_short_paragraphs_such_as_names_and_addresses_are_not_judged():
    short = ["Rue de la Loi 16, 1000 Bruxelles", "Centre de crise national", "112"]
    assert language_flags(short, "nl") == []


def test_a_language_outside_the_checked_ones_flags_nothing():
    assert language_flags(FRENCH, "es") == []


def test_rich_text_is_split_into_paragraphs_list_items_and_headings():
    html = "<h2>Avant</h2><p>Un <b>premier</b> paragraphe.</p><ul><li>Un</li><li>Deux</li></ul>"
    assert paragraphs_of_html(html) == ["Avant", "Un premier paragraphe.", "Un", "Deux"]


def test_a_quotation_marked_with_lang_is_left_out_of_its_paragraph():
    quotation = "Restez chez vous et fermez les fenêtres, la situation est sous contrôle."
    marked = f'<p>De burgemeester zei: <span lang="fr">{quotation}</span> Dat geldt ook hier.</p>'
    assert paragraphs_of_html(marked, "nl") == ["De burgemeester zei: Dat geldt ook hier."]
    assert language_flags(paragraphs_of_html(marked, "nl"), "nl") == []
    # The same quotation without the mark is flagged.
    unmarked = marked.replace(' lang="fr"', "")
    (flag,) = language_flags(paragraphs_of_html(unmarked, "nl"), "nl")
    assert flag.detected == "fr" and quotation in flag.paragraph


def test_a_block_marked_with_lang_is_left_out_and_the_text_after_it_kept():
    html = f'<blockquote lang="fr"><p>{FRENCH[0]}</p></blockquote><p>{DUTCH[0]}</p>'
    assert paragraphs_of_html(html, "nl") == [DUTCH[0]]


def test_plain_text_paragraphs_are_separated_by_blank_lines():
    text = f"{DUTCH[0]}\n{DUTCH[1]}\n\n  \n{DUTCH[2]}\n"
    assert paragraphs_of_text(text) == [f"{DUTCH[0]}\n{DUTCH[1]}", DUTCH[2]]


def test_a_french_line_in_a_dutch_alert_description_is_a_mixed_paragraph():
    text = f"{DUTCH[0]}\n{FRENCH[0]}"
    (flag,) = language_flags(paragraphs_of_text(text), "nl")
    assert flag.mixed and flag.passage == FRENCH[0]


def test_the_detector_is_built_once_per_process():
    assert detector() is detector()
