"""Reading what an official feed serves: Atom feeds of links and CAP documents.

Both go through the CAP import's safety check first (`check_safe_document`: size,
entities, external references, DOCTYPE, depth); lxml then parses without DTD, entities
or network. A CAP document is read here only for the list an operator sees and to decide
whether it concerns the region; relaying it parses it again with the import's
`parse_cap`, which decides.
"""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from django.utils.translation import gettext as _
from lxml import etree

from alerts import geometry
from alerts.cap_import import NIS_CODES, REGION_NUTS_CODES, CapImportError, check_safe_document
from alerts.cap_vocab import CAP_NAMESPACE
from alerts.data.communes import REGION_NIS_CODE

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
NS = {"cap": CAP_NAMESPACE, "atom": ATOM_NAMESPACE}
CAP_LINK_TYPES = ("application/cap+xml",)


class DocumentRefused(ValueError):
    """str() is the reason, shown on the feed."""


def _tree(data: bytes):
    try:
        check_safe_document(data)
    except CapImportError as error:
        raise DocumentRefused(str(error)) from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise DocumentRefused(_("Not well-formed XML: %(error)s.") % {"error": error}) from None
    if root.getroottree().docinfo.doctype:
        raise DocumentRefused(_("Document type declarations (DOCTYPE) are not allowed."))
    return root


# --- Atom ------------------------------------------------------------------------------


@dataclass
class Entry:
    url: str = ""
    refusal: str = ""


def same_origin(url: str, base: str) -> bool:
    one, other = urlsplit(url), urlsplit(base)
    try:
        return (one.scheme, one.hostname, one.port) == (other.scheme, other.hostname, other.port)
    except ValueError:
        return False


def atom_entries(data: bytes, feed_url: str) -> list[Entry]:
    """The CAP documents an Atom feed links to, each checked to lie on the feed's own host
    (scheme, host and port): an entry linking elsewhere is refused with the reason."""
    root = _tree(data)
    if root.tag != f"{{{ATOM_NAMESPACE}}}feed":
        raise DocumentRefused(
            _("Not an Atom feed: the root element is %(tag)s.") % {"tag": str(root.tag)[:100]}
        )
    entries = []
    for number, entry in enumerate(root.findall("atom:entry", NS), start=1):
        name = (entry.findtext("atom:id", "", NS) or "").strip()[:200] or f"#{number}"
        links = entry.findall("atom:link", NS)
        chosen = [link for link in links if link.get("type", "") in CAP_LINK_TYPES] or [
            link for link in links if link.get("rel", "alternate") == "alternate"
        ]
        href = (chosen[0].get("href", "") if chosen else "").strip()
        if not href:
            refusal = _("Entry %(entry)s links to no CAP document.") % {"entry": name}
            entries.append(Entry(refusal=refusal))
            continue
        url = urljoin(feed_url, href)
        if not same_origin(url, feed_url):
            entries.append(
                Entry(
                    refusal=_(
                        "Entry %(entry)s links to %(url)s, not on the feed's own host: refused "
                        "(the relay fetches only from the configured address's host)."
                    )
                    % {"entry": name, "url": url[:200]}
                )
            )
            continue
        entries.append(Entry(url=url))
    return entries


# --- CAP -------------------------------------------------------------------------------


@dataclass
class Summary:
    sender: str
    identifier: str
    sent: str
    sent_at: datetime | None
    status: str
    msg_type: str
    references: str
    severity: str = ""
    expires: datetime | None = None
    texts: dict = field(default_factory=dict)
    touches_region: bool = False


def _text(element, path: str) -> str:
    return (element.findtext(path, "", NS) or "").strip()


def _moment(value: str):
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def cap_summary(data: bytes) -> Summary:
    """What the operator's list shows of a CAP document, and whether it concerns the region."""
    root = _tree(data)
    if root.tag != f"{{{CAP_NAMESPACE}}}alert":
        raise DocumentRefused(
            _("Not a CAP 1.2 alert: the root element is %(tag)s.") % {"tag": str(root.tag)[:100]}
        )
    summary = Summary(
        sender=_text(root, "cap:sender")[:200],
        identifier=_text(root, "cap:identifier")[:200],
        sent=_text(root, "cap:sent")[:40],
        sent_at=_moment(_text(root, "cap:sent")),
        status=_text(root, "cap:status")[:20],
        msg_type=_text(root, "cap:msgType")[:20],
        references=" ".join(_text(root, "cap:references").split())[:5000],
    )
    if not (summary.sender and summary.identifier and summary.sent):
        raise DocumentRefused(_("The CAP document lacks its sender, identifier or sent time."))
    infos = root.findall("cap:info", NS)
    for info in infos:
        language = _text(info, "cap:language")[:20] or "en-US"
        summary.texts.setdefault(
            language,
            {
                "headline": _text(info, "cap:headline")[:160],
                "area": "; ".join(
                    _text(area, "cap:areaDesc")[:200] for area in info.findall("cap:area", NS)
                )[:500],
            },
        )
        summary.severity = summary.severity or _text(info, "cap:severity")[:20]
        expires = _moment(_text(info, "cap:expires"))
        if expires and (summary.expires is None or expires > summary.expires):
            summary.expires = expires
        if any(_area_touches_region(area) for area in info.findall("cap:area", NS)):
            summary.touches_region = True
    return summary


def _area_touches_region(area) -> bool:
    """NIS codes of the region or its communes, the region's NUTS codes, or a polygon or
    circle reaching the region (or within geometry.REGION_BUFFER_KM of it)."""
    for geocode in area.findall("cap:geocode", NS):
        name = _text(geocode, "cap:valueName").upper()
        value = _text(geocode, "cap:value").upper()
        if name == "NIS" and (value == REGION_NIS_CODE or value in NIS_CODES):
            return True
        if name.startswith("NUTS") and value in REGION_NUTS_CODES:
            return True
    for text in area.findall("cap:polygon", NS):
        try:
            shape = geometry.parse_polygon(text.text or "", check_region=False, max_vertices=None)
        except geometry.AreaError:
            continue
        if geometry.touches_region(shape):
            return True
    for text in area.findall("cap:circle", NS):
        try:
            circle = geometry.parse_circle(text.text or "", check_region=False)
        except geometry.AreaError:
            continue
        if geometry.touches_region(circle):
            return True
    return False
