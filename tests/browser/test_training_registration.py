"""A field actor registers for a training in Chromium: the full session is not the one the
form offers, the registration is what they see after sending, and its cancel link frees the
place after one confirmation. The pages are screenshot under /tmp/trainings/."""

import datetime as dt
from pathlib import Path

import pytest

from campaigns import factories
from tests.browser.conftest import axe_violations, describe
from tests.campaigns.conftest import publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREENSHOTS = Path("/tmp/trainings")  # noqa: S108 (where the brief asks for them)


@pytest.fixture
def training(demo_site):
    index = publish(factories.TrainingIndexPageFactory(parent=demo_site.homes["en"]))
    page = factories.TrainingPageFactory(
        parent=index,
        title="Municipal emergency planning",
        organiser_name="safe.brussels",
        organiser_email="training@safe.brussels",
    )
    full = factories.TrainingSessionFactory(page=page, capacity=1, location="Crisis centre")
    factories.TrainingSessionFactory(
        page=page, capacity=4, location="Fire station", start=full.start + dt.timedelta(days=7)
    )
    factories.TrainingRegistrationFactory(session=full)
    return publish(page)


def test_register_see_the_registration_then_cancel_it(browser, live_server, training):
    from playwright.sync_api import expect

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_context(**PHONE).new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + training.url)

    session = page.get_by_label("Session", exact=True)
    expect(session).to_have_value("")  # "Choose a session", not the full one
    full = session.locator("option", has_text="Crisis centre")
    expect(full).to_have_text(f"{full.inner_text().removesuffix(' (full)')} (full)")
    expect(full).to_be_disabled()

    page.get_by_role("button", name="Register").click()  # nothing filled in
    expect(page.locator(".form__error").first).to_be_visible()
    expect(session.locator("option", has_text="Crisis centre")).to_contain_text("(full)")

    session.select_option(label=session.locator("option", has_text="Fire station").inner_text())
    page.get_by_label("Full name", exact=True).fill("Ana Peeters")
    page.get_by_label("Email", exact=True).fill("ana@example.org")
    page.get_by_label("Organisation", exact=True).fill("Ixelles")
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("You are registered")
    main = page.locator("main")
    expect(main).to_contain_text("Ana Peeters")
    expect(main).to_contain_text("Fire station")
    expect(main).to_contain_text("training@safe.brussels")
    expect(page.locator("form")).to_have_count(0)
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.screenshot(path=str(SCREENSHOTS / "registration.png"), full_page=True)

    page.reload()  # the registration page is a GET: a reload sends nothing again
    expect(page.get_by_role("heading", level=1)).to_have_text("You are registered")

    page.get_by_role("link", name="Cancel my registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel a registration")
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.screenshot(path=str(SCREENSHOTS / "cancel-confirm.png"), full_page=True)
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your registration is cancelled")
    page.screenshot(path=str(SCREENSHOTS / "cancelled.png"), full_page=True)

    page.get_by_role("link", name="See the other sessions of this training").click()
    expect(page.get_by_role("row").filter(has_text="Fire station")).to_contain_text("4 / 4")
