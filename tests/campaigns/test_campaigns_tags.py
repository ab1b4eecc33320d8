"""The main navigation lists the sections that exist in the current language."""

import re

import pytest

from tests.campaigns.conftest import publish
from tests.paths import path_in

pytestmark = pytest.mark.django_db


def _nav(html):
    """The section links (the alerts and subscribe links that follow them are always there)."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    sections = nav.split('<ul class="site-nav__alerts">')[0]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', sections)


def test_every_page_links_to_the_alerts_and_the_subscription(client, sections):
    html = client.get("/nl/").content.decode()
    assert f'<a href="{path_in("nl", "alerts:list")}">Waarschuwingen</a>' in html
    assert f'href="{path_in("nl", "subscriptions:subscribe")}">' in html


def test_navigation_links_existing_sections_in_order(client, sections):
    risks, guides = sections["risks"], sections["guides"]
    assert _nav(client.get("/fr/").content.decode()) == [
        (risks["fr"].url, "Risques"),
        (guides["fr"].url, "Guides"),
    ]
    assert _nav(client.get("/nl/").content.decode()) == [
        (risks["nl"].url, "Risico&#x27;s"),
        (guides["nl"].url, "Gidsen"),
    ]


def test_unpublished_section_is_not_linked(client, sections):
    sections["guides"]["en"].unpublish()
    publish(sections["risks"]["en"])
    links = _nav(client.get("/en/").content.decode())
    assert [title for _url, title in links] == ["Risks"]


def test_current_section_is_marked(client, sections):
    html = client.get(sections["risks"]["fr"].url).content.decode()
    assert f'<a href="{sections["risks"]["fr"].url}" aria-current="page">Risques</a>' in html
