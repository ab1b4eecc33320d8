from django import template
from wagtail.models import Locale, Page

from campaigns.models import (
    CampaignIndexPage,
    EmergencyKitPage,
    EventIndexPage,
    GuideIndexPage,
    PartnerIndexPage,
    RiskIndexPage,
    TrainingIndexPage,
)

register = template.Library()

# The order of the main navigation.
SECTIONS = [
    RiskIndexPage,
    GuideIndexPage,
    CampaignIndexPage,
    EmergencyKitPage,
    EventIndexPage,
    TrainingIndexPage,
    PartnerIndexPage,
]


@register.inclusion_tag("campaigns/includes/section_nav.html", takes_context=True)
def section_nav(context):
    """Links to the sections that exist (live) in the current language, in a fixed order."""
    request = context.get("request")
    current = context.get("page")
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {"links": []}
    pages = Page.objects.live().public().filter(locale=locale).type(*SECTIONS)
    by_model = {page.specific_class: page for page in pages.order_by("path")}
    links = []
    for model in SECTIONS:
        page = by_model.get(model)
        if page is None:
            continue
        active = isinstance(current, Page) and current.path.startswith(page.path)
        links.append({"title": page.title, "url": page.get_url(request), "active": active})
    return {"links": links}
