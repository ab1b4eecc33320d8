"""The composer's SMS estimate in a real browser, under the alert pages' strict
Content-Security-Policy: a French text with typographic apostrophes and a dash is sent as
Unicode, the author is told why, one click replaces them in the form (nothing saved) and
the estimate goes back to GSM-7 and fewer segments; without JavaScript the same button
does the same through the server."""

import re
import unicodedata

import pytest
from django.conf import settings as django_settings

from alerts.factories import AlertFactory, AuthorFactory
from alerts.models import EXERCISE_MARKER
from alerts.rendering import sms_suffix
from alerts.sms_encoding import sms_length
from tests.browser.conftest import axe_violations, describe, signed_in_context
from tests.conftest import login_with_second_factor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# 107 characters: two UCS-2 segments (more than 70), one GSM-7 segment once plain; with
# the link to the alert's page the SMS ends with, two or three UCS-2 segments.
TYPED = (
    "Restez à l’intérieur – fermez portes et volets. N’allez pas chercher vos enfants "
    "à l’école : ils y sont protégés."
)
PLAIN = TYPED.replace("’", "'").replace("–", "-")


def _watch_policy(page) -> list[str]:
    """Every Content-Security-Policy violation and script error the page reports."""
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_one_click_makes_a_typed_french_sms_gsm7_without_saving(
    browser, live_server, client, demo_site
):
    from playwright.sync_api import expect

    author = AuthorFactory(username="author")
    alert = AlertFactory(created_by=author)
    saved = alert.infos_by_language()["fr"].sms_text
    page = signed_in_context(browser, live_server, client, author).new_page()
    page.set_default_timeout(15_000)
    problems = _watch_policy(page)
    page.goto(f"{live_server.url}/admin/alerts/{alert.pk}/edit/")

    estimate = page.locator("#id_fr-sms_text-estimate")
    expect(estimate.locator("[data-sms-encoding]")).to_have_text("GSM-7")
    page.locator("#id_fr-sms_text").fill(TYPED)
    warning = estimate.locator("[data-sms-unicode]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(
        "This SMS is sent as Unicode (70 characters per part instead of 160) because of:"
    )
    expect(warning).to_contain_text("’ typographic apostrophe ×3")
    expect(warning).to_contain_text("– dash ×1")
    expect(estimate.locator("[data-sms-encoding]")).to_have_text("UCS-2")
    # The SMS ends with the short link to the alert's page: the estimate counts it.
    link = sms_suffix(alert, "fr")
    assert link
    expect(estimate.locator("[data-sms-units]")).to_have_text(str(len(TYPED + link)))
    expect(estimate.locator("[data-sms-segments]")).to_have_text(
        str(sms_length(TYPED + link).segments)  # 2 or 3 as the link is long: UCS-2 parts
    )
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # The other languages' estimates do not move.
    expect(page.locator("#id_nl-sms_text-estimate [data-sms-unicode]")).to_be_hidden()

    page.get_by_role("button", name="Replace with plain characters", exact=True).click()
    expect(page.locator("#id_fr-sms_text")).to_have_value(PLAIN)
    expect(estimate.locator("[data-sms-encoding]")).to_have_text("GSM-7")
    expect(estimate.locator("[data-sms-segments]")).to_have_text("1")
    expect(warning).to_be_hidden()
    expect(estimate.get_by_role("status")).to_contain_text("’ → ' ×3, – → - ×1")
    expect(page.locator("#id_fr-sms_text")).to_be_focused()
    # Still the composer, nothing saved.
    assert page.url.endswith(f"/admin/alerts/{alert.pk}/edit/")
    alert.refresh_from_db()
    assert alert.infos_by_language()["fr"].sms_text == saved

    # An exercise's SMS starts with its marker: the estimate counts it at once.
    page.locator("#id_status").select_option("Exercise")
    expect(estimate.locator("[data-sms-units]")).to_have_text(
        str(len(f"{EXERCISE_MARKER}: {PLAIN}{link}"))
    )

    page.get_by_role("button", name="Save and preview").click()
    expect(page).to_have_url(re.compile(rf"/admin/alerts/{alert.pk}/$"))
    alert.refresh_from_db()
    assert alert.infos_by_language()["fr"].sms_text == PLAIN
    assert problems == []


def test_without_javascript_the_button_replaces_through_the_server(
    browser, live_server, client, demo_site
):
    """A draft saved with the typographic text: its composer, without JavaScript, shows the
    server's warning; the button substitutes in the form and keeps what else was typed."""
    from playwright.sync_api import expect

    author = AuthorFactory(username="author")
    alert = AlertFactory(created_by=author)
    alert.infos.filter(language="fr").update(sms_text=TYPED)
    login_with_second_factor(client, author)
    context = browser.new_context(java_script_enabled=False)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/alerts/{alert.pk}/edit/")
    estimate = page.locator("#id_fr-sms_text-estimate")
    expect(estimate).to_contain_text("’ typographic apostrophe ×3")
    typed = sms_length(TYPED + sms_suffix(alert, "fr"))
    assert typed.segments > 1
    expect(estimate.locator("[data-sms-segments]")).to_have_text(str(typed.segments))
    page.locator("#id_fr-headline").fill("Incendie : restez à l’intérieur")

    page.get_by_role("button", name="Replace with plain characters", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("SMS text (French): replaced")
    expect(page.locator("#id_fr-sms_text")).to_have_value(PLAIN)
    expect(page.locator("#id_fr-headline")).to_have_value("Incendie : restez à l’intérieur")
    expect(estimate.locator("[data-sms-encoding]")).to_have_text("GSM-7")
    expect(estimate.locator("[data-sms-segments]")).to_have_text("1")
    alert.refresh_from_db()
    assert alert.infos_by_language()["fr"].sms_text == TYPED


# Texts where counting is easy to get wrong: line breaks (sent as CR LF), the extension
# table, an escape pair at a segment boundary, a surrogate pair, decomposed accents,
# spaces around the text.
TRICKY = [
    "Ligne 1\nLigne 2 : 5 € {zone}",
    "🚨 Évacuez le quartier",
    "a" * 152 + "€" + "a" * 152,
    "Fene\u0301tres ferme\u0301es",
    "\u00a0 Rentrez\u202f!\u00a0",
    "ç" * 135,
]


def test_the_live_estimate_counts_as_the_server_sends(browser, live_server, client, demo_site):
    from playwright.sync_api import expect

    author = AuthorFactory(username="author")
    alert = AlertFactory(created_by=author, status="Test")
    page = signed_in_context(browser, live_server, client, author).new_page()
    page.set_default_timeout(15_000)
    problems = _watch_policy(page)
    page.goto(f"{live_server.url}/admin/alerts/{alert.pk}/edit/")
    estimate = page.locator("#id_nl-sms_text-estimate")
    for text in TRICKY:
        page.locator("#id_nl-sms_text").fill(text)
        sent = (
            alert.marker + ": " + unicodedata.normalize("NFC", text.replace("\n", "\r\n").strip())
        )
        length = sms_length(sent)
        expect(estimate.locator("[data-sms-encoding]")).to_have_text(length.encoding)
        expect(estimate.locator("[data-sms-units]")).to_have_text(str(length.units))
        expect(estimate.locator("[data-sms-segments]")).to_have_text(str(length.segments))
        expect(estimate.locator("[data-sms-per-segment]")).to_have_text(str(length.per_segment))
    assert problems == []
