"""Screenshots of the key citizen pages at phone and desktop widths, kept as test artefacts
(test-artifacts/screenshots/); at both widths the page never scrolls sideways and passes
axe-core's WCAG A and AA rules (the phone layout is a layout of its own)."""

import pytest

from alerts.factories import SentAlertFactory
from tests.browser.conftest import SCREENSHOTS, axe_violations, describe
from tests.browser.pages import page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

KEY_PAGES = ("home", "risk", "guide", "kit", "alerts", "alert", "subscribe")
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("device", WIDTHS)
def test_key_pages_are_captured_fit_the_screen_width_and_pass_axe(
    browser, live_server, demo_content, device
):
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    urls = page_urls("fr", alert)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport=WIDTHS[device], is_mobile=device == "phone", has_touch=device == "phone"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    overflowing, violations = {}, {}
    for name in KEY_PAGES:
        response = page.goto(live_server.url + urls[name])
        assert response.status == 200, f"{name}: {response.status}"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > WIDTHS[device]["width"]:
            overflowing[name] = width
        found = axe_violations(page)
        if found:
            violations[name] = found
        path = SCREENSHOTS / f"{name}-{device}.png"
        path.unlink(missing_ok=True)
        page.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 10_000, f"{path} looks empty"
    context.close()
    assert overflowing == {}, f"pages wider than the {device} screen: {overflowing}"
    assert violations == {}, describe(violations)
