"""Parsing a CAP 1.2 document posted by a partner system, safely.

Defusedxml refuses entity declarations (entity expansion such as "billion laughs"),
external entities (XXE) and external references before anything else reads the bytes;
lxml then parses without DTD, entities or network and the official schema validates the
result. Every refusal is a `CapImportError` whose message says precisely what is wrong.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.common import ExternalReferenceForbidden
from django.utils import timezone
from lxml import etree

from alerts import geometry
from alerts.cap import schema_errors
from alerts.cap_import_checks import AreaDisagreement, check_areas_agree
from alerts.cap_vocab import CAP_NAMESPACE, MsgType, Scope, Status
from alerts.data.communes import COMMUNES, REGION_NIS_CODE

# Signed national alerts with their attachments reach about 900 KB.
#: An RFC 3066 language tag: its primary subtag (2 or 3 letters), then subtags.
LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:-[A-Za-z0-9]{1,8})*$")
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
# CAP nests five deep (alert/info/area/geocode/value); a signature adds a few levels more.
MAX_DEPTH = 32
NS = {"cap": CAP_NAMESPACE}
ACCEPTED_STATUS = (Status.ACTUAL, Status.EXERCISE, Status.TEST)
ACCEPTED_MSG_TYPES = (MsgType.ALERT, MsgType.UPDATE, MsgType.CANCEL)
ACCEPTED_SCOPES = (Scope.PUBLIC, Scope.RESTRICTED)
NIS_CODES = {code for code, *_rest in COMMUNES}
# Eurostat NUTS codes of the Brussels-Capital Region (level 1, 2 and 3 are all the
# region): a warning for them is a warning for the whole region.
REGION_NUTS_CODES = {"BE1", "BE10", "BE100"}


class CapImportError(ValueError):
    """The document is refused; str() is the reason, fit for the sender."""


@dataclass
class ParsedCap:
    sender: str
    identifier: str
    sent: str
    status: str
    msg_type: str
    scope: str
    references: list[str] = field(default_factory=list)  # identifiers referenced
    # The same references whole (sender, identifier, sent), to find a partner's own alert.
    reference_triples: list[tuple[str, str, str]] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    infos: dict = field(default_factory=dict)
    communes: list[str] = field(default_factory=list)

    @property
    def external_reference(self) -> str:
        return f"{self.sender},{self.identifier},{self.sent}"


def _defused_check(data: bytes) -> None:
    """Refuse entities, external references and deep nesting while reading, before any
    tree is whole: a 2 MiB run of nested elements stops at the limit, not at its end."""
    depth = 0
    try:
        events = safe_tree.iterparse(
            BytesIO(data),
            events=("start", "end"),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        )
        for event, _element in events:
            depth += 1 if event == "start" else -1
            if depth > MAX_DEPTH:
                raise CapImportError(
                    f"Elements are nested more than {MAX_DEPTH} deep: not a CAP document."
                )
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise CapImportError(
                f"External entity '{error.name}' ({error.sysid or error.pubid}) refused: "
                "documents may not declare external entities (XXE)."
            ) from None
        raise CapImportError(
            f"Entity declaration '{error.name}' refused: documents may not declare entities "
            "(entity expansion such as 'billion laughs')."
        ) from None
    except ExternalReferenceForbidden as error:
        raise CapImportError(
            f"External reference refused ({error.sysid or error.pubid}): documents may not "
            "load external resources."
        ) from None
    except DTDForbidden:  # pragma: no cover - forbid_dtd is off; kept for completeness
        raise CapImportError("Document type declarations (DOCTYPE) are not allowed.") from None
    except DefusedXmlException as error:
        raise CapImportError(f"Unsafe XML refused: {error}.") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise CapImportError(
            f"Not well-formed XML at line {line}, column {column}: {error.msg}."
            if hasattr(error, "msg")
            else f"Not well-formed XML at line {line}, column {column}."
        ) from None


def _parse_tree(data: bytes):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise CapImportError(f"Not well-formed XML: {error}.") from None
    if root.getroottree().docinfo.doctype:
        raise CapImportError("Document type declarations (DOCTYPE) are not allowed.")
    return root


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _texts(element, path: str) -> list[str]:
    return [(found.text or "").strip() for found in element.findall(path, NS)]


def _datetime(value: str, name: str):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CapImportError(f"<{name}> is not a CAP date and time: {value!r}.") from None
    if timezone.is_naive(parsed):
        raise CapImportError(f"<{name}> needs a time-zone offset: {value!r}.")
    return parsed


def _language(code: str) -> str | None:
    """The primary language of an RFC 3066 tag ("de-DE" → "de"); None for a malformed
    tag. CAP's default is en-US."""
    match = LANGUAGE_TAG.match((code or "en-US").strip())
    return match.group(1).lower() if match else None


def check_safe_document(data: bytes) -> None:
    """Refuse an empty, oversized or unsafe document (entities, external references, deep
    nesting) before anything else reads it; CapImportError with the reason."""
    if not data or not data.strip():
        raise CapImportError("The request body is empty: send a CAP 1.2 XML document.")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise CapImportError(f"The document is larger than {MAX_DOCUMENT_BYTES} bytes.")
    _defused_check(data)


def parse_cap(data: bytes) -> ParsedCap:
    """Parse and check a CAP 1.2 document; raises CapImportError with the reason."""
    check_safe_document(data)
    root = _parse_tree(data)
    if not isinstance(root.tag, str):
        raise CapImportError("The document has no root element.")
    qname = etree.QName(root)
    if qname.namespace != CAP_NAMESPACE or qname.localname != "alert":
        raise CapImportError(
            f"The root element must be <alert> in the CAP 1.2 namespace {CAP_NAMESPACE}; "
            f"found <{qname.localname}> in namespace {qname.namespace or '(none)'}."
        )
    errors = schema_errors(root)
    if errors:
        raise CapImportError("Not valid CAP 1.2: " + "; ".join(errors[:3]))

    parsed = ParsedCap(
        sender=_text(root, "cap:sender"),
        identifier=_text(root, "cap:identifier"),
        sent=_text(root, "cap:sent"),
        status=_text(root, "cap:status"),
        msg_type=_text(root, "cap:msgType"),
        scope=_text(root, "cap:scope"),
    )
    if parsed.status not in ACCEPTED_STATUS:
        raise CapImportError(
            f"Status {parsed.status} is not accepted: use Actual, Exercise or Test."
        )
    if parsed.msg_type not in ACCEPTED_MSG_TYPES:
        raise CapImportError(
            f"msgType {parsed.msg_type} is not accepted: use Alert, Update or Cancel."
        )
    if parsed.scope not in ACCEPTED_SCOPES:
        raise CapImportError(f"Scope {parsed.scope} is not accepted: use Public or Restricted.")
    references = _text(root, "cap:references")
    for reference in references.split():
        parts = reference.split(",")
        if len(parts) != 3:
            raise CapImportError(f"<references> entry {reference!r} is not sender,identifier,sent.")
        parsed.references.append(parts[1])
        parsed.reference_triples.append(tuple(parts))
    if parsed.msg_type in (MsgType.UPDATE, MsgType.CANCEL) and not parsed.references:
        raise CapImportError(f"A {parsed.msg_type} must carry <references>.")

    infos = root.findall("cap:info", NS)
    if not infos and parsed.msg_type == MsgType.CANCEL:
        # A bare Cancel (valid CAP) ends what it references; the portal words it with
        # its own approved all-clear texts.
        return parsed
    _check_agreement(infos)
    blocks = {}
    for info in infos:
        language = _language(_text(info, "cap:language"))
        # German (MeteoAlarm sends de-DE beside nl-BE and fr-BE) and other languages are
        # kept and republished in our CAP; the portal's own pages and messages use fr, nl
        # and en. A block with a malformed language tag is read past.
        if language is not None:
            blocks.setdefault(language, []).append(info)
    missing = [language for language in ("fr", "nl") if language not in blocks]
    if missing:
        raise CapImportError(
            "French and Dutch <info> blocks are required; missing: " + ", ".join(missing) + "."
        )
    for language, infos in blocks.items():
        for info in infos:
            for area in info.findall("cap:area", NS):
                if not _text(area, "cap:areaDesc"):
                    raise CapImportError(
                        f"The {language} <info> has an <area> without text in its "
                        "<areaDesc>: <area> needs an <areaDesc> (CAP makes it mandatory)."
                    )
            for name in ("headline", "description"):
                if not _text(info, f"cap:{name}"):
                    raise CapImportError(f"The {language} <info> has no <{name}>.")
            # Only the French areas are kept, but a shape the other languages draw
            # wrongly says the sender's areas cannot be trusted either.
            for area in info.findall("cap:area", NS):
                for text in _shapes(area, "polygon"):
                    _checked(text, geometry.parse_polygon)
                for text in _shapes(area, "circle"):
                    _checked(text, geometry.parse_circle)
        parsed.infos[language] = _joined_texts(infos)

    # Shapes drawn wrongly are told first; then the languages must cover one area.
    try:
        check_areas_agree(root.findall("cap:info", NS))
    except AreaDisagreement as error:
        raise CapImportError(str(error)) from None

    # Several French blocks (one per period or per zone) make one alert: from the
    # earliest start to the latest end, over all their areas.
    main = blocks["fr"]
    expiries = [_datetime(_text(info, "cap:expires"), "expires") for info in main]
    if None in expiries:
        raise CapImportError("The fr <info> has no <expires>: an alert must say when it ends.")
    expires = max(expiries)
    parsed.fields = {
        "status": parsed.status,
        "scope": parsed.scope,
        "category": _texts(main[0], "cap:category")[0],
        "event": _text(main[0], "cap:event")[:200],
        "response_type": (_texts(main[0], "cap:responseType") or [""])[0],
        "urgency": _text(main[0], "cap:urgency"),
        "severity": _text(main[0], "cap:severity"),
        "certainty": _text(main[0], "cap:certainty"),
        "effective": _earliest(main, "effective"),
        "onset": _earliest(main, "onset"),
        "expires": expires,
        "whole_region": False,
        "polygons": "",
        "circles": "",
        "geocodes": "",
    }
    polygons, circles, kept = [], [], []
    for area in (area for info in main for area in info.findall("cap:area", NS)):
        polygons += [_checked(text, geometry.parse_polygon) for text in _shapes(area, "polygon")]
        circles += [_checked(text, geometry.parse_circle) for text in _shapes(area, "circle")]
        for geocode in area.findall("cap:geocode", NS):
            name, value = _text(geocode, "cap:valueName"), _text(geocode, "cap:value")
            if name.upper().startswith("NUTS") and value.upper() in REGION_NUTS_CODES:
                parsed.fields["whole_region"] = True
                continue
            if name.upper() != "NIS":
                # Codes naming no commune here (EMMA_ID, other NUTS) are kept for the
                # consumers of our CAP, who may know them.
                # One line each, "name=value": line breaks inside are flattened.
                name, value = " ".join(name.split()), " ".join(value.split())
                if name and "=" not in name:
                    kept.append(f"{name}={value}")
                continue
            if value == REGION_NIS_CODE:
                parsed.fields["whole_region"] = True
            elif value in NIS_CODES:
                parsed.communes.append(value)
            else:
                raise CapImportError(
                    f"Geocode NIS {value!r} is not a commune of the Brussels-Capital Region."
                )
    parsed.fields["polygons"] = "\n".join(polygons)
    parsed.fields["circles"] = "\n".join(circles)
    parsed.fields["geocodes"] = "\n".join(dict.fromkeys(kept))[:10_000]
    if not (parsed.fields["whole_region"] or parsed.communes or polygons or circles):
        raise CapImportError(
            "The fr <info> has no usable <area>: give NIS geocodes, a polygon or a circle."
        )
    return parsed


AGREED_FIELDS = ("category", "urgency", "severity", "certainty")


def _check_agreement(infos) -> None:
    """One alert has one category, urgency, severity and certainty: blocks (of any
    language) that disagree are refused rather than one value silently kept."""
    for name in AGREED_FIELDS:
        said = {}
        for info in infos:
            value = " ".join(sorted(_texts(info, f"cap:{name}")))
            said.setdefault(value, _text(info, "cap:language") or "en-US")
        if len(said) > 1:
            raise CapImportError(
                f"The <info> blocks disagree on <{name}>: "
                + ", ".join(f"{language} says {value}" for value, language in said.items())
                + "; an alert has one."
            )


def _earliest(infos, name: str):
    moments = [_datetime(_text(info, f"cap:{name}"), name) for info in infos]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


def _joined_texts(infos) -> dict:
    """The texts of one language's blocks as one: the first block's headline and SMS,
    every block's description and instruction in document order (each once)."""

    def joined(name):
        texts = [_text(info, f"cap:{name}") for info in infos]
        return "\n\n".join(dict.fromkeys(text for text in texts if text))

    return {
        "headline": _text(infos[0], "cap:headline")[:160],
        # The event as this language names it ("Inondation", "Overstroming").
        "event": _text(infos[0], "cap:event")[:200],
        "description": joined("description"),
        "instruction": joined("instruction"),
        "sms_text": _sms_text(infos[0]),
    }


def _shapes(area, name: str) -> list[str]:
    return [text for text in _texts(area, f"cap:{name}") if text]


def _checked(text: str, parse) -> str:
    """The shape's text when alerts.geometry accepts it, else the composer's reason."""
    try:
        parse(text)
    except geometry.AreaError as error:
        raise CapImportError(str(error)) from None
    return text


def _sms_text(info) -> str:
    """An explicit SMS text (parameter SMS), else the headline."""
    for parameter in info.findall("cap:parameter", NS):
        if _text(parameter, "cap:valueName").upper() == "SMS":
            return _text(parameter, "cap:value")[:480]
    return _text(info, "cap:headline")[:160]
