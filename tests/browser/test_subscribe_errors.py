"""The subscribe form on a phone, in Chromium: a failed submit lands on the error summary
(focused, at the top of the screen), its links take the focus to each field with the field's
question in view, and the commune search narrows the folded list."""

import pytest

from tests.paths import path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {id: el.id, inView: box.top >= 0 && box.bottom <= innerHeight};
}"""


def test_after_a_failed_submit_the_summary_has_the_focus_and_leads_to_each_field(
    browser, live_server, demo_site
):
    from playwright.sync_api import expect

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + path_in("en", "subscriptions:subscribe"))
    page.fill("input[name=email]", "not an address")
    page.locator("#subscribe-form button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    assert page.evaluate(FOCUSED) == {"id": "error-summary", "inView": True}
    assert page.title().startswith("Error: ")

    links = summary.get_by_role("link")
    expect(links).to_have_count(3)
    # Email, then the communes (folded list opened by the error), then the consent box.
    for index, field_id in enumerate(["id_email", "id_communes_0", "id_consent"]):
        links.nth(index).click()
        expect(page.locator(f"#{field_id}")).to_be_focused()
        assert page.evaluate(FOCUSED) == {"id": field_id, "inView": True}
        summary.scroll_into_view_if_needed()
    # The question of a list of choices is in view with its first box, not above the screen.
    links.nth(1).click()
    legend = page.locator("[data-commune-picker] legend")
    box = legend.bounding_box()
    assert box["y"] >= 0, "the legend of the communes is above the screen"
    context.close()


def test_the_commune_search_narrows_the_list_by_name_in_either_language_or_postcode(
    browser, live_server, demo_site
):
    from playwright.sync_api import expect

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + path_in("nl", "subscriptions:subscribe"))
    picker = page.locator("[data-commune-picker]")
    boxes = picker.locator("input[name=communes]")
    expect(boxes.first).to_be_hidden()  # folded
    picker.locator("summary").click()
    expect(boxes).to_have_count(19)
    search = picker.locator("input[type=search]")
    expect(search).to_be_visible()  # the script shows it
    search.fill("ixelles")  # the French name on the Dutch page
    visible = picker.locator("[data-commune-terms]:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_contain_text("Elsene")
    search.fill("1030")
    expect(visible).to_have_count(1)
    expect(visible).to_contain_text("Schaarbeek")
    search.fill("xyz")
    expect(visible).to_have_count(0)
    expect(picker.locator("[data-commune-search-count]")).not_to_be_empty()
    search.fill("")
    expect(visible).to_have_count(19)
    context.close()
