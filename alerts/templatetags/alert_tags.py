import logging

from django import template
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.cap import headline_for
from alerts.geometry import communes_in_area
from alerts.models import Commune
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
    # A page that already read the alerts in force (the home page lists them) lends them.
    alerts = context.get("current_alerts")
    try:
        alerts = list(active_alerts()[:5]) if alerts is None else list(alerts)[:5]
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


@register.filter
def alert_places(alert):
    """Where an alert applies, in words a resident recognises: the region, its communes, or,
    for a zone drawn on the map, the communes the zone covers part of."""
    described = alert.area_description(translation.get_language() or "fr")
    if alert.whole_region or alert.communes.all():
        return described
    codes = communes_in_area(alert.polygons, alert.circles)
    if not codes:
        return described
    names = [commune.name for commune in Commune.objects.filter(nis_code__in=codes)]
    return _("part of %(communes)s") % {"communes": ", ".join(names)}
