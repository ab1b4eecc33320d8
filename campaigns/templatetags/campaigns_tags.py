from django import template
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

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
    if isinstance(current, Page) and current.locale_id:
        in_locale = {"locale_id": current.locale_id}
    else:  # a join rather than a query of its own for the active locale
        in_locale = {
            "locale__language_code": get_supported_content_language_variant(
                translation.get_language()
            )
        }
    pages = Page.objects.live().public().filter(**in_locale).type(*SECTIONS)
    by_model = {page.specific_class: page for page in pages.order_by("path")}
    links = []
    for model in SECTIONS:
        page = by_model.get(model)
        if page is None:
            continue
        active = isinstance(current, Page) and current.path.startswith(page.path)
        links.append({"title": page.title, "url": page.get_url(request), "active": active})
    return {"links": links}
