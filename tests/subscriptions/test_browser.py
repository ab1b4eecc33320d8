"""The service worker and the subscribe page's scripts in a real browser (chromium)."""

import json
import time

import pytest

from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOTIFICATIONS = (
    "navigator.serviceWorker.ready.then(r => r.getNotifications())"
    ".then(ns => ns.map(n => ({title: n.title, body: n.body, tag: n.tag, data: n.data,"
    " actions: n.actions.map(a => a.action)})))"
)


def _wait_for(page, predicate, timeout=15.0):
    """Poll, letting Playwright deliver browser events between tries (a plain sleep would
    not: the sync API only processes events while it is called)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        page.wait_for_timeout(200)
    raise AssertionError("timed out")


def test_service_worker_shows_the_alert_from_the_push_payload(browser, live_server):
    origin = live_server.url
    context = browser.new_context()
    context.grant_permissions(["notifications"], origin=origin)
    page = context.new_page()
    page.goto(origin + path_in("fr", "subscriptions:subscribe"))
    cdp = context.new_cdp_session(page)
    versions = []
    cdp.on("ServiceWorker.workerVersionUpdated", lambda event: versions.extend(event["versions"]))
    cdp.send("ServiceWorker.enable")
    page.evaluate(
        "navigator.serviceWorker.register('/sw.js', {scope: '/'})"
        ".then(() => navigator.serviceWorker.ready)"
    )
    registration_id = _wait_for(
        page,
        lambda: next(
            (
                v["registrationId"]
                for v in versions
                if v["status"] == "activated" and v["runningStatus"] == "running"
            ),
            None,
        ),
    )
    payload = {
        "title": "Alerte inondation",
        "body": "Montez à l'étage.",
        "topic": "Met",
        "data": {"url": f"{origin}/fr/alertes/123/"},
    }

    def push_and_look():
        # A freshly activated worker may miss the very first message; the tag makes a
        # repeated one replace the previous notification, so there is only ever one.
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": origin, "registrationId": registration_id, "data": json.dumps(payload)},
        )
        page.wait_for_timeout(500)
        return page.evaluate(NOTIFICATIONS)

    [notification] = _wait_for(page, push_and_look)
    assert notification["title"] == "Alerte inondation"
    assert notification["body"] == "Montez à l'étage."
    assert notification["tag"] == "Met"
    assert notification["data"]["url"] == f"{origin}/fr/alertes/123/"
    assert notification["actions"] == ["open"]
    context.close()


def test_location_is_asked_only_after_the_click(browser, live_server):
    origin = live_server.url
    context = browser.new_context(geolocation={"latitude": 50.84671, "longitude": 4.35249})
    context.grant_permissions(["geolocation"], origin=origin)
    page = context.new_page()
    page.goto(origin + path_in("en", "subscriptions:subscribe"))
    assert page.input_value("input[name=latitude]") == ""
    page.click("#geo-enable")
    page.wait_for_function("document.querySelector('input[name=latitude]').value !== ''")
    assert page.input_value("input[name=latitude]") == "50.847"
    assert page.input_value("input[name=longitude]") == "4.352"
    assert "Location saved" in page.inner_text("#geo-status")
    context.close()
