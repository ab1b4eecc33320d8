"""Reads of the preparedness content."""

import re

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
