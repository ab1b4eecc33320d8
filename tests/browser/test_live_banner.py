"""In a real browser: a page read from the page cache learns of an alert issued while it is
open, within 10 s and without a reload (live.js polling the banner fragment), and a form on
a cached page is sent with the visitor's own token."""

import re
import time
from pathlib import Path

import pytest
from wagtail.models import Page

from alerts import services
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory
from alerts.models import AlertState
from alerts.outgoing import alert_fingerprint
from portal.page_cache_scopes import NAVIGATION_DEPTH
from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path("/tmp/cache")  # noqa: S108 - a look for the reviewer, not an input


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_BANNER_SECONDS = 5


def test_an_alert_issued_while_a_cached_guide_is_open_appears_within_10_seconds(
    browser, live_server, demo_content
):
    from playwright.sync_api import expect

    guide = (
        Page.objects.live()
        .filter(locale__language_code="fr", depth__gt=NAVIGATION_DEPTH)
        .order_by("path")
        .first()
    )
    url = live_server.url + guide.url
    reader = browser.new_page()  # someone else read it first (the first render also
    reader.goto(url)  # creates the site settings, which clears the cache once)
    reader.reload()
    page = browser.new_page()
    page.set_default_timeout(15_000)
    response = page.goto(url)
    assert response.headers["x-page-cache"] == "hit"
    banner = page.locator("#alert-banner")
    expect(banner).to_have_attribute("aria-live", "polite")
    expect(banner).to_be_empty()

    author, approver = AuthorFactory(), ApproverFactory()
    alert = AlertFactory(created_by=author, state=AlertState.SUBMITTED, submitted_by=author)
    issued = time.monotonic()
    services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SENT

    link = banner.get_by_role("link", name=re.compile("Rejet chimique"))
    expect(link).to_be_visible(timeout=10_000)
    seen_after = time.monotonic() - issued
    print(f"banner updated {seen_after:.1f} s after the approval")
    assert seen_after <= 10
    assert link.get_attribute("href") == path_in("fr", "alerts:detail", alert.identifier)
    page.screenshot(path=str(SCREENSHOTS / "live-banner.png"))


def test_a_visitor_subscribes_from_a_cached_subscribe_page(
    browser, live_server, demo_site, smtp_settings, settings
):
    from playwright.sync_api import expect

    from alerts.subscriptions.models import ContactPoint

    settings.SITE_BASE_URL = live_server.url
    url = live_server.url + path_in("fr", "subscriptions:subscribe")
    reader = browser.new_page()  # cached by someone else's visits (the first render also
    reader.goto(url)  # creates the site settings, which clears the cache once)
    reader.reload()
    page = browser.new_page()
    page.set_default_timeout(10_000)
    response = page.goto(url)
    assert response.headers["x-page-cache"] == "hit"
    token = page.locator("#subscribe-form input[name=csrfmiddlewaretoken]")
    expect(token).to_have_value(re.compile(r"^\w{64}$"))  # filled by live.js
    page.get_by_label("Adresse e-mail").fill("cache@example.org")
    page.get_by_label(re.compile("Toute la Région de Bruxelles-Capitale")).check()
    page.get_by_label(
        re.compile("LUX response conserve ces données pour m.envoyer des alertes")
    ).check()
    page.get_by_role("button", name="M'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Presque terminé : confirmez votre abonnement"
    )
    assert ContactPoint.objects.get(address="cache@example.org")
