"""The citizen pages of our own views have French and Dutch addresses on the French and
Dutch sites (English keeps English), and the English paths those sites used before, which
printed SMS and emails carry (tokens included), answer with a permanent redirect to them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from alerts.factories import INFO_TEXTS, SentAlertFactory
from alerts.subscriptions import tokens
from alerts.subscriptions.factories import ContactPointFactory, SubscriberFactory
from portal.legacy_paths import LEGACY_PATTERN
from tests.paths import path_in

pytestmark = pytest.mark.django_db

# The English words the French and Dutch sites used to show in their addresses.
ENGLISH_SEGMENTS = {"alerts", "subscribe", "subscriptions", "unsubscribe", "search", "manage"}
ENGLISH_SEGMENTS |= {"confirm", "pending", "add", "stop", "export", "erase"}

ROUTES = [
    ("alerts:list", ()),
    ("alerts:detail", ("BE-BRU-1",)),
    ("search", ()),
    ("subscriptions:subscribe", ()),
    ("subscriptions:pending", ()),
    ("subscriptions:confirm_email", ("tok",)),
    ("subscriptions:manage_access", ()),
    ("subscriptions:manage", ("tok",)),
    ("subscriptions:manage_add", ("tok",)),
    ("subscriptions:manage_stop", ("tok", 3)),
    ("subscriptions:manage_export", ("tok",)),
    ("subscriptions:manage_erase", ("tok",)),
    ("subscriptions:unsubscribe", ("tok",)),
]


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")[1:]  # without the language prefix


@pytest.mark.parametrize(("name", "args"), ROUTES)
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_french_and_dutch_addresses_carry_no_english_word(language, name, args):
    english = path_in("en", name, *args)
    local = path_in(language, name, *args)
    assert local.startswith(f"/{language}/")
    assert not ENGLISH_SEGMENTS & set(_segments(local)), local
    assert _segments(local) != _segments(english)
    assert ENGLISH_SEGMENTS & set(_segments(english))  # English keeps English


def test_reverse_follows_the_active_language():
    for language in ("fr", "nl", "en"):
        with translation.override(language):
            assert reverse("alerts:list") == path_in(language, "alerts:list")
            assert reverse("alerts:list").startswith(f"/{language}/")
    assert len({path_in(code, "alerts:list") for code in ("fr", "nl", "en")}) == 3


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
@pytest.mark.parametrize(
    "name", ["alerts:list", "search", "subscriptions:subscribe", "subscriptions:manage_access"]
)
def test_translated_addresses_answer(client, demo_site, language, name):
    assert client.get(path_in(language, name)).status_code == 200


def test_old_alert_address_redirects_permanently_keeping_path_and_query(client, demo_site):
    alert = SentAlertFactory()
    response = client.get(f"/fr/alerts/{alert.identifier}/", {"utm_source": "sms"})
    assert response.status_code == 301
    assert response["Location"] == path_in("fr", "alerts:detail", alert.identifier) + (
        "?utm_source=sms"
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert INFO_TEXTS["fr"][1] in page.content.decode()
    listing = client.get("/nl/alerts/")
    assert listing.status_code == 301
    assert listing["Location"] == path_in("nl", "alerts:list")


def test_old_links_of_printed_emails_still_work_with_their_tokens(client, demo_site):
    subscriber = SubscriberFactory(language="nl")
    contact_point = ContactPointFactory(subscriber=subscriber)
    manage = tokens.manage_token(subscriber)
    unsubscribe = tokens.unsubscribe_token(contact_point)
    cases = {
        f"/nl/subscriptions/manage/{manage}/": path_in("nl", "subscriptions:manage", manage),
        f"/nl/subscriptions/manage/{manage}/export/": path_in(
            "nl", "subscriptions:manage_export", manage
        ),
        f"/fr/unsubscribe/{unsubscribe}/": path_in("fr", "subscriptions:unsubscribe", unsubscribe),
        "/fr/subscribe/": path_in("fr", "subscriptions:subscribe"),
        "/nl/search/?q=overstroming": path_in("nl", "search") + "?q=overstroming",
    }
    for old, new in cases.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code == 200, new


def test_a_form_posted_to_an_old_address_is_posted_again_to_the_new_one(client, demo_site):
    response = client.post("/fr/subscriptions/manage/", {"address": "anna@example.invalid"})
    assert response.status_code == 308
    assert response["Location"] == path_in("fr", "subscriptions:manage_access")


def test_english_addresses_answer_directly(client, demo_site):
    assert client.get("/en/alerts/").status_code == 200
    assert client.get("/en/subscribe/").status_code == 200


def test_an_old_looking_address_that_names_nothing_is_not_found(client, demo_site):
    for path in ("/fr/alerts/a/b/", "/en/alerts/a/b/", "/nl/subscriptions/nothing/"):
        assert client.get(path).status_code == 404, path


def test_the_language_switcher_of_an_alert_leads_to_its_translated_address(client, demo_site):
    alert = SentAlertFactory()
    html = client.get(path_in("fr", "alerts:detail", alert.identifier)).content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert f'href="{path_in("nl", "alerts:detail", alert.identifier)}" hreflang="nl"' in nav
    assert f'href="{path_in("en", "alerts:detail", alert.identifier)}" hreflang="en"' in nav


def test_the_language_switcher_of_the_subscribe_page_keeps_the_query(client, demo_site):
    html = client.get(path_in("nl", "subscriptions:subscribe"), {"commune": "21004"})
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html.content.decode(), re.S)
    assert f'href="{path_in("fr", "subscriptions:subscribe")}?commune=21004"' in nav.group(0)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_subscribe_page_still_allows_geolocation(client, demo_site, language):
    response = client.get(path_in(language, "subscriptions:subscribe"))
    assert "geolocation=(self)" in response["Permissions-Policy"]
    assert "geolocation=()" in client.get(path_in(language, "alerts:list"))["Permissions-Policy"]


def test_the_new_addresses_are_cached_pages(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 60
    path = path_in("nl", "alerts:list")
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_old_segments_are_exactly_the_ones_that_were_english():
    for word in ("alerts", "search", "subscribe", "subscriptions", "unsubscribe"):
        assert re.match(LEGACY_PATTERN, f"{word}/x/")
    assert not re.match(LEGACY_PATTERN, "guides/x/")
