"""Planned events: the page, and the upcoming and past listings."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.html import escape

from campaigns import factories
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(sections):
    index = sections["events"]["fr"]
    upcoming = publish(
        factories.PlannedEventPageFactory(
            parent=index,
            title="Manifestation nationale",
            road_closures="<ul><li>Boulevard Anspach</li></ul>",
        )
    )
    past_start = timezone.now() - dt.timedelta(days=30)
    past = publish(
        factories.PlannedEventPageFactory(
            parent=index,
            title="Fête de quartier",
            start=past_start,
            end=past_start + dt.timedelta(hours=4),
        )
    )
    return upcoming, past


def test_listing_separates_upcoming_and_past(client, sections, events):
    html = client.get(sections["events"]["fr"].url).content.decode()
    upcoming_part, past_part = html.split('id="past-title"')
    assert "Manifestation nationale" in upcoming_part
    assert "Fête de quartier" in past_part
    assert "Fête de quartier" not in upcoming_part


def test_event_page_shows_when_where_impact_and_organiser(client, events):
    upcoming, past = events
    html = client.get(upcoming.url).content.decode()
    assert "Parc du Cinquantenaire" in html
    assert "Boulevard Anspach" in html
    assert "mailto:info@example.org" in html
    assert "Cet événement est terminé." not in html
    assert "Cet événement est terminé." in client.get(past.url).content.decode()


@pytest.mark.parametrize(("language", "title"), [("nl", "Nationale betoging"), ("en", "March")])
def test_event_page_in_other_languages(client, events, language, title):
    page = translate(events[0], language, title=title)
    html = client.get(page.url).content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{escape(title)}</h1>" in html


def test_an_organiser_named_in_french_is_marked_french_on_the_dutch_page(client, events):
    upcoming = events[0]
    upcoming.organiser_name = "Ligue des familles"
    upcoming.organiser_language = "fr"
    publish(upcoming)
    nl = translate(upcoming, "nl", title="Nationale betoging")

    dutch = client.get(nl.url).content.decode()
    french = client.get(upcoming.url).content.decode()

    assert '<span lang="fr">Ligue des familles</span>' in dutch
    assert '<span lang="fr">' not in french  # the page's own language needs no mark
    assert "Ligue des familles" in french
