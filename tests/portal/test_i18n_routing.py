import re

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("nl-BE,nl;q=0.9,fr;q=0.8", "/nl/"), ("en-GB,en;q=0.9", "/en/"), ("de-DE", "/fr/")],
)
def test_root_follows_the_browser_language(client, demo_site, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("fr", "Se préparer, être alerté, bien réagir"),
        ("nl", "Voorbereid zijn, gewaarschuwd worden, goed reageren"),
        ("en", "Be prepared, be alerted, react well"),
    ],
)
def test_each_language_serves_its_home_page_with_the_right_lang(client, demo_site, prefix, title):
    response = client.get(f"/{prefix}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{prefix}">' in html
    assert f"<h1>{title}</h1>" in html


def test_interface_strings_are_translated(client, demo_site):
    assert "Naar de hoofdinhoud" in client.get("/nl/").content.decode()
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()


def _switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav)[i][::-1] for i in range(2))


def test_language_switcher_leads_to_the_translated_page(client, demo_site):
    nl_home = demo_site.homes["nl"]
    html = client.get("/nl/").content.decode()
    links = _switcher_links(html)
    assert links == {"fr": demo_site.homes["fr"].url, "en": demo_site.homes["en"].url}
    assert '<span aria-current="true" lang="nl">Nederlands</span>' in html
    assert nl_home.url == "/nl/"


def test_switcher_marks_a_language_without_a_live_translation(client, demo_site):
    demo_site.homes["en"].unpublish()
    html = client.get("/fr/").content.decode()
    assert (
        '<a href="/en/" hreflang="en" lang="en">English'
        ' <span class="language-switcher__missing">(not available for this page)</span></a>'
    ) in html


def test_dates_are_formatted_per_locale(client, demo_site):
    from datetime import date

    from django.utils import translation

    from portal.localization import format_date, format_number

    day = date(2026, 11, 20)
    assert format_date(day, language="fr") == "20 novembre 2026"
    assert format_date(day, language="nl") == "20 november 2026"
    with translation.override("nl"):
        assert format_number(1234567.5) == "1.234.567,5"
    assert Locale.objects.filter(language_code__in=["fr", "nl", "en"]).count() == 3


def test_moments_read_in_one_style_per_language():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from portal.localization import format_datetime

    moment = datetime(2026, 12, 1, 22, 29, 41, tzinfo=ZoneInfo("Europe/Brussels"))
    expected = {"fr": "1 déc. 2026, 22:29", "nl": "1 dec 2026, 22:29"}
    for language, text in expected.items():
        # Short and medium alike: the month named, the full year, no seconds.
        assert format_datetime(moment, "short", language=language) == text
        assert format_datetime(moment, "medium", language=language) == text
