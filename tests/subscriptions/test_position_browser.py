"""'Alert me where I am' in a real browser (chromium): the manage page's box asks for the
location only after the click, stores it rounded through the endpoint, and erases it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENDPOINT = "https://fcm.googleapis.com/fcm/send/browser-position"
# The browser's own push subscription, as the push service would have handed it out
# (headless Chromium reaches no push service): only its endpoint is read by the page.
FAKE_SUBSCRIPTION = (
    "Object.defineProperty(navigator.serviceWorker, 'getRegistration', {value: () =>"
    " Promise.resolve({pushManager: {getSubscription: () =>"
    f" Promise.resolve({{endpoint: '{ENDPOINT}'}})}}}})}});"
)


def test_the_box_stores_a_rounded_position_after_the_click_and_erases_it(
    browser, live_server, settings
):
    from playwright.sync_api import expect

    from alerts.subscriptions import tokens
    from alerts.subscriptions.factories import ContactPointFactory
    from alerts.subscriptions.models import ContactPoint
    from tests.peers.push import vapid_private_key
    from tests.subscriptions.test_subscribe_page import PUBLIC_KEY

    settings.VAPID_PUBLIC_KEY = PUBLIC_KEY
    settings.VAPID_PRIVATE_KEY = vapid_private_key()
    point = ContactPointFactory(channel="push", address=ENDPOINT)
    url = live_server.url + path_in(
        "en", "subscriptions:manage", tokens.manage_token(point.subscriber)
    )
    context = browser.new_context(geolocation={"latitude": 50.84671, "longitude": 4.35251})
    context.add_init_script(FAKE_SUBSCRIPTION)
    page = context.new_page()
    page.set_default_timeout(10_000)
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "position" in r.url else None)
    page.goto(url)

    box = page.get_by_label("Alert me where I am (this browser)")
    expect(box).to_be_visible()
    page.wait_for_timeout(500)
    assert asked == []  # nothing sent (nor asked) before the click
    update = page.get_by_role("button", name="Update my position")
    expect(update).to_be_hidden()
    context.grant_permissions(["geolocation"], origin=live_server.url)
    box.check()
    expect(page.locator("#where-i-am-status")).to_contain_text("Your position is stored")
    expect(update).to_be_visible()
    point.refresh_from_db()
    assert point.position_latitude == 50.845
    assert point.position_at is not None

    # Opening the page again (location already allowed) refreshes a stale position.
    ContactPoint.objects.filter(pk=point.pk).update(position_at=timezone.now() - timedelta(days=8))
    page.reload()
    expect(page.locator("#where-i-am-status")).to_contain_text("Your position is stored")
    point.refresh_from_db()
    assert point.position_at > timezone.now() - timedelta(minutes=1)
    page.reload()
    expect(page.get_by_text("rounded to about 500 m) was stored")).to_be_visible()
    page.get_by_role("button", name="Erase my position").first.click()
    expect(page.get_by_label("Alert me where I am (this browser)")).not_to_be_checked()
    point.refresh_from_db()
    assert point.position_at is None

    # Ticked again, then the box's own erase button.
    page.get_by_label("Alert me where I am (this browser)").check()
    expect(page.locator("#where-i-am-status")).to_contain_text("Your position is stored")
    page.locator("#where-i-am-erase").click()
    expect(page.locator("#where-i-am-status")).to_have_text("Your position is erased.")
    point.refresh_from_db()
    assert point.position_at is None
    page.reload()
    page.wait_for_timeout(500)
    point.refresh_from_db()
    assert point.position_at is None  # opening the page again stores nothing
