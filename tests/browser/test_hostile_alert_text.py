"""A hostile author and a hostile partner system write script into every alert field; an
approver merely opening the alert's pages runs none of it and approves nothing."""

import re
from xml.sax.saxutils import escape

import pytest

from alerts.factories import ApproverFactory, AuthorFactory, UserFactory
from tests.browser.conftest import signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAYLOAD = (
    "</pre></textarea><script>window.pwned=1;fetch(location.pathname+'approve/',"
    "{method:'POST'})</script><img src=x onerror=\"window.pwned=2\">"
)


def _compose(page, live_server):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/admin/alerts/new/")
    page.get_by_label("Flood", exact=True).check()
    page.get_by_label("Actual", exact=True).check()
    page.get_by_label("The whole region", exact=True).check()
    page.get_by_role("button", name="Create the draft").click()
    expect(page).to_have_url(re.compile(r"/admin/alerts/\d+/edit/$"))
    for language in ("fr", "nl", "en"):
        for field in ("event", "headline", "description", "instruction", "sms_text"):
            value = f"{field} {PAYLOAD}"[: 160 if field == "headline" else 1000]
            page.locator(f"[name='{language}-{field}']").fill(value)
    page.locator("[name='event']").fill(f"Flood {PAYLOAD}"[:200])
    page.get_by_role("button", name="Save and preview").click()
    expect(page).to_have_url(re.compile(r"/admin/alerts/\d+/$"))
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator(".messages")).to_contain_text("Submitted")
    return page.url


def _import(client):
    from alerts.models import ImportToken
    from tests.alerts.test_cap_import import cap_document

    partner = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(name="Partner", user=partner)
    body = cap_document(languages=("fr-BE", "nl-BE")).decode()
    for word in ("Titre fr-BE", "Titre nl-BE", "Description fr-BE", "SMS nl-BE"):
        body = body.replace(word, f"{word} {escape(PAYLOAD)}")
    response = client.post(
        "/api/alerts/import",
        data=body.encode(),
        content_type="application/cap+xml",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content
    from alerts.models import Alert

    return Alert.objects.get(identifier=response.json()["identifier"]).pk


def test_hostile_text_from_an_author_and_a_partner_runs_nowhere_in_the_admin(
    browser, live_server, client, demo_content
):
    from alerts.data.templates import load_templates
    from alerts.models import Alert, AlertState, AlertTemplate, AlertTemplateText

    load_templates(AlertTemplate, AlertTemplateText)
    author = signed_in_context(browser, live_server, client, AuthorFactory(username="author"))
    page = author.new_page()
    page.set_default_timeout(15_000)
    composed = _compose(page, live_server).rstrip("/").rsplit("/", 1)[1]
    imported = _import(client)

    approver = signed_in_context(
        browser, live_server, client, ApproverFactory(username="approver")
    ).new_page()
    approver.set_default_timeout(15_000)
    dialogs, violations = [], []
    approver.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    approver.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    for pk in (composed, imported):
        for suffix in ("", "approve/", "delivery/"):
            approver.goto(f"{live_server.url}/admin/alerts/{pk}/{suffix}")
            approver.wait_for_load_state("networkidle")
            assert approver.evaluate("typeof window.pwned") == "undefined", (pk, suffix)
            assert approver.locator("script:not([src])").filter(has_text="pwned").count() == 0
        # The text is there, as text.
        approver.goto(f"{live_server.url}/admin/alerts/{pk}/approve/")
        assert "<script>window.pwned=1" in approver.locator("body").inner_text()

    assert dialogs == []
    # No inline script was even attempted: every payload was escaped before the browser.
    assert violations == []
    for pk in (composed, imported):
        alert = Alert.objects.get(pk=pk)
        assert alert.state == AlertState.SUBMITTED and alert.approved_by is None
