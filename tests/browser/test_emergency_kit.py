"""The emergency kit in a real browser: ticks kept in localStorage, a plain list without JS,
one A4 page in print."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def kit_url(live_server):
    from campaigns.demo_content.kit import KIT, fields
    from campaigns.factories import EmergencyKitPageFactory
    from portal import demo

    context = demo.DemoContext()
    demo.seed(context)
    # The real demo kit: six sections, twenty-two items.
    kit = EmergencyKitPageFactory(parent=context.homes["fr"], **fields(KIT["fr"]))
    kit.save_revision().publish()
    return live_server.url + kit.url


def test_ticks_are_kept_on_the_device(browser, kit_url):
    page = browser.new_page()
    page.goto(kit_url)
    progress = page.locator("[data-kit-progress]")
    assert progress.inner_text() == "Prêts : 0 sur 22"
    page.get_by_label("Eau potable en bouteille").check()
    assert progress.inner_text() == "Prêts : 1 sur 22"

    page.reload()
    assert page.get_by_label("Eau potable en bouteille").is_checked()
    assert not page.get_by_label("Ouvre-boîte manuel").is_checked()
    assert page.locator("[data-kit-progress]").inner_text() == "Prêts : 1 sur 22"

    page.get_by_role("button", name="Tout décocher").click()
    page.reload()
    assert not page.get_by_label("Eau potable en bouteille").is_checked()


def test_without_javascript_the_kit_is_a_plain_list(browser, kit_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kit_url)
    assert page.locator(".kit__item").count() == 22
    assert page.locator("input[type=checkbox]").count() == 0
    assert not page.locator("[data-kit-reset]").is_visible()
    context.close()


def test_the_kit_prints_on_one_a4_page(browser, kit_url):
    page = browser.new_page()
    page.goto(kit_url)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1
