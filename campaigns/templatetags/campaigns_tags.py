from django import template
from django.conf import settings
from django.core.cache import caches
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
from portal.page_cache import ALL, fragment_versions
from portal.page_cache_scopes import locale_scope

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
NAV_KEY_PREFIX = "fragment:section_nav:"


def _sections(request, in_locale: dict) -> list[dict]:
    """The live sections of a language, in a fixed order: title, URL and tree path."""
    pages = Page.objects.live().public().filter(**in_locale).type(*SECTIONS)
    by_model = {page.specific_class: page for page in pages.order_by("path")}
    return [
        {"title": page.title, "url": page.get_url(request), "path": page.path}
        for model in SECTIONS
        if (page := by_model.get(model)) is not None
    ]


def _cached_sections(request, language: str, in_locale: dict) -> list[dict]:
    """Kept in the page cache, keyed by the host, the language and the versions of the
    scopes a section publication bumps (portal.page_cache_scopes): a section published,
    unpublished or moved shows in the next render. FRAGMENT_CACHE_SECONDS=0: no copy."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return _sections(request, in_locale)
    versions = fragment_versions(ALL, locale_scope(language))
    host = request.get_host() if request is not None else ""
    locale = ":".join(f"{name}={value}" for name, value in sorted(in_locale.items()))
    key = f"{NAV_KEY_PREFIX}{host}:{language}:{locale}:" + ":".join(str(v) for v in versions)
    cache = caches[settings.PAGE_CACHE_ALIAS]
    sections = cache.get(key)
    if sections is None:
        sections = _sections(request, in_locale)
        cache.set(key, sections, timeout=seconds)
    return sections


@register.inclusion_tag("campaigns/includes/section_nav.html", takes_context=True)
def section_nav(context):
    """Links to the sections that exist (live) in the current language, in a fixed order."""
    request = context.get("request")
    current = context.get("page")
    language = get_supported_content_language_variant(translation.get_language())
    if isinstance(current, Page) and current.locale_id:
        in_locale = {"locale_id": current.locale_id}
    else:  # a join rather than a query of its own for the active locale
        in_locale = {"locale__language_code": language}
    sections = _cached_sections(request, language, in_locale)
    return {
        "links": [
            {
                "title": section["title"],
                "url": section["url"],
                "active": isinstance(current, Page) and current.path.startswith(section["path"]),
            }
            for section in sections
        ]
    }


@register.simple_tag
def fragment_cache_seconds() -> int:
    """How long the footer and other fragments stay in the cache (0: not at all)."""
    return settings.FRAGMENT_CACHE_SECONDS


@register.simple_tag
def fragment_version() -> str:
    """The version of what every page shows (site settings: bumped on their save)."""
    return ":".join(str(v) for v in fragment_versions(ALL))
