"""SMS length and encoding after GSM 03.38 (3GPP TS 23.038).

A message is sent in the GSM 7-bit default alphabet when every character is in the basic
table or in its extension table (each extension character costs two septets: the escape
and the character); otherwise the whole message is sent in UCS-2. Single messages carry
160 septets or 70 UTF-16 code units; a concatenated message loses room for its user data
header, leaving 153 septets or 67 code units per segment.
"""

from dataclasses import dataclass

# The basic character set, in table order (0x00-0x7F); 0x1B is the escape to the extension.
GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
GSM7_BASIC_SET = frozenset(GSM7_BASIC) - {"\x1b"}
# The extension table: form feed and ^ { } \ [ ~ ] | €, each sent as escape + character.
GSM7_EXTENSION_SET = frozenset("\f^{}\\[~]|€")

GSM7 = "GSM-7"
UCS2 = "UCS-2"

SINGLE_LIMIT = {GSM7: 160, UCS2: 70}
MULTIPART_LIMIT = {GSM7: 153, UCS2: 67}


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # GSM7 or UCS2
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    # Characters that forced UCS-2, in order of first appearance (empty for GSM-7).
    non_gsm_characters: tuple[str, ...] = ()

    @property
    def per_segment(self) -> int:
        return SINGLE_LIMIT[self.encoding] if self.segments <= 1 else MULTIPART_LIMIT[self.encoding]


def gsm7_septets(text: str) -> int | None:
    """Septets needed for `text` in GSM-7, or None when a character is not in GSM 03.38."""
    septets = 0
    for character in text:
        if character in GSM7_BASIC_SET:
            septets += 1
        elif character in GSM7_EXTENSION_SET:
            septets += 2
        else:
            return None
    return septets


def ucs2_units(text: str) -> int:
    """UTF-16 code units: a character outside the BMP (an emoji) takes two."""
    return len(text.encode("utf-16-le")) // 2


def _segments(costs: list[int], encoding: str) -> int:
    """Segments for characters of the given costs; an escape sequence (GSM-7) or a
    surrogate pair (UCS-2) is never split across two segments, as handsets require."""
    units = sum(costs)
    if units == 0:
        return 0
    if units <= SINGLE_LIMIT[encoding]:
        return 1
    per = MULTIPART_LIMIT[encoding]
    segments, used = 1, 0
    for cost in costs:
        if used + cost > per:
            segments, used = segments + 1, 0
        used += cost
    return segments


def sms_length(text: str) -> SmsLength:
    """Encoding, length and number of segments of one SMS."""
    septets = gsm7_septets(text)
    if septets is not None:
        costs = [2 if character in GSM7_EXTENSION_SET else 1 for character in text]
        return SmsLength(GSM7, septets, _segments(costs, GSM7))
    units = ucs2_units(text)
    costs = [ucs2_units(character) for character in text]
    offending = []
    for character in text:
        if (
            character not in GSM7_BASIC_SET
            and character not in GSM7_EXTENSION_SET
            and character not in offending
        ):
            offending.append(character)
    return SmsLength(UCS2, units, _segments(costs, UCS2), tuple(offending))
