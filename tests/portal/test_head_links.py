"""Every public page says in <head> where its other language versions are (hreflang, with
x-default on the French one), which address is its own (canonical, absolute, on the public
address) and what it is about (meta description)."""

import re
from html import unescape

import pytest
from django.utils import translation
from wagtail.models import Locale

from alerts.factories import INFO_TEXTS, SentAlertFactory
from campaigns import factories
from tests.paths import path_in

pytestmark = pytest.mark.django_db

BASE = "https://alerte.example.invalid"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_BASE_URL = BASE + "/"


def _publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _translate(page, language, **fields):
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(page).objects.get(pk=translated.pk)


@pytest.fixture
def guide(demo_site):
    """A guide in French and Dutch only, in a listing that exists in the three languages."""
    index = _publish(factories.GuideIndexPageFactory(parent=demo_site.homes["fr"], slug="guides"))
    _translate(index, "nl", title="Gidsen")
    _translate(index, "en", title="Guides")
    fr = _publish(
        factories.GuidePageFactory(
            parent=index, title="Plan familial", intro="Préparez votre <b>plan</b> familial."
        )
    )
    nl = _translate(fr, "nl", title="Gezinsplan", intro="Maak uw gezinsplan.")
    return {"fr": fr, "nl": nl}


def _head(html: str) -> str:
    return re.search(r"<head>.*?</head>", html, re.S).group(0)


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def _canonical(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]+)">', _head(html))


def _descriptions(html: str) -> list[str]:
    return [unescape(d) for d in re.findall(r'<meta name="description" content="([^"]*)">', html)]


def test_a_page_lists_the_languages_it_exists_in_and_no_other(client, guide):
    html = client.get(guide["nl"].url).content.decode()
    assert _alternates(_head(html)) == {
        "fr": BASE + guide["fr"].url,
        "nl": BASE + guide["nl"].url,
        "x-default": BASE + guide["fr"].url,
    }
    assert _canonical(html) == [BASE + guide["nl"].url]
    assert _descriptions(_head(html)) == ["Maak uw gezinsplan."]


def test_the_description_is_the_search_description_else_the_intro_as_text(client, guide):
    html = client.get(guide["fr"].url).content.decode()
    assert _descriptions(_head(html)) == ["Préparez votre plan familial."]
    guide["fr"].search_description = "Un plan pour toute la famille, en dix minutes."
    guide["fr"].save_revision().publish()
    html = client.get(guide["fr"].url).content.decode()
    assert _descriptions(_head(html)) == ["Un plan pour toute la famille, en dix minutes."]


def test_hostile_page_text_stays_inside_the_description(client, guide):
    guide["fr"].search_description = '"><script>alert(1)</script>'
    guide["fr"].save_revision().publish()
    html = client.get(guide["fr"].url).content.decode()
    assert "<script>alert(1)" not in html
    assert _descriptions(_head(html)) == ['">alert(1)']  # tags stripped, quote escaped


def test_the_home_pages_list_each_other(client, demo_site):
    html = client.get("/en/").content.decode()
    homes = {code: BASE + page.url for code, page in demo_site.homes.items()}
    assert _alternates(_head(html)) == {**homes, "x-default": homes["fr"]}
    assert _canonical(html) == [homes["en"]]
    assert len(_descriptions(_head(html))) == 1


def test_an_alert_page_describes_the_alert_in_the_page_language(client, demo_site):
    alert = SentAlertFactory(languages=["fr", "nl"])
    html = client.get(path_in("nl", "alerts:detail", alert.identifier)).content.decode()
    assert _alternates(_head(html)) == {
        "fr": BASE + path_in("fr", "alerts:detail", alert.identifier),
        "nl": BASE + path_in("nl", "alerts:detail", alert.identifier),
        "x-default": BASE + path_in("fr", "alerts:detail", alert.identifier),
    }
    assert _canonical(html) == [BASE + path_in("nl", "alerts:detail", alert.identifier)]
    [description] = _descriptions(_head(html))
    headline, text = INFO_TEXTS["nl"][:2]
    assert description.startswith(headline) and text in description


def test_listing_and_form_pages_have_their_own_sentence(client, demo_site):
    seen = set()
    for name in ("alerts:list", "subscriptions:subscribe", "search"):
        with translation.override("en"):
            html = client.get(path_in("en", name)).content.decode()
        [description] = _descriptions(_head(html))
        assert description and description not in seen
        seen.add(description)
        versions = _alternates(_head(html))
        assert versions == {
            **{code: BASE + path_in(code, name) for code in ("fr", "nl", "en")},
            "x-default": BASE + path_in("fr", name),
        }
    assert (
        "alerts"
        in _descriptions(_head(client.get(path_in("en", "alerts:list")).content.decode()))[0]
    )


def test_a_page_that_is_not_found_claims_no_address(client, demo_site):
    response = client.get("/fr/nowhere-at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert _canonical(html) == [] and _alternates(html) == {}
    assert len(_descriptions(_head(html))) == 1
