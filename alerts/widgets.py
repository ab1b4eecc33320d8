"""Composer widgets that do more than a textarea; the textareas stay the source of truth
and the form works without JavaScript.

The area field: the CAP polygon text with a map to draw polygons and circles on. The map's
base layer is the 19 commune outlines served by this site; tiles from a map server are
added on top only when settings.ALERTS_MAP_TILE_URL is set. Leaflet is vendored in static.

The SMS text of one language: its length, segments and cost as it will be sent (markers
included), the characters that force UCS-2, and buttons that replace them with plain
GSM-7 characters (a submit handled by the composer view, or the same in the page).
"""

import json
import unicodedata

from django import forms
from django.conf import settings
from django.urls import reverse

from alerts.geometry import MAX_CIRCLE_RADIUS_KM
from alerts.sms_encoding import (
    GSM7,
    GSM7_BASIC_SET,
    GSM7_EXTENSION_SET,
    MULTIPART_LIMIT,
    SINGLE_LIMIT,
    UCS2,
    sms_length,
)
from alerts.sms_substitution import (
    INVISIBLE,
    KIND_LETTER,
    KIND_PLAIN,
    PLAIN,
    PLAIN_LETTERS,
    REPLACEMENT_WORDS,
    ucs2_characters,
)

MAP_CSS = ["alerts/vendor/leaflet/leaflet.css", "alerts/css/area-map.css"]
MAP_JS = ["alerts/vendor/leaflet/leaflet.js", "alerts/js/area-map.js"]


def map_settings() -> dict:
    """What every area map needs: where the commune outlines are and, when one is
    configured, the tile server."""
    return {
        "communes_url": reverse("alerts_data:communes"),
        "tile_url": settings.ALERTS_MAP_TILE_URL,
        "attribution": settings.ALERTS_MAP_TILE_ATTRIBUTION,
    }


class AreaMapWidget(forms.Textarea):
    template_name = "alerts/widgets/area_map.html"

    def __init__(
        self,
        attrs=None,
        circles_field_id="id_circles",
        communes_field_name="communes",
        whole_region_field_id="id_whole_region",
    ):
        super().__init__(attrs={"rows": 3, **(attrs or {})})
        self.circles_field_id = circles_field_id
        self.communes_field_name = communes_field_name
        self.whole_region_field_id = whole_region_field_id

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["map"] = map_settings()
        context["circles_field_id"] = self.circles_field_id
        context["communes_field_name"] = self.communes_field_name
        context["whole_region_field_id"] = self.whole_region_field_id
        context["max_radius_km"] = MAX_CIRCLE_RADIUS_KM
        return context

    @property
    def media(self):
        return forms.Media(css={"all": MAP_CSS}, js=MAP_JS)


SMS_JS = ["alerts/js/sms-text.js"]


def sms_tables() -> dict:
    """What the page needs to count and substitute as the server does: GSM 03.38, the
    limits, the substitution tables with their names (in the reader's language) and the
    price. The script carries no table of its own."""
    return {
        "basic": "".join(sorted(GSM7_BASIC_SET)),
        "extension": "".join(sorted(GSM7_EXTENSION_SET)),
        "single": SINGLE_LIMIT,
        "multipart": MULTIPART_LIMIT,
        "plain": {c: [plain, str(name)] for c, (plain, name) in PLAIN.items()},
        "letters": {c: [plain, str(name)] for c, (plain, name) in PLAIN_LETTERS.items()},
        "words": {plain: str(word) for plain, word in REPLACEMENT_WORDS.items()},
        "invisible": str(INVISIBLE),
        "price": float(settings.SMS_PRICE_PER_SEGMENT_EUR),
    }


def sms_estimate(prefix: str, value: str, suffix: str = "") -> dict:
    """The SMS a language's text makes once sent, composed as alerts.rendering does (markers
    before, the link to the alert's page after), with its length, cost per recipient and
    the characters that force UCS-2."""
    text = prefix + unicodedata.normalize("NFC", (value or "").strip()) + suffix
    length = sms_length(text)
    causes = ucs2_characters(text)
    return {
        "length": length,
        "cost": round(length.segments * float(settings.SMS_PRICE_PER_SEGMENT_EUR), 4),
        "unicode": length.encoding == UCS2,
        "causes": causes,
        "offer_plain": any(c.kind == KIND_PLAIN for c in causes),
        "offer_letters": any(c.kind == KIND_LETTER for c in causes),
    }


class SmsTextWidget(forms.Textarea):
    """The SMS text of one language with its estimate. The form sets `language`, the SMS
    prefix of each status (the markers), the suffix of each (the link to the alert's page)
    and the status chosen."""

    template_name = "alerts/admin/widgets/sms_text.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 3, **(attrs or {})})
        self.language = ""
        self.prefixes: dict[str, str] = {}
        self.suffixes: dict[str, str] = {}
        self.status = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["sms"] = {
            **sms_estimate(
                self.prefixes.get(self.status, ""), value, self.suffixes.get(self.status, "")
            ),
            "language": self.language,
            "prefix": self.prefixes.get(self.status, ""),
            "prefixes": json.dumps(self.prefixes),
            "suffix": self.suffixes.get(self.status, ""),
            "suffixes": json.dumps(self.suffixes),
            "tables": json.dumps(sms_tables()),
            "gsm7_limit": SINGLE_LIMIT[GSM7],
            "ucs2_limit": SINGLE_LIMIT[UCS2],
        }
        return context

    @property
    def media(self):
        return forms.Media(js=SMS_JS)
