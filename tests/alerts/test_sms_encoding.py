import pytest

from alerts.sms_encoding import GSM7, UCS2, sms_length


@pytest.mark.parametrize(
    ("text", "encoding", "units"),
    [
        ("Rentrez à l'intérieur, fermez portes et fenêtres", UCS2, 48),  # ê is not GSM-7
        ("Évacuation à Ixelles: quittez la zone", GSM7, 37),
        ("évacuation à Ixelles: quittez è ù ì ò", GSM7, 37),
        ("Ç", GSM7, 1),
        ("ç", UCS2, 1),
        ("â", UCS2, 1),
        ("ê", UCS2, 1),
        ("Prix 5€", GSM7, 8),
        ("^{}[]~\\|", GSM7, 16),
        ("naïve", UCS2, 5),
        ("ÄÖÑÜäöñü§¿¡ß", GSM7, 12),
        ("🚨 alerte", UCS2, 9),  # the emoji is a surrogate pair: two code units
    ],
)
def test_encoding_and_length_follow_gsm_03_38(text, encoding, units):
    length = sms_length(text)
    assert (length.encoding, length.units) == (encoding, units)


def test_capital_e_acute_is_gsm7_basic():
    assert sms_length("É").encoding == GSM7


def test_single_and_multipart_limits_in_gsm7():
    assert sms_length("a" * 160).segments == 1
    assert sms_length("a" * 161).segments == 2
    assert sms_length("a" * 306).segments == 2
    assert sms_length("a" * 307).segments == 3


def test_extension_characters_cost_two_septets():
    assert sms_length("€" * 80).segments == 1
    length = sms_length("€" * 81)
    assert (length.units, length.segments) == (162, 2)


def test_escape_sequence_is_never_split_across_segments():
    # 152 septets then an escape pair: the pair moves whole to the second segment.
    assert sms_length("a" * 152 + "€" + "a" * 152).segments == 3
    assert sms_length("a" * 151 + "€" + "a" * 153).segments == 2


def test_ucs2_limits_count_utf16_code_units():
    assert sms_length("ç" * 70).segments == 1
    assert sms_length("ç" * 71).segments == 2
    assert sms_length("ç" * 134).segments == 2
    assert sms_length("ç" * 135).segments == 3
    assert sms_length("🚨" * 35).segments == 1
    assert sms_length("🚨" * 36).segments == 2


def test_the_characters_forcing_ucs2_are_reported():
    assert sms_length("Fenêtre ça").non_gsm_characters == ("ê", "ç")


def test_empty_text_has_no_segment():
    assert sms_length("").segments == 0
