"""The "English" link of a page that has no English version says so in words a reader sees
(not only a tooltip), in the language it leads to, and leads to the nearest English page:
the nearest ancestor translated into English, else the English home page."""

import re

import pytest
from wagtail.models import Locale

from campaigns import factories

pytestmark = pytest.mark.django_db


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


def _links(html: str) -> dict[str, tuple[str, str]]:
    """(href, visible text) of each language link, by language code."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    found = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">(.*?)</a>', nav, re.S)
    return {code: (href, re.sub(r"<[^>]+>", "", text)) for href, code, text in found}


@pytest.fixture
def pages(demo_site):
    homes = demo_site.homes
    index = _publish(factories.GuideIndexPageFactory(parent=homes["fr"], slug="guides"))
    index_en = _translate(index, "en", title="Guides")
    _translate(index, "nl", title="Gidsen")
    guide = _publish(factories.GuidePageFactory(parent=index, title="Plan familial"))
    guide_nl = _translate(guide, "nl", title="Gezinsplan")
    return {"homes": homes, "index_en": index_en, "guide": guide, "guide_nl": guide_nl}


def test_english_link_of_an_untranslated_page_says_so_and_leads_to_its_english_parent(
    client, pages
):
    links = _links(client.get(pages["guide"].url).content.decode())
    assert links["en"] == (pages["index_en"].url, "English (not available for this page)")
    assert links["nl"] == (pages["guide_nl"].url, "Nederlands")


def test_without_an_english_ancestor_the_link_leads_to_the_english_home(client, pages):
    pages["index_en"].unpublish()
    links = _links(client.get(pages["guide_nl"].url).content.decode())
    assert links["en"] == (pages["homes"]["en"].url, "English (not available for this page)")
    assert links["fr"] == (pages["guide"].url, "Français")


def test_a_translated_page_links_plainly(client, pages):
    links = _links(client.get(pages["index_en"].url).content.decode())
    assert all("not available" not in text for _href, text in links.values())
