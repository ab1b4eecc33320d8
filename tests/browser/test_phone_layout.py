"""On a phone, with the text enlarged or spaced out as people need it, no page scrolls
sideways (WCAG 1.4.4 and 1.4.10 at 390 px with the browser's text at 200 %, WCAG 1.4.12 at
320 px with the text-spacing values), every page carries a favicon that answers, and the
main menu folds away behind one button."""

import re

import pytest

from alerts.factories import SentAlertFactory
from tests.browser.conftest import AXE, SCREENSHOTS, SETTLED
from tests.browser.pages import page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Page types named in the issue, plus the alert list and detail, subscribe and search.
CHECKED = ("home", "guide-index", "guide", "risk", "training", "event", "partner")

# WCAG 1.4.12's values, as the W3C's text-spacing bookmarklet applies them.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

# What sticks out on the right (outside any box that clips it), to name the culprits.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll <= width) return null;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !clipped(el)
        && !culprits.some(c => c.el.contains(el))) {
      culprits.push({el, right: Math.round(box.right)});
    }
  }
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim()
       ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return {scrollWidth: scroll, width,
          culprits: culprits.slice(0, 4).map(c => name(c.el) + ' ' + c.right)};
}"""


def _overflowing(page, live_server, urls) -> dict:
    found = {}
    for name, path in urls.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{name} {path}: {response.status}"
        page.evaluate(SETTLED)  # the map's zoom transition over, as the reader sees it
        problem = page.evaluate(OVERFLOW)
        if problem:
            found[f"{name} {path}"] = problem
    return found


def _urls(language, alert):
    urls = page_urls(language, alert)
    keep = {*CHECKED, "alerts", "alert", "subscribe", "search"}
    return {name: path for name, path in urls.items() if name in keep}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_no_page_scrolls_sideways_at_390_px_with_text_at_200_percent(
    browser, live_server, demo_content, language
):
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # The browser's own text-size setting (Chrome's "Font size"), doubled: what a reader
    # who needs large text sets once for every site.
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(live_server.url + f"/{language}/")
    assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "32px"
    found = _overflowing(page, live_server, _urls(language, alert))
    context.close()
    assert found == {}, found


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_no_page_scrolls_sideways_at_320_px_with_wcag_text_spacing(
    browser, live_server, demo_content, language
):
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    # The spacing is a style sheet of the reader's; the site's Content-Security-Policy
    # (no inline style) would refuse it from the page, as it should.
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True, bypass_csp=True
    )
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        f" style.textContent = {TEXT_SPACING!r};"
        " document.head.appendChild(style); });"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    found = _overflowing(page, live_server, _urls(language, alert))
    assert page.evaluate("() => getComputedStyle(document.body).letterSpacing") != "normal"
    context.close()
    assert found == {}, found


def test_every_page_links_a_favicon_and_a_touch_icon_that_answer(browser, live_server, demo_site):
    page = browser.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(live_server.url + "/fr/")
    icon = page.locator("link[rel=icon]").first.get_attribute("href")
    touch = page.locator("link[rel=apple-touch-icon]").get_attribute("href")
    for href in (icon, touch):
        response = page.request.get(live_server.url + href)
        assert response.status == 200, href
    assert re.search(r"\.svg$", icon)
    assert page.request.get(live_server.url + touch).headers["content-type"] == "image/png"
    # The browser asks for /favicon.ico on its own when a page names none.
    assert failed == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_no_two_landmarks_share_a_name_with_an_alert_in_force(
    browser, live_server, demo_content, language
):
    """axe's landmark-unique (a best practice, outside the WCAG tags of the main axe test):
    the banner's "Alerts in force" region and the alert list's section were both named so."""
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    page = browser.new_page()
    page.set_default_timeout(15_000)
    found = {}
    for name, path in _urls(language, alert).items():
        page.goto(live_server.url + path)
        page.evaluate(AXE.read_text())
        violations = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}})"
            ".then(r => r.violations.map(v => v.nodes.map(n => n.target.join(' '))))"
        )
        if violations:
            found[f"{name} {path}"] = violations
    assert found == {}, found


def test_on_a_phone_the_sections_fold_behind_a_menu_button(browser, live_server, demo_content):
    from playwright.sync_api import expect

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/nl/")
    nav = page.get_by_role("navigation", name="Hoofdnavigatie")
    button = nav.get_by_role("button", name="Menu")
    guides = nav.get_by_role("link", name="Praktische gidsen")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(guides).to_be_hidden()
    # The alerts and the subscription stay in sight, and the whole header (name, languages,
    # menu) leaves most of the first screen to the page: the 9 links took 60 % of it.
    expect(nav.get_by_role("link", name="Waarschuwingen", exact=True)).to_be_visible()
    header = page.locator("header.site-header").bounding_box()["height"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "menu-folded-nl-390.png")
    assert header < 844 * 0.35, header
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(guides).to_be_visible()
    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    expect(guides).to_be_hidden()
    expect(button).to_be_focused()
    button.click()
    guides.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praktische gidsen")
    # On a wide screen there is no button: every link is there.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(button).to_be_hidden()
    expect(nav.get_by_role("link", name="Risico's")).to_be_visible()
    context.close()


def test_without_javascript_every_link_of_the_menu_is_shown(browser, live_server, demo_content):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/fr/")
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav.get_by_role("button")).to_have_count(0)
    expect(nav.get_by_role("link", name="Guides pratiques")).to_be_visible()
    context.close()
