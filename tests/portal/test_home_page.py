"""The home page for the day: the alerts in force with their area and a link to each, a way
to subscribe, and the main risks of the page's language; the banner names the communes of
a zone drawn on the map."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from alerts.factories import AlertFactory, SentAlertFactory
from campaigns import factories as campaign_factories
from tests.campaigns.conftest import publish, sections  # noqa: F401 (fixture)
from tests.paths import path_in

pytestmark = pytest.mark.django_db

# A triangle over the south-east of the region: Ixelles and its neighbours, drawn, no commune.
ZONE = "50.815,4.36 50.835,4.36 50.835,4.385 50.815,4.36"


def _home(client, language):
    with translation.override(language):
        response = client.get(f"/{language}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_home_page_lists_each_alert_in_force_with_its_area_and_link(client, demo_site):
    in_force = SentAlertFactory(area=["21009", "21015"])  # Ixelles, Schaerbeek
    SentAlertFactory(area=["21004"], expires=in_force.expires.replace(year=2000))  # expired
    AlertFactory(area=["21004"])  # a draft
    for language, headline, area in (
        ("fr", "Rejet chimique : mettez-vous à l'abri", "Ixelles, Schaerbeek"),
        ("nl", "Chemische lozing: ga naar binnen", "Elsene, Schaarbeek"),
    ):
        page = _home(client, language)
        items = page.select(".home-alerts__item")
        assert len(items) == 1, language
        link = items[0].select_one("a")
        assert link.text.strip() == headline
        assert link["href"] == path_in(language, "alerts:detail", in_force.identifier)
        assert area in items[0].text


def test_without_alerts_the_home_page_says_so_and_still_offers_to_subscribe(client, demo_site):
    with translation.override("en"):
        page = _home(client, "en")
        subscribe = path_in("en", "subscriptions:subscribe")
    assert page.select(".home-alerts__item") == []
    assert "No alert is in force" in page.select_one(".home-alerts").text
    cta = page.select_one(f".home-subscribe a[href='{subscribe}']")
    assert cta is not None and "button" in cta["class"]


def test_the_home_page_links_the_risks_of_its_own_language(client, demo_site, sections):  # noqa: F811
    risks = sections["risks"]
    flood = publish(
        campaign_factories.RiskPageFactory(parent=risks["fr"], title="Inondation", slug="eau")
    )
    publish(campaign_factories.RiskPageFactory(parent=risks["fr"], title="Tempête", slug="vent"))
    page = _home(client, "fr")
    links = [(a.text, a["href"]) for a in page.select(".home-risks__list a")]
    assert links == [("Inondation", flood.url), ("Tempête", flood.url.replace("eau", "vent"))]
    assert page.select_one(f".home-risks a[href='{risks['fr'].url}']") is not None
    # The Dutch home has no Dutch risk page yet: no French ones in their place.
    assert _home(client, "nl").select(".home-risks__list a") == []


def test_a_zone_drawn_on_the_map_is_named_by_its_communes_in_the_banner_and_home(client, demo_site):
    SentAlertFactory(polygons=ZONE, area=None)
    for language, communes in (("fr", "Ixelles"), ("nl", "Elsene")):
        page = _home(client, language)
        banner_area = page.select_one(".alert-banner__area").text
        assert communes in banner_area, banner_area
        assert communes in page.select_one(".home-alerts__item").text
    with translation.override("en"):
        page = _home(client, "en")
    assert "part of " in page.select_one(".alert-banner__area").text
    assert "Ixelles / Elsene" in page.select_one(".alert-banner__area").text


def test_an_exercise_on_the_home_page_says_exercise_once_each_word_in_its_language(
    client, demo_site
):
    SentAlertFactory(status="Exercise", area=["21004"])

    link = _home(client, "nl").select_one(".home-alerts__item a")

    assert link.text.count("OEFENING") == 1
    assert link.select_one('span[lang="fr"]').text == "EXERCICE"
    assert link.select_one('span[lang="nl"]').text == "OEFENING"
    assert link.text.strip().endswith("Chemische lozing: ga naar binnen")
