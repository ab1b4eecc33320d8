"""The Atom feed of active alerts, after CAP feed practice: one entry per alert in force,
linking to its CAP file; expired alerts leave the feed, and an ended one gives way to
its Cancel for as long as it would have been in force (`selectors.feed_alerts`)."""

from django.utils import timezone
from lxml import etree

from alerts.cap import absolute_url, cap_datetime, cap_url, headline_for, page_url
from alerts.selectors import feed_alerts

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ATOM_CONTENT_TYPE = "application/atom+xml"


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{ATOM_NAMESPACE}}}{tag}", **attributes)
    if text is not None:
        element.text = str(text)
    return element


def active_alerts_feed(*, feed_url: str) -> bytes:
    alerts = feed_alerts()
    feed = etree.Element(f"{{{ATOM_NAMESPACE}}}feed", nsmap={None: ATOM_NAMESPACE})
    _sub(feed, "id", feed_url)
    _sub(feed, "title", "LUX response – alertes / waarschuwingen / alerts")
    updated = max((alert.updated_at for alert in alerts), default=timezone.now())
    _sub(feed, "updated", cap_datetime(updated))
    author = _sub(feed, "author")
    _sub(author, "name", "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest")
    _sub(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=absolute_url("/"), type="text/html")
    for alert in alerts:
        infos = alert.infos_by_language()
        entry = _sub(feed, "entry")
        _sub(entry, "id", cap_url(alert))
        fr, nl = infos.get("fr"), infos.get("nl")
        title = " / ".join(headline_for(alert, info.headline) for info in (fr, nl) if info)
        _sub(entry, "title", title or alert.event)
        _sub(entry, "updated", cap_datetime(alert.sent or alert.updated_at))
        _sub(entry, "published", cap_datetime(alert.sent or alert.updated_at))
        _sub(entry, "link", rel="alternate", href=cap_url(alert), type="application/cap+xml")
        _sub(entry, "link", rel="related", href=page_url(alert, "fr"), type="text/html")
        summary = fr.description if fr else alert.event
        _sub(entry, "summary", f"{alert.marker} – {summary}" if alert.marker else summary)
        for category in (alert.category, alert.severity, alert.status, alert.msg_type):
            _sub(entry, "category", term=category)
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)
