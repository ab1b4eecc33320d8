"""Four eyes in two real browsers: an author composes an alert from a template and submits
it, an approver approves and sends it, and an anonymous citizen sees the banner, which is
announced to screen readers and states the severity in words."""

import re

import pytest

from alerts.factories import ApproverFactory, AuthorFactory
from tests.browser.conftest import signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Risque d'inondation : évitez les caves et les tunnels"


def test_an_alert_composed_approved_and_sent_appears_in_the_public_banner(
    browser, live_server, client, demo_content
):
    from playwright.sync_api import expect

    from alerts.data.templates import load_templates
    from alerts.models import AlertTemplate, AlertTemplateText

    load_templates(AlertTemplate, AlertTemplateText)  # a transactional test starts empty
    author_context = signed_in_context(
        browser, live_server, client, AuthorFactory(username="author")
    )
    approver_context = signed_in_context(
        browser, live_server, client, ApproverFactory(username="approver")
    )
    citizen = browser.new_context().new_page()
    citizen.goto(f"{live_server.url}/fr/")
    expect(citizen.locator(".alert-banner")).to_have_count(0)

    # The admin speaks the user's language (English by default), the public site French.
    author = author_context.new_page()
    author.set_default_timeout(15_000)
    author.goto(f"{live_server.url}/admin/alerts/new/")
    author.get_by_label("Flood", exact=True).check()
    author.get_by_label("Actual", exact=True).check()
    author.get_by_label("The whole region", exact=True).check()
    author.get_by_role("button", name="Create the draft").click()
    expect(author).to_have_url(re.compile(r"/admin/alerts/\d+/edit/$"))
    author.get_by_role("button", name="Save and preview").click()
    expect(author).to_have_url(re.compile(r"/admin/alerts/\d+/$"))
    author.get_by_role("button", name="Submit for approval").click()
    detail_url = author.url
    # The author may not approve their own alert.
    expect(author.get_by_role("link", name="Approve and send…")).to_have_count(0)

    approver = approver_context.new_page()
    approver.set_default_timeout(15_000)
    approver.goto(detail_url)
    approver.get_by_role("link", name="Approve and send…").click()
    approver.get_by_role("button", name="Approve and send the LIVE alert").click()
    expect(approver).to_have_url(detail_url)

    citizen.reload()
    banner = citizen.locator(".alert-banner")
    expect(banner.get_by_role("link", name=HEADLINE)).to_be_visible()
    # Announced by screen readers, and the severity is written, not only coloured.
    expect(banner.get_by_role("alert")).to_contain_text(HEADLINE)
    expect(banner.get_by_role("alert")).to_contain_text(re.compile(r"Gravité\s?: Grave"))
    banner.get_by_role("link", name=HEADLINE).click()
    expect(citizen.get_by_role("heading", level=1)).to_contain_text(HEADLINE)
