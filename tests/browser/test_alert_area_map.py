"""The area maps in a real browser, with no tile server: the 19 commune outlines are the base
layer; in the composer, clicking points and closing the polygon (or placing a circle) writes
CAP text into the coordinates fields, and saving carries the drawn polygon into valid CAP."""

import re

import pytest

from alerts.factories import AlertFactory, AuthorFactory, SentAlertFactory
from tests.browser.conftest import signed_in_context
from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMMUNE_OUTLINES = "[data-communes-loaded] path.leaflet-interactive"


def _wait_for_outlines(page):
    page.wait_for_selector("[data-communes-loaded]", state="attached")


def _composer(browser, live_server, client, *, communes):
    """The edit page of a new draft by a signed-in author, its commune outlines drawn."""
    author = AuthorFactory(username="mapper")
    alert = AlertFactory(created_by=author, area=communes)
    page = signed_in_context(browser, live_server, client, author).new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/alerts/{alert.pk}/edit/")
    _wait_for_outlines(page)
    return alert, page


def _map_centre(page):
    map_element = page.locator("[data-area-map]")
    map_element.scroll_into_view_if_needed()
    box = map_element.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_the_composers_map_round_trips_a_drawn_polygon_into_valid_cap(
    browser, live_server, client, demo_site, settings
):
    from playwright.sync_api import expect

    from alerts.cap import alert_to_cap, validate_cap
    from alerts.models import Alert

    settings.ALERTS_MAP_TILE_URL = ""
    alert, page = _composer(browser, live_server, client, communes=["21004"])
    assert page.locator(".leaflet-tile").count() == 0  # no tile server: outlines only
    assert page.locator(COMMUNE_OUTLINES).count() >= 19

    x, y = _map_centre(page)
    for dx, dy in ((-60, -60), (60, -60), (60, 60)):
        page.mouse.click(x + dx, y + dy)
    page.get_by_role("button", name="Close the polygon").click()
    drawn = page.input_value("#id_polygons").strip()
    pairs = drawn.split(" ")
    assert len(drawn.splitlines()) == 1 and len(pairs) == 4 and pairs[0] == pairs[-1]
    latitude, longitude = map(float, pairs[0].split(","))
    assert 50.76 < latitude < 50.92 and 4.24 < longitude < 4.48

    page.get_by_role("button", name="Save and preview").click()
    expect(page).to_have_url(re.compile(rf"/admin/alerts/{alert.pk}/$"))
    alert = Alert.objects.get(pk=alert.pk)
    assert alert.polygons == drawn
    cap = alert_to_cap(alert)
    assert f"<polygon>{drawn}</polygon>".encode() in cap
    assert validate_cap(cap) == []


def test_the_composer_places_a_circle_from_its_centre_and_a_typed_radius(
    browser, live_server, client, demo_site, settings
):
    settings.ALERTS_MAP_TILE_URL = ""
    _alert, page = _composer(browser, live_server, client, communes=["21009"])
    page.get_by_role("radio", name="A circle").check()
    x, y = _map_centre(page)
    page.mouse.click(x, y)
    page.get_by_label("Radius (km)").fill("1.5")
    page.get_by_role("button", name="Add the circle").click()
    circle = page.input_value("#id_circles").strip()
    assert re.fullmatch(r"50\.\d+,4\.\d+ 1\.5", circle), circle
    # A second circle from its centre and a click on its edge.
    page.mouse.click(x - 40, y)
    page.mouse.click(x + 40, y)
    assert len(page.input_value("#id_circles").strip().splitlines()) == 2


def test_the_public_page_shows_the_area_on_the_commune_outlines(
    browser, live_server, demo_site, settings
):
    settings.ALERTS_MAP_TILE_URL = ""
    alert = SentAlertFactory(area=["21015"], circles="50.8675,4.3736 1")
    page = browser.new_context().new_page()
    page.goto(live_server.url + path_in("fr", "alerts:detail", alert.identifier))
    _wait_for_outlines(page)
    map_element = page.get_by_role("region", name="Carte de la zone d'alerte")
    assert map_element.is_visible()
    # Schaerbeek is highlighted; the circle is drawn; the commune names show on hover.
    assert page.locator('path[fill="#7fa6d8"]').count() == 1
    assert page.locator('path[stroke="#b3261e"]').count() == 1
