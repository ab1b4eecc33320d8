"""The composer's SMS estimate per language: why an SMS goes out as Unicode, and the
buttons that replace those characters in the form, without saving anything."""

import html
import re

import pytest

from alerts.cap_vocab import Status
from alerts.factories import AlertFactory
from alerts.models import Alert
from alerts.rendering import sms_preview
from tests.alerts.test_admin_views import _edit_data, _login

pytestmark = pytest.mark.django_db

SMS_FR = "Restez à l’intérieur – fermez les fenêtres. N’attendez pas\u00a0!"
DESCRIPTION_FR = "L’incendie – maîtrisé – dégage une fumée âcre."
UNICODE = "This SMS is sent as Unicode (70 characters per part instead of 160) because of:"


def _estimate(page: str, language: str) -> str:
    """The estimate shown under one language's SMS text."""
    start = page.index(f'id="id_{language}-sms_text-estimate"')
    return page[start : page.index("data-sms-status", start)]


def _field(page: str, name: str) -> str:
    match = re.search(rf'<(?:textarea|input)[^>]*name="{name}"[^>]*>', page)
    assert match, name
    if match.group(0).startswith("<input"):
        return html.unescape(re.search(r'value="([^"]*)"', match.group(0)).group(1))
    end = page.index("</textarea>", match.end())
    return html.unescape(page[match.end() : end]).lstrip("\r\n")


def _shown(block: str) -> bool:
    """Whether the Unicode warning is shown (it is in the page, hidden, for the script)."""
    return bool(re.search(r"data-sms-unicode>", block))


@pytest.fixture
def draft(author):
    alert = AlertFactory(created_by=author)
    alert.infos.filter(language="fr").update(sms_text=SMS_FR, description=DESCRIPTION_FR)
    return alert


def test_the_composer_says_which_characters_make_an_sms_unicode(client, demo_site, author, draft):
    _login(client, author)
    page = client.get(f"/admin/alerts/{draft.pk}/edit/").content.decode()
    french, dutch = _estimate(page, "fr"), _estimate(page, "nl")
    assert _shown(french) and UNICODE in french
    assert "’</code> typographic apostrophe ×2" in french
    assert "–</code> dash ×1" in french
    assert "U+00A0</code> non-breaking space ×1" in french
    assert "ê</code> accented letter ×1" in french
    assert 'name="sms_plain" value="fr"' in french
    assert 'name="sms_plain_letters" value="fr"' in french
    assert "Encoding: <span data-sms-encoding>UCS-2</span>" in french
    # Dutch is plain GSM-7: no warning shown, its estimate says so.
    assert not _shown(dutch)
    assert "Encoding: <span data-sms-encoding>GSM-7</span>" in dutch
    assert "sms-text.js" in page


def test_the_composers_estimate_is_the_sms_as_sent_markers_included(
    client, demo_site, author, draft
):
    Alert.objects.filter(pk=draft.pk).update(status=Status.EXERCISE)
    draft.refresh_from_db()
    _login(client, author)
    page = client.get(f"/admin/alerts/{draft.pk}/edit/").content.decode()
    for language in ("fr", "nl", "en"):
        preview = sms_preview(draft, language)
        block = _estimate(page, language)
        assert f"<span data-sms-units>{preview.length.units}</span>" in block
        assert f"<span data-sms-segments>{preview.length.segments}</span>" in block


def test_replacing_changes_only_that_sms_text_in_the_form_and_saves_nothing(
    client, demo_site, author, draft
):
    _login(client, author)
    url = f"/admin/alerts/{draft.pk}/edit/"
    typed = _edit_data(
        draft,
        **{"fr-headline": "Incendie à Ixelles : restez à l’intérieur", "sms_plain": "fr"},
        status=Status.EXERCISE,
    )
    response = client.post(url, typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert _field(page, "fr-sms_text") == (
        "Restez à l'intérieur - fermez les fenêtres. N'attendez pas !"
    )
    # Everything else the author typed is as they typed it, typography included.
    assert _field(page, "fr-headline") == "Incendie à Ixelles : restez à l’intérieur"
    assert _field(page, "fr-description") == DESCRIPTION_FR
    assert '<option value="Exercise" selected>' in page
    assert "SMS text (French): replaced ’ → &#x27; ×2, – → - ×1, U+00A0 → space ×1." in page
    # The letter is the author's choice: still offered, the SMS still Unicode.
    french = _estimate(page, "fr")
    assert _shown(french) and "ê</code> accented letter ×1" in french
    assert 'name="sms_plain" value="fr"' in french and "data-sms-plain hidden" in french
    # Nothing saved.
    draft.refresh_from_db()
    info = draft.infos_by_language()["fr"]
    assert (info.sms_text, draft.status) == (SMS_FR, Status.ACTUAL)
    assert info.headline != typed["fr-headline"]


def test_replacing_accented_letters_too_makes_the_sms_gsm7(client, demo_site, author, draft):
    _login(client, author)
    url = f"/admin/alerts/{draft.pk}/edit/"
    page = client.post(url, _edit_data(draft, sms_plain_letters="fr")).content.decode()
    text = _field(page, "fr-sms_text")
    assert text == "Restez à l'intérieur - fermez les fenetres. N'attendez pas !"
    french = _estimate(page, "fr")
    assert not _shown(french)
    assert "Encoding: <span data-sms-encoding>GSM-7</span>" in french
    # Saved as shown once the author saves: the ordinary save, its checks and approval.
    response = client.post(url, _edit_data(draft, **{"fr-sms_text": text}))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.infos_by_language()["fr"].sms_text == text
    assert sms_preview(draft, "fr").length.encoding == "GSM-7"


def test_a_forged_language_changes_and_saves_nothing(client, demo_site, author, draft):
    _login(client, author)
    url = f"/admin/alerts/{draft.pk}/edit/"
    response = client.post(url, _edit_data(draft, sms_plain="<script>alert(1)</script>"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is no SMS text in that language." in page
    assert "<script>alert(1)" not in page
    assert _field(page, "fr-sms_text") == SMS_FR
    draft.refresh_from_db()
    assert draft.infos_by_language()["fr"].sms_text == SMS_FR


def test_enter_in_a_field_saves_rather_than_replacing(client, demo_site, author, draft):
    """A browser submits a form on Enter with its first submit button: the plain save, not
    the SMS or polygon buttons that come before "Save and preview"."""
    ring = [f"50.8{i:03d},4.3{i % 7}" for i in range(600)]
    Alert.objects.filter(pk=draft.pk).update(polygons=" ".join([*ring, ring[0]]))
    _login(client, author)
    page = client.get(f"/admin/alerts/{draft.pk}/edit/").content.decode()
    assert 'name="sms_plain"' in page and 'name="simplify_polygons"' in page
    form = page[page.index('<form method="post"') :]
    # The first button that submits (type="button" ones only act in the page).
    first = re.search(r'<button(?![^>]*type="button")[^>]*>', form).group(0)
    assert "name=" not in first


def test_the_preview_names_and_counts_the_characters_forcing_ucs2(client, demo_site, author, draft):
    _login(client, author)
    page = client.get(f"/admin/alerts/{draft.pk}/").content.decode()
    assert "’</code> typographic apostrophe ×2" in page
    # A non-breaking space is invisible as itself: named and shown by its code.
    assert "U+00A0</code> non-breaking space ×1" in page
    assert f'href="/admin/alerts/{draft.pk}/edit/">Edit the SMS text to replace them' in page
