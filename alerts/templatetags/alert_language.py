from django import template

from alerts.language_check import alert_language_flags

register = template.Library()


@register.inclusion_tag("alerts/admin/_language_flags.html")
def alert_language_check(alert):
    """The language check of an alert's texts, shown above its previews."""
    return {"items": alert_language_flags(alert)}
