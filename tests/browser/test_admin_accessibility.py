"""The alert composer passes axe-core's WCAG 2.0/2.1 A and AA rules in a real browser, as
its users see it: an author with a second factor starting a draft from a template, editing
it and reading its preview, then an approver with a second factor on the approval page.
The whole page is checked, Wagtail's admin chrome included: none of its rules needed to be
left out."""

import re

import pytest

from alerts.factories import ApproverFactory, AuthorFactory
from tests.browser.conftest import axe_violations, describe, signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_alert_composer_has_no_wcag_a_or_aa_violation(
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
    found = {}

    def check(page, name):
        violations = axe_violations(page)
        if violations:
            found[f"{name} {page.url}"] = violations

    author = author_context.new_page()
    author.set_default_timeout(15_000)
    author.goto(f"{live_server.url}/admin/alerts/new/")
    expect(author.get_by_role("button", name="Create the draft")).to_be_visible()
    check(author, "start")
    author.get_by_label("Flood", exact=True).check()
    author.get_by_label("Actual", exact=True).check()
    author.get_by_label("The whole region", exact=True).check()
    author.get_by_role("button", name="Create the draft").click()
    expect(author).to_have_url(re.compile(r"/admin/alerts/\d+/edit/$"))
    check(author, "edit")
    author.get_by_role("button", name="Save and preview").click()
    expect(author).to_have_url(re.compile(r"/admin/alerts/\d+/$"))
    check(author, "preview")
    author.get_by_role("button", name="Submit for approval").click()
    expect(author.get_by_role("link", name="Approve and send…")).to_have_count(0)
    detail_url = author.url

    approver = approver_context.new_page()
    approver.set_default_timeout(15_000)
    approver.goto(detail_url)
    approver.get_by_role("link", name="Approve and send…").click()
    expect(approver).to_have_url(re.compile(r"/admin/alerts/\d+/approve/$"))
    expect(approver.get_by_role("button", name="Approve and send the LIVE alert")).to_be_visible()
    check(approver, "approval")
    assert found == {}, describe(found)
