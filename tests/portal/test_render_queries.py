"""The pages a visitor reaches first render, uncached, in a bounded number of queries: the
main navigation and the footer come from fragment caches keyed by the page cache's scopes,
so a publication still shows in the navigation of the next render."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from alerts.selectors import active_alerts
from campaigns.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db

# The most queries each page may take once its fragments are cached (the page cache off,
# as in the test settings). Before the fragment caches: 17, 18, 17, 14 and 15.
MAX_QUERIES = {"home fr": 14, "home nl": 15, "guide": 14, "alert": 10, "alert list": 11}


@pytest.fixture
def pages(db):
    call_command("seed_demo", stdout=io.StringIO())
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    alert = active_alerts().first()
    with translation.override("fr"):
        return {
            "home fr": "/fr/",
            "home nl": "/nl/",
            "guide": guide.url,
            "alert": reverse("alerts:detail", args=[alert.identifier]),
            "alert list": reverse("alerts:list"),
        }


@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_each_first_page_renders_in_a_bounded_number_of_queries(
    client, pages, name, django_assert_max_num_queries
):
    assert client.get(pages[name]).status_code == 200  # the fragments cached
    with django_assert_max_num_queries(MAX_QUERIES[name]):
        assert client.get(pages[name]).status_code == 200


def _navigation(client, path) -> list[str]:
    page = BeautifulSoup(client.get(path).content, "html.parser")
    return [link.text.strip() for link in page.select("[data-nav-sections] a")]


def test_a_section_published_shows_at_once_in_the_cached_navigation(
    client, pages, django_capture_on_commit_callbacks
):
    guides = GuideIndexPage.objects.get(locale__language_code="fr")
    assert guides.title in _navigation(client, pages["alert"])  # now in the fragment cache
    guides.title = "Conseils <script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        guides.save_revision().publish()
    for name in ("home fr", "guide", "alert"):
        assert "Conseils <script>alert(1)</script>" in _navigation(client, pages[name]), name
    assert b"<script>alert(1)</script>" not in client.get(pages["home fr"]).content


def test_the_navigation_of_another_language_keeps_its_own_sections(client, pages):
    french = _navigation(client, pages["home fr"])
    dutch = _navigation(client, pages["home nl"])
    assert french and dutch and french != dutch
