"""Translating a French guide into Dutch in the admin, as an editor does it: nothing French
reaches the Dutch site. After Translate › Dutch › Submit, the Dutch page answers 404
and the Dutch guide listing does not show it; once its texts are translated in
wagtail-localize's editor, "Publish in Dutch" sends it to the moderation workflow, and
it is live, in Dutch, when another editor approves it on the dashboard."""

import re
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.synctree import create_aliases_for_new_page

from campaigns import services
from campaigns.choices import Audience, GuideTopic
from campaigns.models import GuideIndexPage, GuidePage
from tests.browser.conftest import signed_in_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FRENCH = {
    "title": "Préparer son logement à une coupure de gaz",
    "slug": "preparer-son-logement-a-une-coupure-de-gaz",
    "intro": "Repérez le robinet de gaz et gardez une lampe de poche à portée de main.",
}
DUTCH = {
    FRENCH["title"]: "Uw woning voorbereiden op een gasonderbreking",
    FRENCH["slug"]: "uw-woning-voorbereiden-op-een-gasonderbreking",
    FRENCH["intro"]: "Zoek de gaskraan op en houd een zaklamp binnen handbereik.",
}
SCREENSHOTS = Path(tempfile.gettempdir()) / "translate"


def _editor(django_user_model, username):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=services.EDITORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin in English for this test
    profile.save()
    return user


def _french_guide():
    """A French guide published by the editors; the demo's synchronised Dutch locale gets its
    placeholder (what the admin does after creating a page)."""
    index = GuideIndexPage.objects.get(locale__language_code="fr")
    guide = index.add_child(
        instance=GuidePage(
            topic=GuideTopic.HOUSEHOLD_PLAN, audiences=[Audience.HOUSEHOLDS], **FRENCH
        )
    )
    guide.save_revision().publish()
    create_aliases_for_new_page(guide)
    return guide


def _dutch(guide):
    return GuidePage.objects.get(translation_key=guide.translation_key, locale__language_code="nl")


def test_a_guide_translated_into_dutch_goes_live_only_in_dutch_after_approval(
    browser, live_server, client, demo_content, django_user_model
):
    from playwright.sync_api import expect

    guide = _french_guide()
    dutch_index = GuideIndexPage.objects.get(locale__language_code="nl")
    translator = signed_in_context(
        browser, live_server, client, _editor(django_user_model, "vertaler")
    )
    approver = signed_in_context(
        browser, live_server, client, _editor(django_user_model, "eindredacteur")
    )
    citizen = browser.new_context()

    def public(page_model):
        visit = citizen.new_page()
        response = visit.goto(live_server.url + page_model.url)
        return visit, response

    # The placeholder of a synchronised locale is not on the Dutch site.
    visit, response = public(_dutch(guide))
    assert response.status == 404

    # Translate › Dutch › Submit, from the French guide's edit page (the admin in English).
    editor = translator.new_page()
    editor.set_default_timeout(15_000)
    editor.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    editor.get_by_role("button", name="Actions", exact=True).click()
    editor.get_by_role("link", name="Translate this page").click()
    expect(editor).to_have_url(re.compile(r"/submit/page/\d+/"))
    editor.get_by_label("Dutch").check()
    editor.get_by_role("button", name="Submit").click()
    dutch = _dutch(guide)
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{dutch.pk}/edit/"))

    # Nothing of it on the Dutch site: the page answers 404, the listing does not show it.
    assert not dutch.live
    visit, response = public(dutch)
    assert response.status == 404
    visit, response = public(dutch_index)
    assert response.status == 200
    expect(visit.get_by_role("main")).not_to_contain_text(FRENCH["title"])
    editor.screenshot(path=SCREENSHOTS / "translation-editor.png", full_page=True)

    # "Publish in Dutch" with texts left untranslated is refused.
    editor.get_by_role("button", name="Publish in Dutch").click()
    expect(editor.get_by_text("cannot go live in Dutch yet")).to_be_visible()
    assert not _dutch(guide).live

    # The translator translates each text in wagtail-localize's editor, then publishes:
    # the page goes to the editors' review instead of the site.
    def translate(french):
        segment = editor.locator("li", has_text=french).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(DUTCH[french])
        segment.get_by_role("button", name="Save").click()
        expect(segment.get_by_role("button", name="Edit")).to_be_visible()

    translate(FRENCH["title"])
    translate(FRENCH["intro"])
    editor.get_by_role("tab", name="Promote").click()
    translate(FRENCH["slug"])
    editor.get_by_role("button", name="Publish in Dutch").click()
    expect(editor.get_by_text(f"was submitted to {services.EDITORIAL_WORKFLOW}")).to_be_visible()
    editor.screenshot(path=SCREENSHOTS / "translation-submitted.png", full_page=True)
    assert not _dutch(guide).live
    visit, response = public(_dutch(guide))
    assert response.status == 404

    # Another editor approves it from the dashboard.
    review = approver.new_page()
    review.set_default_timeout(15_000)
    review.goto(live_server.url + reverse("wagtailadmin_home"))
    awaiting = review.locator("section, div.w-panel", has_text="Awaiting your review").filter(
        has_text=DUTCH[FRENCH["title"]]
    )
    awaiting.last.get_by_role("button", name="Actions").click()
    awaiting.last.get_by_role("button", name="Approve", exact=True).click()
    review.wait_for_load_state("networkidle")
    review.screenshot(path=SCREENSHOTS / "translation-approved.png", full_page=True)

    dutch = _dutch(guide)
    assert dutch.live
    visit, response = public(dutch)
    assert response.status == 200
    expect(visit.get_by_role("heading", level=1)).to_have_text(DUTCH[FRENCH["title"]])
    expect(visit.get_by_role("main")).to_contain_text(DUTCH[FRENCH["intro"]])
    expect(visit.get_by_role("main")).not_to_contain_text(FRENCH["intro"])
    assert dutch.slug == DUTCH[FRENCH["slug"]]
    assert Locale.objects.get(pk=dutch.locale_id).language_code == "nl"
    visit, response = public(dutch_index)
    expect(visit.get_by_role("main")).to_contain_text(DUTCH[FRENCH["title"]])
