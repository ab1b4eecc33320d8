"""Search: the current language's pages only."""

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns import factories
from tests.campaigns.conftest import publish, translate
from tests.paths import path_in

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
    response = client.get(path_in(language, "search"), {"q": "inondation"})
    assert response.status_code == 200
    results = response.content.decode().split('class="search-results"')[1]
    assert f">{expected}</a>" in results
    assert {"fr": "Risque", "nl": "Risico", "en": "Risk"}[language] in results
    for other in others:
        assert f">{other}</a>" not in results


def test_search_says_when_nothing_matches(client, flood):
    html = client.get(path_in("fr", "search"), {"q": "volcan"}).content.decode()
    assert "Aucune page ne correspond à votre recherche." in html


def test_search_page_without_query_shows_the_form(client, demo_site):
    html = client.get(path_in("nl", "search")).content.decode()
    assert '<input type="search" id="search-q" name="q"' in html
    assert '<html lang="nl">' in html


HOSTILE_QUERIES = [
    '"',
    'a"',
    '">',
    "\x00",
    "*",
    "NEAR(",
    "-",
    "AND",
    "a AND",
    "OR b",
    "NOT",
    "'",
    "\\",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_answers_a_query_with_search_syntax_without_an_error(client, flood, query):
    response = client.get(path_in("fr", "search"), {"q": query})
    assert response.status_code == 200
    assert f'name="q" value="{escape(query.strip())}"' in response.content.decode()


def test_search_still_finds_the_words_around_search_syntax(client, flood):
    html = client.get(path_in("fr", "search"), {"q": '"orage* (inondation) -'}).content.decode()
    assert ">Inondation</a>" in html.split('class="search-results"')[1]


@settings(
    max_examples=200,
    deadline=None,
    # The pages are only read: one set for every example is enough.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=60), page=st.text(max_size=5))
def test_search_never_fails_whatever_the_query(flood, query, page):
    response = Client().get(path_in("fr", "search"), {"q": query, "page": page})
    assert response.status_code == 200


def test_search_without_a_single_word_finds_nothing(client, flood):
    html = client.get(path_in("fr", "search"), {"q": '" * ( -'}).content.decode()
    assert "Aucune page ne correspond à votre recherche." in html
