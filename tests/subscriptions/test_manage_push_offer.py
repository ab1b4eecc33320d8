"""The management page offers notifications in this browser only when the site can send
them (both VAPID keys set), like the subscribe page."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from alerts.subscriptions import tokens
from alerts.subscriptions.factories import ContactPointFactory
from tests.paths import path_in
from tests.peers.push import vapid_private_key
from tests.subscriptions.test_subscribe_page import PUBLIC_KEY

pytestmark = pytest.mark.django_db


def _manage(client):
    subscriber = ContactPointFactory().subscriber
    with translation.override("en"):
        url = path_in("en", "subscriptions:manage", tokens.manage_token(subscriber))
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_without_the_keys_the_add_section_offers_no_browser_notifications(client, settings):
    settings.VAPID_PUBLIC_KEY = PUBLIC_KEY
    settings.VAPID_PRIVATE_KEY = ""

    page = _manage(client)

    assert page.select_one("details summary").text == "Add an email address or a mobile number"
    assert page.select_one("#push-field") is None


def test_with_the_keys_the_add_section_offers_this_browser(client, settings):
    settings.VAPID_PUBLIC_KEY = PUBLIC_KEY
    settings.VAPID_PRIVATE_KEY = vapid_private_key()

    page = _manage(client)

    assert "this browser" in page.select_one("details summary").text
    assert page.select_one("#push-field")["data-vapid-public-key"] == PUBLIC_KEY
