"""The language check of pages: in the page editor, when publishing, on the dashboard; the
rich-text marks that exempt a name or a quotation."""

import json
import re
import time

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from campaigns import demo as campaigns_demo
from campaigns import factories
from campaigns.blocks import RICH_FEATURES
from campaigns.language_hooks import flag_paragraphs_when_publishing
from campaigns.page_language import page_language_flags, pages_in_other_language
from tests.campaigns.conftest import publish, translate
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

FRENCH_BODY = [
    "En cas d'inondation, coupez l'électricité et le gaz, puis montez à l'étage.",
    "Préparez un kit d'urgence avec de l'eau, une lampe de poche et une radio à piles.",
]
DUTCH_BODY = [
    "Bij een overstroming sluit u de elektriciteit en het gas af en gaat u naar boven.",
    "Stel een noodpakket samen met water, een zaklamp en een radio op batterijen.",
]
# Left in French on the Dutch page: what a translator forgot.
FORGOTTEN = "Pendant une vague de chaleur, buvez régulièrement et gardez les volets fermés."
QUOTATION = "Restez chez vous et fermez les fenêtres, la situation est sous contrôle."


def _body(*paragraphs: str):
    return [("text", RichText("".join(f"<p>{p}</p>" for p in paragraphs)))]


def _dutch_guide(sections, *dutch_paragraphs):
    french = publish(
        factories.GuidePageFactory(
            parent=sections["guides"]["fr"],
            title="Se préparer aux inondations",
            body=_body(*FRENCH_BODY),
        )
    )
    return translate(
        french, "nl", title="Voorbereid zijn op overstromingen", body=_body(*dutch_paragraphs)
    )


def _sign_in_in_english(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    login_with_second_factor(client, user)
    return user


def _warnings(html: str) -> str:
    """The language check's message at the top of the page, if any."""
    match = re.search(r'<div class="language-check-message">.*?</div>', html, re.S)
    return match.group(0) if match else ""


def _panel(html: str) -> str:
    match = re.search(r'<section class="w-panel language-check".*?</section>', html, re.S)
    assert match, "the language check panel is on the dashboard"
    return match.group(0)


def test_dutch_page_with_a_french_paragraph_is_flagged_in_the_editor_and_on_the_dashboard(
    client, django_user_model, sections
):
    dutch = _dutch_guide(sections, DUTCH_BODY[0], FORGOTTEN, DUTCH_BODY[1])
    _sign_in_in_english(client, django_user_model)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    warning = _warnings(editor)
    assert "this Dutch page has text in another language" in warning
    assert f'reads as French (100 %): <q lang="fr">{FORGOTTEN}</q>' in warning
    assert DUTCH_BODY[0] not in warning and DUTCH_BODY[1] not in warning

    panel = _panel(client.get(reverse("wagtailadmin_home")).content.decode())
    (row,) = re.findall(r"<tr>.*?</tr>", panel, re.S)[1:]
    assert reverse("wagtailadmin_pages:edit", args=[dutch.pk]) in row
    assert "Voorbereid zijn op overstromingen" in row and "<td>NL</td>" in row
    assert f'<q lang="fr">{FORGOTTEN}</q>' in row and "reads as French" in row


def test_a_french_quotation_marked_with_lang_in_a_dutch_page_is_not_flagged(
    client, django_user_model, sections
):
    marked = f'De burgemeester zei: <span lang="fr">{QUOTATION}</span>'
    dutch = _dutch_guide(sections, DUTCH_BODY[0], marked, DUTCH_BODY[1])
    assert page_language_flags(dutch) == []
    _sign_in_in_english(client, django_user_model)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).content.decode()
    assert "language check" not in _warnings(editor).lower()
    panel = _panel(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "Every page reads in its own language." in panel

    # The same quotation without its mark is flagged.
    dutch.body = _body(DUTCH_BODY[0], marked.replace(' lang="fr"', ""), DUTCH_BODY[1])
    (flag,) = page_language_flags(dutch)
    assert flag.detected == "fr" and QUOTATION in flag.paragraph


def test_the_editor_keeps_the_language_mark_of_a_quotation():
    """Draftail's toolbar offers FR/NL/EN/DE on the body text; a marked passage survives
    the round trip through the editor (database → editor → database)."""
    assert {"lang-fr", "lang-nl", "lang-en", "lang-de"} <= set(RICH_FEATURES)
    converter = ContentstateConverter(features=RICH_FEATURES)
    html = f'<p>De burgemeester zei: <span lang="fr">{QUOTATION}</span></p>'
    state = json.loads(converter.from_database_format(html))
    (style,) = state["blocks"][0]["inlineStyleRanges"]
    assert style["style"] == "LANG_FR"
    assert f'<span lang="fr">{QUOTATION}</span>' in converter.to_database_format(json.dumps(state))


def test_publishing_a_page_with_text_in_another_language_warns_and_publishes(sections):
    dutch = _dutch_guide(sections, DUTCH_BODY[0], FORGOTTEN)
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    with translation.override("en"):
        response = flag_paragraphs_when_publishing(request, dutch)
        (message,) = [str(m) for m in get_messages(request)]
    assert response is None  # flagged, not blocked: Wagtail goes on publishing
    assert "Published, but the language check found text in another language" in message
    assert FORGOTTEN in message


def test_the_demo_pages_in_french_dutch_and_english_are_not_flagged(demo_site):
    campaigns_demo.seed(demo_site)
    assert pages_in_other_language() == []


def test_the_dashboard_checks_each_version_of_a_page_once(sections, django_assert_max_num_queries):
    dutch = _dutch_guide(sections, DUTCH_BODY[0], FORGOTTEN)
    with django_assert_max_num_queries(4):  # the pages, their versions' contents, page types
        (found,) = pages_in_other_language()
    assert found.page.pk == dutch.pk
    started = time.perf_counter()
    with django_assert_max_num_queries(1):  # the pages and their latest revision, nothing more
        assert [f.page.pk for f in pages_in_other_language()] == [dutch.pk]
    assert time.perf_counter() - started < 1

    dutch.body = _body(*DUTCH_BODY)
    dutch.save_revision().publish()
    assert pages_in_other_language() == []
