"""Citizen pages under their strict Content-Security-Policy in a real browser: the scripts
still work and the browser reports no violation."""

import pytest

from alerts.factories import SentAlertFactory
from tests.browser import chromium
from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_public_map_and_the_subscribe_page_work_without_a_violation(
    live_server, demo_site, settings
):
    from playwright.sync_api import expect

    settings.ALERTS_MAP_TILE_URL = chromium.map_tiles(live_server.url)
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    violations = []

    with chromium.session() as browser:
        context = browser.new_context()
        context.grant_permissions(["geolocation"], origin=live_server.url)
        context.set_geolocation({"latitude": 50.8466, "longitude": 4.3528})
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.goto(live_server.url + path_in("fr", "alerts:detail", alert.identifier))
        page.wait_for_selector(".leaflet-container .leaflet-interactive")
        page.goto(live_server.url + path_in("fr", "subscriptions:subscribe"))
        page.wait_for_selector("#geo-enable:not([hidden])")
        page.click("#geo-enable")
        # A locator assertion: evaluating a string in the page is what the policy forbids.
        expect(page.locator("input[name=latitude]")).to_have_value("50.847")

    assert violations == []
