"""Section listings show their live pages; guides can be narrowed by family and audience."""

import pytest

from campaigns import factories
from tests.campaigns.conftest import publish

pytestmark = pytest.mark.django_db


def test_guide_listing_filters_by_family_and_audience(client, sections):
    index = sections["guides"]["fr"]
    publish(factories.GuidePageFactory(parent=index, title="Mon plan", topic="household_plan"))
    publish(
        factories.GuidePageFactory(
            parent=index, title="Ma cave", topic="flood_proofing", audiences=["building_owners"]
        )
    )
    everything = client.get(index.url).content.decode()
    assert "Mon plan" in everything and "Ma cave" in everything

    buildings = client.get(index.url, {"family": "buildings"}).content.decode()
    assert "Ma cave" in buildings and "Mon plan" not in buildings

    owners = client.get(index.url, {"audience": "building_owners"}).content.decode()
    assert "Ma cave" in owners and "Mon plan" not in owners


def test_listing_hides_unpublished_pages(client, sections):
    index = sections["risks"]["fr"]
    publish(factories.RiskPageFactory(parent=index, title="Canicule"))
    draft = factories.RiskPageFactory(parent=index, title="Brouillon", live=False)
    html = client.get(index.url).content.decode()
    assert "Canicule" in html
    assert draft.title not in html


def test_campaign_listing_shows_the_period(client, sections):
    index = sections["campaigns"]["fr"]
    publish(factories.CampaignPageFactory(parent=index, title="Été"))
    html = client.get(index.url).content.decode()
    assert "Été" in html
    assert "Du " in html and " au " in html


@pytest.mark.parametrize("key", ["trainings", "partners", "events"])
def test_empty_listings_render(client, sections, key):
    for language in ("fr", "nl", "en"):
        assert client.get(sections[key][language].url).status_code == 200
