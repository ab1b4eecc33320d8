"""Reads of the preparedness content."""

import re
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from campaigns.models import RiskPage, TrainingPage, TrainingRegistration
from campaigns.registration_links import registration_id_from_token


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


def sessions_with_places(page: TrainingPage) -> list:
    """The page's upcoming sessions, each with `places_left`."""
    sessions = list(page.upcoming_sessions())
    left = session_places_left(sessions)
    for session in sessions:
        session.places_left = left[session.pk]
    return sessions


@dataclass
class RegistrationLinkRefused(Exception):
    """Why a registrant's link no longer leads to their registration."""

    reason: str  # "invalid", "cancelled" or "started"
    message: str
    status: int


def registration_for_link(token: str, *, page: TrainingPage) -> TrainingRegistration:
    """The registration a registrant's link stands for, opened under `page` (the training
    in any of its languages); refused when the link is not ours or not for this training,
    when the registration was cancelled or its session has started."""
    registration_id = registration_id_from_token(token)
    registration = (
        TrainingRegistration.objects.select_related("session__page")
        .filter(pk=registration_id)
        .first()
        if registration_id is not None
        else None
    )
    if registration_id is None or (
        registration is not None
        and registration.session.page.translation_key != page.translation_key
    ):
        raise RegistrationLinkRefused(
            "invalid",
            _("This link is not valid. Please use the link in your confirmation email."),
            404,
        )
    if registration is None:
        raise RegistrationLinkRefused(
            "cancelled",
            _("This registration has been cancelled. Its place was given back."),
            410,
        )
    if registration.session.start <= timezone.now():
        raise RegistrationLinkRefused(
            "started",
            _(
                "This link has expired: the session has started. To change anything now, "
                "please contact the organiser."
            ),
            410,
        )
    return registration


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
