"""Documents shaped like those of MeteoAlarm Belgium and the national gateway."""

from datetime import timedelta
from xml.sax.saxutils import escape

from django.utils import timezone

from alerts.cap import cap_datetime

BRUSSELS = ("Région de Bruxelles-Capitale", "BE100", "50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
LIEGE = ("Liège", "BE332", "50.6,5.5 50.7,5.5 50.7,5.6 50.6,5.5")
LANGUAGES = ("nl-BE", "fr-BE", "de-DE", "en-GB")
SENDER = "meteo@meteo.be"


def _info(language, headline, area) -> str:
    description, nuts, polygon = area
    expires = cap_datetime(timezone.now() + timedelta(hours=12))
    return f"""
  <info>
    <language>{language}</language>
    <category>Met</category>
    <event>Wind {language}</event>
    <responseType>Monitor</responseType>
    <urgency>Immediate</urgency>
    <severity>Moderate</severity>
    <certainty>Likely</certainty>
    <expires>{expires}</expires>
    <senderName>KMI-IRM</senderName>
    <headline>{escape(headline)}</headline>
    <description>Rafales jusqu'à 90 km/h ({language}).</description>
    <instruction>Rentrez les objets ({language}).</instruction>
    <area>
      <areaDesc>{escape(description)}</areaDesc>
      <polygon>{polygon}</polygon>
      <geocode><valueName>NUTS3</valueName><value>{nuts}</value></geocode>
    </area>
  </info>"""


def warning(
    identifier="2.49.0.0.56.0.BE.1",
    *,
    area=BRUSSELS,
    msg_type="Alert",
    references="",
    sender=SENDER,
    sent=None,
    headline="Avertissement jaune vent",
    extra=b"",
) -> bytes:
    sent = sent or cap_datetime(timezone.now())
    infos = "".join(_info(language, f"{headline} {language}", area) for language in LANGUAGES)
    refs = f"<references>{references}</references>" if references else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'
        f"<identifier>{identifier}</identifier><sender>{sender}</sender><sent>{sent}</sent>"
        f"<status>Actual</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}"
        f"{infos}</alert>"
    ).encode() + extra


def reference(document: bytes) -> str:
    """'sender,identifier,sent' of a document made by `warning`."""
    text = document.decode()

    def between(name):
        return text.split(f"<{name}>")[1].split(f"</{name}>")[0]

    return f"{between('sender')},{between('identifier')},{between('sent')}"


def atom(*hrefs: str) -> bytes:
    entries = "".join(
        f"<entry><id>urn:entry:{number}</id><title>Warning {number}</title>"
        f"<updated>2026-12-05T00:00:00Z</updated>"
        f'<link rel="alternate" type="application/cap+xml" href="{escape(href)}"/></entry>'
        for number, href in enumerate(hrefs, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<id>urn:feed</id><title>Warnings</title><updated>2026-12-05T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()
