"""Search: the current language's pages only."""

import pytest

from campaigns import factories
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def flood(sections):
    page = publish(
        factories.RiskPageFactory(
            parent=sections["risks"]["fr"], title="Inondation", intro="Orage et inondation."
        )
    )
    translate(page, "nl", title="Overstroming", intro="Onweer en inondation.")
    translate(page, "en", title="Flood", intro="Storm and inondation.")
    return page


@pytest.mark.parametrize(
    ("language", "expected", "others"),
    [
        ("fr", "Inondation", ["Overstroming", "Flood"]),
        ("nl", "Overstroming", ["Inondation", "Flood"]),
        ("en", "Flood", ["Inondation", "Overstroming"]),
    ],
)
def test_search_returns_only_the_current_language(client, flood, language, expected, others):
    # "inondation" appears in every language's introduction on purpose.
    response = client.get(f"/{language}/search/", {"q": "inondation"})
    assert response.status_code == 200
    results = response.content.decode().split('class="search-results"')[1]
    assert f">{expected}</a>" in results
    assert {"fr": "Risque", "nl": "Risico", "en": "Risk"}[language] in results
    for other in others:
        assert f">{other}</a>" not in results


def test_search_says_when_nothing_matches(client, flood):
    html = client.get("/fr/search/", {"q": "volcan"}).content.decode()
    assert "Aucune page ne correspond à votre recherche." in html


def test_search_page_without_query_shows_the_form(client, demo_site):
    html = client.get("/nl/search/").content.decode()
    assert '<input type="search" id="search-q" name="q"' in html
    assert '<html lang="nl">' in html
