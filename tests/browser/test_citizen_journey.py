"""A citizen in a real browser: reads a guide in Dutch, switches to French and stays on the
same guide, then prepares the emergency kit, whose ticks survive a reload."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_dutch_guide_switches_to_the_same_french_guide_then_the_kit_keeps_two_ticks(
    browser, live_server, demo_content
):
    from playwright.sync_api import expect

    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/nl/")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Praktische gidsen"
    ).click()
    page.get_by_role("link", name="Een noodplan voor het gezin maken").first.click()
    expect(page).to_have_url(re.compile(r"/nl/gidsen/gezinsnoodplan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Een noodplan voor het gezin maken")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/guides/plan-urgence-familial/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Faire son plan d'urgence familial")
    expect(page).to_have_title(re.compile(r"^Faire son plan d'urgence familial · "))
    assert page.locator("html").get_attribute("lang") == "fr"

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Mon kit d'urgence"
    ).click()
    progress = page.locator("[data-kit-progress]")
    expect(progress).to_have_text("Prêts : 0 sur 22")
    page.get_by_label("Eau potable en bouteille").check()
    page.get_by_label("Trousse de premiers secours").check()
    expect(progress).to_have_text("Prêts : 2 sur 22")

    page.reload()
    expect(page.get_by_label("Eau potable en bouteille")).to_be_checked()
    expect(page.get_by_label("Trousse de premiers secours")).to_be_checked()
    expect(page.get_by_label("Ouvre-boîte manuel")).not_to_be_checked()
    expect(page.locator("[data-kit-progress]")).to_have_text("Prêts : 2 sur 22")
