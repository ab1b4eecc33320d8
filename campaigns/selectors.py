"""Reads of the preparedness content."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count
from wagtail.models import Locale, Page

from campaigns.models import RiskPage, TrainingRegistration


def risk_page_for_category(category: str, language: str) -> RiskPage | None:
    """The live risk page for a CAP event category, in that language (or None).

    Several hazards may share a category (flood, heat and storm are all "Met"); the first
    in the editors' order of the risk listing wins.
    """
    return (
        RiskPage.objects.live()
        .public()
        .filter(cap_category=category, locale__language_code=language)
        .order_by("path")
        .first()
    )


def session_places_left(sessions) -> dict[int, int]:
    """Places left in each session, counted over every language copy of the session."""
    keys = {s.translation_key for s in sessions}
    taken = dict(
        TrainingRegistration.objects.filter(session__translation_key__in=keys)
        .values_list("session__translation_key")
        .annotate(n=Count("pk"))
    )
    return {s.pk: max(s.capacity - taken.get(s.translation_key, 0), 0) for s in sessions}


# A word as both full-text indexes cut text (SQLite FTS5 unicode61, PostgreSQL's parser):
# letters and digits. Everything else separates words.
SEARCH_WORD = re.compile(r"[^\W_]+")


def search_words(query: str) -> list[str]:
    """The words of a visitor's query, without the quotes, brackets, stars, minus signs and
    control characters that the database's full-text syntax would read as operators (or
    refuse): the search backend quotes each word, so what is left is always a valid query.
    """
    return SEARCH_WORD.findall(query)


def search_pages(query: str, locale: Locale | None = None):
    """Live public pages of one language (the active one by default) containing every word
    of the query; none when the query has no word."""
    locale = locale or Locale.get_active()
    pages = Page.objects.live().public().filter(locale=locale).specific()
    words = search_words(query)
    if not words:
        return pages.none()
    return pages.search(" ".join(words), operator="and")


@dataclass
class TranslationGap:
    source: Page
    language: str
    state: str  # "missing" or "outdated"
    translation: Page | None = None
    source_changed_at: datetime | None = None
    translated_at: datetime | None = None


def translation_gaps() -> list[TranslationGap]:
    """Live pages whose French or Dutch version is missing or older than its source.

    The source of a page is its French version (Dutch and English are synchronised from
    French); a page written first in another language has that page as its source. A
    translation is out of date when the source has a revision newer than the
    translation's last publication. A wagtail-localize alias (an untranslated copy) counts
    as missing.
    """
    required = list(settings.REQUIRED_LANGUAGES)
    pages = (
        Page.objects.filter(depth__gt=1, locale__language_code__in=required)
        .select_related("locale")
        .order_by("path")
    )
    by_key = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][page.locale.language_code] = page
    gaps = []
    for versions in by_key.values():
        source = versions.get(required[0]) or next(iter(versions.values()))
        if not source.live or source.alias_of_id:
            continue
        for language in required:
            if language == source.locale.language_code:
                continue
            translation = versions.get(language)
            if translation is None or translation.alias_of_id:
                gaps.append(TranslationGap(source, language, "missing"))
                continue
            changed = source.latest_revision_created_at
            translated = translation.last_published_at
            if changed and (translated is None or changed > translated):
                gaps.append(
                    TranslationGap(source, language, "outdated", translation, changed, translated)
                )
    return gaps
