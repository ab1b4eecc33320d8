"""The "alert me where I am" endpoints and pages: a clear 400 for bad input, the same 404
for any endpoint we do not deliver to, a stale position told on the management page, the
erase button, and location allowed on the subscribe and manage pages only."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from alerts.subscriptions import tokens
from alerts.subscriptions.factories import ContactPointFactory
from tests.paths import path_in
from tests.peers.push import vapid_private_key
from tests.subscriptions.test_subscribe_page import PUBLIC_KEY

pytestmark = pytest.mark.django_db

ENDPOINT = "https://fcm.googleapis.com/fcm/send/position-view-test"


def _push(**fields):
    fields.setdefault("address", ENDPOINT)
    return ContactPointFactory(channel="push", **fields)


def _post(client, name, body):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(path_in("en", name), data=data, content_type="application/json")


def _manage_page(client, subscriber):
    return client.get(path_in("en", "subscriptions:manage", tokens.manage_token(subscriber)))


def test_a_position_is_stored_rounded_and_said_back(client):
    point = _push()
    response = _post(
        client,
        "subscriptions:push_position",
        {"endpoint": ENDPOINT, "latitude": 50.84671, "longitude": 4.35251},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["ok"] and answer["latitude"] == 50.845
    point.refresh_from_db()
    assert (point.position_latitude, point.position_longitude) == (
        answer["latitude"],
        answer["longitude"],
    )


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("{not json", "the body is not JSON"),
        ("[1, 2]", "the body is not a JSON object"),
        ({"latitude": 50.8, "longitude": 4.3}, "endpoint must be"),
        ({"endpoint": ENDPOINT, "latitude": 95, "longitude": 4.3}, "latitude must be between"),
        ({"endpoint": ENDPOINT, "latitude": 50.8, "longitude": "east"}, "longitude must be a"),
        ({"endpoint": ENDPOINT, "latitude": 50.8}, "longitude must be a number"),
    ],
)
def test_bad_input_gets_a_clear_400(client, body, said):
    point = _push()
    response = _post(client, "subscriptions:push_position", body)
    assert response.status_code == 400
    assert said in response.json()["error"]
    point.refresh_from_db()
    assert point.position_at is None


def test_nan_in_the_body_is_refused(client):
    _push()
    body = json.dumps({"endpoint": ENDPOINT, "latitude": 0, "longitude": 4.3})
    body = body.replace('"latitude": 0,', '"latitude": NaN,')
    response = _post(client, "subscriptions:push_position", body)
    assert response.status_code == 400
    assert "finite" in response.json()["error"]


def test_unknown_pending_and_stopped_endpoints_get_the_same_404(client):
    _push(address=ENDPOINT + "-stopped", active=False)
    _push(address=ENDPOINT + "-pending", confirmed_at=None)
    answers = []
    for endpoint in (ENDPOINT + "-unknown", ENDPOINT + "-stopped", ENDPOINT + "-pending"):
        response = _post(
            client,
            "subscriptions:push_position",
            {"endpoint": endpoint, "latitude": 50.8, "longitude": 4.3},
        )
        answers.append((response.status_code, response.content))
    assert answers[0][0] == 404
    assert len(set(answers)) == 1  # nothing tells them apart


def test_too_many_updates_get_429(client, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "position": (1, 3600),
    }
    _push()
    body = {"endpoint": ENDPOINT, "latitude": 50.8, "longitude": 4.3}
    assert _post(client, "subscriptions:push_position", body).status_code == 200
    assert _post(client, "subscriptions:push_position", body).status_code == 429


def test_erase_by_endpoint(client):
    point = _push(position_latitude=50.845, position_longitude=4.3531, position_at=timezone.now())
    response = _post(client, "subscriptions:push_position_erase", {"endpoint": ENDPOINT})
    assert response.status_code == 200
    point.refresh_from_db()
    assert point.position_at is None and point.position_latitude is None
    unknown = _post(client, "subscriptions:push_position_erase", {"endpoint": ENDPOINT + "x"})
    assert unknown.status_code == 404


def test_the_manage_page_tells_a_stale_position(client):
    point = _push(
        position_latitude=50.845,
        position_longitude=4.3531,
        position_at=timezone.now() - timedelta(days=8),
    )
    page = BeautifulSoup(_manage_page(client, point.subscriber).content, "html.parser")
    text = " ".join(page.get_text().split())
    assert "It is older than 7 days, so it no longer counts" in text


def test_the_manage_page_shows_the_age_of_a_fresh_position(client):
    point = _push(
        position_latitude=50.845,
        position_longitude=4.3531,
        position_at=timezone.now() - timedelta(days=2),
    )
    text = " ".join(
        BeautifulSoup(_manage_page(client, point.subscriber).content, "html.parser")
        .get_text()
        .split()
    )
    assert "was stored 2 days ago" in text
    assert "no longer counts" not in text


def test_the_manage_page_erase_button_erases_the_position(client):
    point = _push(position_latitude=50.845, position_longitude=4.3531, position_at=timezone.now())
    token = tokens.manage_token(point.subscriber)
    page = BeautifulSoup(_manage_page(client, point.subscriber).content, "html.parser")
    button = page.find("button", string="Erase my position")
    response = client.post(button.find_parent("form")["action"])
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.position_at is None
    assert "was stored" not in _manage_page(client, point.subscriber).content.decode()
    assert token in response["Location"]


def test_the_manage_page_erase_button_only_reaches_the_subscribers_own_browsers(client):
    mine = _push()
    other = _push(
        address=ENDPOINT + "-other",
        position_latitude=50.845,
        position_longitude=4.3531,
        position_at=timezone.now(),
    )
    url = path_in(
        "en", "subscriptions:manage_position_erase", tokens.manage_token(mine.subscriber), other.pk
    )
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.position_at is not None


def test_the_pages_explain_it_and_allow_location_after_a_click(client, settings):
    settings.VAPID_PUBLIC_KEY = PUBLIC_KEY
    settings.VAPID_PRIVATE_KEY = vapid_private_key()
    point = _push()
    subscribe = client.get(path_in("en", "subscriptions:subscribe"))
    manage = _manage_page(client, point.subscriber)
    for response in (subscribe, manage):
        page = BeautifulSoup(response.content, "html.parser")
        box = page.select_one("#where-i-am")
        assert "Alert me where I am" in box.get_text()
        assert "rounded to about 500 metres" in box.get_text()
        assert box.has_attr("hidden")  # the script shows it; nothing asks for location alone
        assert page.select_one("#where-i-am-enable")["type"] == "checkbox"
        assert not page.select("script:not([src])")  # CSP: no inline script
        assert "geolocation=(self)" in response["Permissions-Policy"]
    unsubscribe_erase = client.get(
        path_in("en", "subscriptions:manage_erase", tokens.manage_token(point.subscriber))
    )
    assert "geolocation=()" in unsubscribe_erase["Permissions-Policy"]


def test_the_data_export_holds_the_position(client):
    point = _push(position_latitude=50.845, position_longitude=4.3531, position_at=timezone.now())
    url = path_in("en", "subscriptions:manage_export", tokens.manage_token(point.subscriber))
    data = json.loads(client.get(url).content)
    assert data["contact_points"][0]["position_latitude"] == 50.845
