"""Every citizen page type, in French, Dutch and English (the types published in each
language, tests/browser/pages.py), passes axe-core's WCAG 2.0/2.1 A and AA rules in a real
browser; the subscribe form and the kit work with the keyboard alone."""

import re

import pytest

from alerts.factories import SentAlertFactory
from tests.browser.conftest import axe_violations, describe
from tests.browser.pages import page_urls
from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_every_citizen_page_type_has_no_wcag_a_or_aa_violation(
    browser, live_server, demo_content, language
):
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    urls = page_urls(language, alert)
    page = browser.new_page()
    page.set_default_timeout(15_000)
    found = {}
    for name, path in urls.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{name} {path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            found[f"{name} {path}"] = violations
        if name == "subscribe":
            # The pending page, reached by subscribing.
            page.fill("input[name=email]", "a11y@example.org")
            page.check("input[name=whole_region]")
            page.check("input[name=consent]")
            page.locator("#subscribe-form button[type=submit]").click()
            page.wait_for_url(
                re.compile(re.escape(path_in(language, "subscriptions:pending")) + "$")
            )
            violations = axe_violations(page)
            if violations:
                found[f"pending {page.url}"] = violations
    assert found == {}, describe(found)


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), name: el.name || '', type: el.type || '',
    text: (el.innerText || el.value || '').trim().slice(0, 40),
    inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth,
    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
      || style.boxShadow !== 'none',
  };
}"""


def _tab_to(page, matches, limit=120):
    """Press Tab until the focused element satisfies `matches`; every element focused on
    the way must be on screen and show a focus indicator."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["inViewport"], f"focused element off screen: {focused}"
        assert focused["indicator"], f"focus not visible: {focused}"
        if matches(focused):
            return focused
    raise AssertionError("never reached with Tab")


def test_the_subscribe_form_is_filled_in_and_sent_with_the_keyboard_alone(
    browser, live_server, demo_site, settings
):
    from playwright.sync_api import expect

    settings.SITE_BASE_URL = live_server.url
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + path_in("nl", "subscriptions:subscribe"))
    first = _tab_to(page, lambda f: True)
    assert first["text"] == "Naar de hoofdinhoud"  # the skip link comes first
    _tab_to(page, lambda f: f["name"] == "email")
    page.keyboard.type("toetsenbord@example.org")
    _tab_to(page, lambda f: f["name"] == "whole_region")
    page.keyboard.press("Space")
    _tab_to(page, lambda f: f["name"] == "consent")
    page.keyboard.press("Space")
    submit = _tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit")
    assert submit["text"] == "Inschrijven"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(path_in("nl", "subscriptions:pending")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_kit_is_ticked_and_unticked_with_the_keyboard_alone(browser, live_server, demo_content):
    from playwright.sync_api import expect

    from campaigns.models import EmergencyKitPage

    kit = EmergencyKitPage.objects.live().get(locale__language_code="fr")
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + kit.url)
    _tab_to(page, lambda f: f["type"] == "checkbox")
    page.keyboard.press("Space")
    _tab_to(page, lambda f: f["type"] == "checkbox")
    page.keyboard.press("Space")
    expect(page.locator("[data-kit-progress]")).to_have_text("Prêts : 2 sur 22")
    expect(page.get_by_label("Eau potable en bouteille")).to_be_checked()
    _tab_to(page, lambda f: f["text"] == "Tout décocher")
    page.keyboard.press("Enter")
    expect(page.locator("[data-kit-progress]")).to_have_text("Prêts : 0 sur 22")
