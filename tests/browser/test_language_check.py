"""The language check as an editor meets it in Chromium: opening a Dutch page that still
holds French text shows the paragraphs above the form; marking a French quotation with the
"FR" button of the text toolbar and saving takes it off the list."""

import re

import pytest
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from campaigns import factories
from campaigns.models import GuideIndexPage, GuidePage
from tests.browser.conftest import SCREENSHOTS, signed_in_context
from tests.campaigns.conftest import publish, translate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DUTCH = "Bij een overstroming sluit u de elektriciteit en het gas af en gaat u naar boven."
FORGOTTEN = "Pendant une vague de chaleur, buvez régulièrement et gardez les volets fermés."
QUOTATION = "Restez chez vous et fermez les fenêtres, la situation est sous contrôle."


def _dutch_guide(demo_content):
    index = GuideIndexPage.objects.get(locale__language_code="fr")
    french = publish(
        factories.GuidePageFactory(
            parent=index,
            title="Citation du bourgmestre",
            body=[("text", RichText(f"<p>{FORGOTTEN}</p>"))],
        )
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in (DUTCH, FORGOTTEN, QUOTATION))
    return translate(
        french, "nl", title="Citaat van de burgemeester", body=[("text", RichText(paragraphs))]
    )


def test_an_editor_sees_the_french_paragraphs_and_marks_a_quotation(
    browser, live_server, client, demo_content, django_user_model
):
    from playwright.sync_api import expect

    dutch = _dutch_guide(demo_content)
    editor = django_user_model.objects.create_superuser("editor", password="x")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    page = signed_in_context(browser, live_server, client, editor).new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/pages/{dutch.pk}/edit/")

    message = page.locator(".language-check-message")
    expect(message).to_be_visible()
    expect(message).to_contain_text("this Dutch page has text in another language")
    expect(message.locator("q[lang=fr]")).to_have_text([FORGOTTEN, QUOTATION])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "language-check-editor-flagged.png")

    # Mark the quotation as French with the text toolbar, save the draft.
    quotation = page.locator(".public-DraftEditor-content [data-block='true']", has_text=QUOTATION)
    quotation.click(click_count=3)
    page.get_by_role("button", name=re.compile(r"^In French")).click()
    page.screenshot(path=SCREENSHOTS / "language-check-marking.png")
    # Draftail copies its state into the form a moment later (a person never clicks faster).
    page.wait_for_function(
        "() => document.querySelector('input[name=\"body-0-value\"]').value.includes('LANG_FR')"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"has been updated"))).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "language-check-after-marking.png")
    saved = GuidePage.objects.get(pk=dutch.pk).get_latest_revision_as_object()
    assert f'<span lang="fr">{QUOTATION}</span>' in str(saved.body[0].value.source)
    expect(page.locator(".language-check-message q[lang=fr]")).to_have_text([FORGOTTEN])
