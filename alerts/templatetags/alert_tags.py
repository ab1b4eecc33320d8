from django import template

from alerts.cap import headline_for
from alerts.selectors import active_alerts

register = template.Library()

SEVERITY_ICON = {"Extreme": "⛔", "Severe": "⚠", "Moderate": "⚠", "Minor": "ℹ", "Unknown": "ℹ"}


@register.inclusion_tag("alerts/components/alert_banner.html", takes_context=True)
def alert_banner(context):
    """The site-wide banner: every alert in force, most severe first."""
    items = []
    for alert in active_alerts()[:5]:
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
