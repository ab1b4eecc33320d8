"""The composer's area map in a real browser: clicking points and closing the polygon
writes a CAP polygon into the coordinates field."""

import pytest
from django.conf import settings as django_settings

from alerts.factories import AlertFactory, AuthorFactory
from tests.browser import chromium
from tests.conftest import login_with_second_factor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_drawing_a_polygon_fills_the_cap_coordinates(live_server, client, demo_site, settings):
    settings.ALERTS_MAP_TILE_URL = chromium.map_tiles(live_server.url)
    author = AuthorFactory(username="mapper")
    alert = AlertFactory(created_by=author)
    login_with_second_factor(client, author)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value

    with chromium.session() as browser:
        context = browser.new_context()
        context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": session,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/alerts/{alert.pk}/edit/")
        page.wait_for_selector(".leaflet-container")
        map_element = page.locator("[data-area-map]")
        map_element.scroll_into_view_if_needed()
        box = map_element.bounding_box()
        centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        for dx, dy in ((-60, -60), (60, -60), (60, 60)):
            page.mouse.click(centre_x + dx, centre_y + dy)
        page.click("[data-area-close]")
        value = page.input_value("#id_polygons")

    lines = value.strip().splitlines()
    assert len(lines) == 1
    pairs = lines[0].split(" ")
    assert len(pairs) == 4 and pairs[0] == pairs[-1]
    latitude, longitude = map(float, pairs[0].split(","))
    assert 50.7 < latitude < 51.0 and 4.2 < longitude < 4.5
