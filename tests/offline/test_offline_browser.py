"""Offline guidance in a real browser (chromium): a page read once is read again without a
network, the saved alerts page says that it is an offline copy, and the pages of the alerts
in force, listed on it, can be opened offline too."""

import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

KEPT = (
    "Promise.all([navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller),"
    " caches.open(arguments_cache).then(c => c.match(location.pathname)).then(r => !!r),"
    " caches.open('lux-offline-static-v1').then(c => c.keys()).then(k => k.length > 0)])"
    ".then(all => all.every(Boolean))"
)


@pytest.fixture
def site(live_server):
    from campaigns.demo_content.kit import KIT, fields
    from campaigns.factories import EmergencyKitPageFactory
    from portal import demo

    context = demo.DemoContext()
    demo.seed(context)
    kit = EmergencyKitPageFactory(parent=context.homes["fr"], **fields(KIT["fr"]))
    kit.save_revision().publish()
    return {"origin": live_server.url, "kit": live_server.url + kit.url, "title": kit.title}


@pytest.fixture
def alerts(site):
    """One alert in force and one that has expired, both over a drawn area."""
    from alerts.factories import SentAlertFactory

    area = "50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3"
    now = timezone.now().replace(microsecond=0)
    in_force = SentAlertFactory(polygons=area, event="Flood", category="Met")
    in_force.infos.filter(language="fr").update(headline="Inondation : évitez les caves")
    expired = SentAlertFactory(
        polygons=area,
        effective=now - timedelta(hours=8),
        sent=now - timedelta(hours=8),
        expires=now - timedelta(hours=2),
    )
    expired.infos.filter(language="fr").update(headline="Fuite de gaz terminée")
    return {"in_force": in_force, "expired": expired}


def _wait_for(page, script, failure, timeout=20.0):
    """Poll a script in the page until it answers true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(script):
            return
        page.wait_for_timeout(200)
    raise AssertionError(failure)


def _wait_until_kept(page, cache):
    script = KEPT.replace("arguments_cache", repr(cache))
    _wait_for(page, script, f"{page.url} was not kept in {cache}")


def _wait_until_saved(page, cache, path):
    script = f"caches.open({cache!r}).then(c => c.match({path!r})).then(r => !!r)"
    _wait_for(page, script, f"{path} was not kept in {cache}")


def _wait_until_forgotten(page, cache, path):
    script = f"caches.open({cache!r}).then(c => c.match({path!r})).then(r => !r)"
    _wait_for(page, script, f"{path} is still kept in {cache}")


def test_emergency_kit_read_once_is_read_again_offline(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site["kit"])
    _wait_until_kept(page, "lux-offline-guidance-v1")

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == site["title"]
    assert page.get_by_label("Eau potable en bouteille").is_visible()
    # The stylesheet came from the cache too: the page keeps its layout.
    assert page.evaluate("document.styleSheets.length") >= 1
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )

    # A page never read before is not there offline.
    with pytest.raises(Exception):  # noqa: B017,PT011 - the browser's network error
        page.goto(site["origin"] + "/nl/")
    context.close()


def test_alerts_page_offline_is_the_saved_copy_and_says_so(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site["origin"] + path_in("fr", "alerts:list"))
    _wait_until_kept(page, "lux-offline-alerts-v1")
    notice = page.locator("[data-offline-notice]")
    assert not notice.is_visible()
    updated = page.locator(".alerts-updated time").get_attribute("datetime")
    went_offline = timezone.now()

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Alertes"
    assert notice.is_visible()
    assert "Vous êtes hors ligne" in notice.inner_text()
    # The copy saved while online, with the time it was generated.
    saved = page.locator(".alerts-updated time").get_attribute("datetime")
    assert datetime.fromisoformat(updated) <= datetime.fromisoformat(saved) <= went_offline

    context.set_offline(False)
    page.reload()  # network first: a fresh page when the network is back
    assert not page.locator("[data-offline-notice]").is_visible()
    context.close()


def test_the_page_of_an_alert_in_force_opens_offline_and_says_when_it_was_updated(
    browser, site, alerts
):
    in_force = path_in("fr", "alerts:detail", alerts["in_force"].identifier)
    expired = path_in("fr", "alerts:detail", alerts["expired"].identifier)
    context = browser.new_context()
    page = context.new_page()
    visited = timezone.now().replace(microsecond=0)
    page.goto(site["origin"] + path_in("fr", "alerts:list"))
    _wait_until_kept(page, "lux-offline-alerts-v1")
    _wait_until_saved(page, "lux-offline-alerts-v1", in_force)
    went_offline = timezone.now()

    context.set_offline(True)
    # The citizen never opened the alert's page: it was kept from the list.
    page.locator("#main").get_by_role("link", name="Inondation : évitez les caves").click()
    page.wait_for_url(site["origin"] + in_force)
    assert page.locator("h1").inner_text() == "Inondation : évitez les caves"
    notice = page.locator("[data-offline-notice]")
    assert notice.is_visible()
    assert "Vous êtes hors ligne" in notice.inner_text()
    updated = page.locator(".alerts-updated")
    assert updated.inner_text().startswith("Page mise à jour le ")
    saved = datetime.fromisoformat(updated.locator("time").get_attribute("datetime"))
    assert visited <= saved <= went_offline
    # The alerts page's stylesheet came with it: the page keeps its layout.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )

    # An alert no longer in force was not kept.
    with pytest.raises(Exception):  # noqa: B017,PT011 - the browser's network error
        page.goto(site["origin"] + expired)

    context.set_offline(False)
    page.goto(site["origin"] + in_force)  # network first: a fresh page when the network is back
    assert not notice.is_visible()
    fresh = datetime.fromisoformat(updated.locator("time").get_attribute("datetime"))
    assert fresh >= saved
    context.close()


def test_the_page_of_an_alert_that_has_ended_is_no_longer_offered_offline(browser, site, alerts):
    from portal.page_cache import page_cache_clear

    in_force = path_in("fr", "alerts:detail", alerts["in_force"].identifier)
    context = browser.new_context()
    page = context.new_page()
    page.goto(site["origin"] + path_in("fr", "alerts:list"))
    _wait_until_saved(page, "lux-offline-alerts-v1", in_force)

    # The alert ends; the citizen reads the alerts page again while online.
    type(alerts["in_force"]).objects.filter(pk=alerts["in_force"].pk).update(
        expires=timezone.now() - timedelta(minutes=1)
    )
    page_cache_clear()
    page.reload()
    past = page.locator("section", has=page.locator("#past-title"))
    assert past.get_by_role("link", name="Inondation : évitez les caves").is_visible()
    _wait_until_forgotten(page, "lux-offline-alerts-v1", in_force)

    context.set_offline(True)
    with pytest.raises(Exception):  # noqa: B017,PT011 - the browser's network error
        page.goto(site["origin"] + in_force)
    context.close()


def test_an_alert_page_opened_straight_from_a_notification_is_kept_too(browser, site, alerts):
    in_force = path_in("fr", "alerts:detail", alerts["in_force"].identifier)
    context = browser.new_context()
    page = context.new_page()
    page.goto(site["origin"] + in_force)  # where the notification leads; the list never read
    # Saved, and the service worker in control: only then is a reload answered offline.
    _wait_until_kept(page, "lux-offline-alerts-v1")

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Inondation : évitez les caves"
    assert page.locator("[data-offline-notice]").is_visible()
    context.close()
