import logging

from django import template
from django.db import DatabaseError

from alerts.cap import headline_for
from alerts.selectors import active_alerts
from alerts.widgets import map_settings

register = template.Library()
logger = logging.getLogger(__name__)

SEVERITY_ICON = {"Extreme": "⛔", "Severe": "⚠", "Moderate": "⚠", "Minor": "ℹ", "Unknown": "ℹ"}


@register.inclusion_tag("alerts/components/alert_banner.html", takes_context=True)
def alert_banner(context):
    """The site-wide banner: every alert in force, most severe first. A database failure
    is logged and leaves the page without banner rather than breaking every page."""
    items = []
    try:
        alerts = list(active_alerts()[:5])
    except DatabaseError:
        logger.exception("alert banner: active alerts could not be read")
        alerts = []
    for alert in alerts:
        info = alert.info_for()
        items.append(
            {
                "alert": alert,
                "info": info,
                "headline": headline_for(alert, info.headline) if info else alert.event,
                "icon": SEVERITY_ICON.get(alert.severity, "⚠"),
            }
        )
    return {"items": items, "request": context.get("request")}


@register.simple_tag
def area_map_settings():
    """The commune outlines' address and the tile server, for alerts/components/area_map.html."""
    return map_settings()


@register.filter
def cap_headline(alert):
    info = alert.info_for()
    return headline_for(alert, info.headline) if info else alert.event


@register.simple_tag
def alert_info(alert):
    return alert.info_for()


@register.filter
def alert_area(alert):
    from django.utils import translation

    return alert.area_description(translation.get_language() or "fr")
