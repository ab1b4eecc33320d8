"""The household emergency plan in a real browser: filled in and kept in this browser only
(reload, other language, offline through the service worker), never sent, printed on one or
two A4 pages, a reminder calendar file made in the page, a blank plan without JavaScript,
and no accessibility violation."""

import time
from pathlib import Path

import pytest
from wagtail.models import Locale

from tests.browser.conftest import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MARKER = "Zorglub-7431"  # a word no page of the site contains
KEPT = (
    "Promise.all([navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller),"
    " caches.open('lux-offline-guidance-v1').then(c => c.match(location.pathname))"
    ".then(r => !!r),"
    " caches.open('lux-offline-static-v1').then(c => c.match("
    "document.querySelector('script[src*=household_plan]').getAttribute('src')))"
    ".then(r => !!r)]).then(all => all.every(Boolean))"
)


@pytest.fixture
def plan(live_server, settings):
    """The demo's risks, kit and plan in French, Dutch and English; the plan's pages by
    language, as full addresses."""
    from campaigns import demo as campaigns_demo
    from portal import demo

    settings.SITE_BASE_URL = live_server.url
    context = demo.DemoContext()
    demo.seed(context)
    risks = campaigns_demo.seed_risks(context.homes)
    kit = campaigns_demo.seed_kit(context.homes)
    fr = campaigns_demo.seed_household_plan(context.homes, risks=risks, kit=kit)
    urls = {}
    for language in ("fr", "nl", "en"):
        page = fr.get_translation(Locale.objects.get(language_code=language))
        urls[language] = live_server.url + page.url
    return urls


def _pages_in(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def _fill(page, text=MARKER):
    """A plan as a household fills it in: two people, a meeting point, a contact's number,
    a note on the first risk, the kit's place and the date."""
    page.locator("#plan-members-1-name").fill(f"Awa {text}")
    page.locator("#plan-members-1-needs").fill("Insuline au frigo")
    page.locator("[data-plan-add=members]").click()
    # The new person's first field takes the focus.
    assert page.evaluate("document.activeElement.id") == "plan-members-2-name"
    page.keyboard.type("Jules")
    page.locator("#plan-meeting-near").fill(f"Devant la boulangerie {text}")
    page.locator("#plan-contacts-1-phone").fill("0470 12 34 56")
    page.locator("[data-plan-field^=risk-] textarea").first.fill(f"On monte chez Mia {text}")
    page.locator("#plan-kit-place").fill("Placard de l'entrée")
    page.locator("#plan-plan-date").fill("2026-08-31")


def _assert_filled(page, text=MARKER):
    assert page.locator("#plan-members-1-name").input_value() == f"Awa {text}"
    assert page.locator("#plan-members-2-name").input_value() == "Jules"
    assert page.locator("#plan-meeting-near").input_value() == f"Devant la boulangerie {text}"
    assert page.locator("#plan-contacts-1-phone").input_value() == "0470 12 34 56"
    note = page.locator("[data-plan-field^=risk-] textarea").first
    assert note.input_value() == f"On monte chez Mia {text}"
    assert page.locator("#plan-kit-place").input_value() == "Placard de l'entrée"
    assert page.locator("#plan-plan-date").input_value() == "2026-08-31"


def _wait_until(page, script, failure, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(script):
            return
        page.wait_for_timeout(200)
    raise AssertionError(failure)


def test_the_plan_stays_in_this_browser_across_reloads_and_languages(browser, plan):
    page = browser.new_page()
    page.goto(plan["fr"])
    # 112 is prefilled; the personal contacts start from the usual roles.
    assert page.locator(".plan__numbers a[href='tel:112']").is_visible()
    assert page.locator("#plan-contacts-1-who").input_value() != ""
    _fill(page)

    page.reload()
    _assert_filled(page)
    assert page.locator(".plan__rows--members fieldset").count() == 2
    # Six months after the plan's date (31 August: the end of February).
    assert "2027" in page.locator("[data-plan-next]").inner_text()

    # The Dutch page of the same plan shows the same household.
    page.goto(plan["nl"])
    _assert_filled(page)

    # A person removed, then the whole plan cleared, stays so.
    page.locator(".plan__rows--members fieldset").nth(1).locator(".plan__remove").click()
    assert page.locator(".plan__rows--members fieldset").count() == 1
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("[data-plan-clear]").click()
    page.reload()
    assert page.locator("#plan-members-1-name").input_value() == ""
    assert page.locator("#plan-meeting-near").input_value() == ""
    assert page.locator("#plan-contacts-1-who").input_value() != ""  # the roles come back


def test_the_plan_opens_offline_after_a_first_visit(browser, plan):
    context = browser.new_context()
    page = context.new_page()
    page.goto(plan["fr"])
    _fill(page)
    _wait_until(page, KEPT, "the plan page was not kept for offline reading")

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Notre plan d'urgence familial"
    # The page (with the risks' reflexes) came from the service worker's copy, the script
    # from its static copy: the plan is there, editable.
    assert page.get_by_text("Ne descendez pas à la cave ni au parking souterrain").is_visible()
    _assert_filled(page)
    context.close()


def test_no_request_carries_the_plan(browser, plan):
    context = browser.new_context(accept_downloads=True)
    requests = []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    page.goto(plan["fr"])
    _fill(page)
    page.reload()
    _assert_filled(page)
    with page.expect_download():
        page.locator("[data-plan-reminder]").click()
    page.goto(plan["nl"])
    page.wait_for_load_state("networkidle")

    assert requests
    for request in requests:
        sent = " ".join([request.url, request.post_data or "", str(request.headers)])
        assert MARKER not in sent, request.url
        assert "Awa" not in sent and "0470" not in sent, request.url
        assert request.method == "GET", request.url
    context.close()


def test_the_reminder_is_a_calendar_file_six_months_after_the_plan_date(browser, plan):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(plan["nl"])
    _fill(page)
    with page.expect_download() as download:
        page.locator("[data-plan-reminder]").click()
    assert download.value.suggested_filename.endswith(".ics")
    ics = Path(download.value.path()).read_bytes().decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    lines = ics.replace("\r\n ", "").split("\r\n")
    assert "DTSTART;VALUE=DATE:20270228" in lines
    assert "DTEND;VALUE=DATE:20270301" in lines
    assert "RRULE:FREQ=MONTHLY;INTERVAL=6" in lines
    assert f"URL:{plan['nl']}" in lines
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    # The reminder only: nothing of the plan itself.
    assert MARKER not in ics and "Awa" not in ics
    context.close()


def test_the_filled_plan_prints_on_one_or_two_a4_pages(browser, plan):
    page = browser.new_page()
    page.goto(plan["fr"])
    _fill(page)
    # A full household: six people with long needs, every note and contact filled in.
    for number in range(3, 7):
        page.locator("[data-plan-add=members]").click()
        page.locator(f"#plan-members-{number}-name").fill(f"Personne {number}")
        page.locator(f"#plan-members-{number}-needs").fill(
            "Fauteuil roulant, médicaments le matin et le soir, allergie aux arachides"
        )
    for note in page.locator("[data-plan-field^=risk-] textarea").all():
        note.fill("On se retrouve à l'étage chez la voisine, on prend le kit et la radio.")
    page.locator("#plan-shut-offs").fill("Cave : compteur à gauche de la porte, vanne de gaz.")
    page.emulate_media(media="print")
    # On paper the values are printed as text, not in cut-off controls.
    assert page.get_by_text(f"Awa {MARKER}").is_visible()
    assert not page.locator("#plan-members-1-name").is_visible()
    assert not page.locator("[data-plan-reminder]").is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert 1 <= _pages_in(pdf) <= 2


def test_without_javascript_a_blank_plan_prints(browser, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(plan["nl"])
    assert page.locator("input, textarea, form").count() == 0
    assert page.locator(".plan__rows--members .plan__row").count() == 4
    assert page.locator(".plan__blank").first.is_visible()
    assert page.locator("[data-plan-basic]").is_visible()
    assert not page.locator("[data-plan-reminder]").is_visible()
    assert page.get_by_text("Ga niet naar de kelder of de ondergrondse parking").is_visible()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert 1 <= _pages_in(pdf) <= 2
    context.close()


def test_the_plan_has_no_accessibility_violation(browser, plan):
    for language in ("fr", "nl"):
        page = browser.new_page()
        page.goto(plan[language])
        page.locator("[data-plan-add=members]").click()
        violations = axe_violations(page)
        assert violations == [], f"{language}: {describe(violations)}"
        page.close()
    # The blank plan, as shown when the plan's script does not run (axe itself needs
    # JavaScript, so the script is kept out rather than JavaScript turned off).
    context = browser.new_context()
    context.route("**/household_plan.js", lambda route: route.abort())
    blank = context.new_page()
    blank.goto(plan["fr"])
    assert blank.locator(".plan__blank").count() > 0
    violations = axe_violations(blank)
    assert violations == [], f"blank: {describe(violations)}"
    context.close()


def test_the_plan_fits_a_phone_with_the_text_doubled(browser, plan):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    # The browser's own text size doubled (WCAG 1.4.4 and 1.4.10).
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    for language in ("fr", "nl"):
        page.goto(plan[language])
        page.locator("[data-plan-add=members]").click()
        # Nothing of the plan sticks out on the right (the site's header is checked with
        # every page type in test_phone_layout).
        right, width = page.evaluate(
            "[Math.max(...[...document.querySelectorAll('.plan *')]"
            ".map(el => el.getBoundingClientRect().right)),"
            " document.documentElement.clientWidth]"
        )
        assert right <= width + 1, f"{language}: {right} > {width}"
    context.close()
