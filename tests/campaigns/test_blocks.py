"""The shared block set: each block renders what a reader needs; images need alt text."""

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns import blocks
from campaigns.factories import GuidePageFactory
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


def _render(block, value, language="fr"):
    with translation.override(language):
        return block.render(block.normalize(value))


def test_rich_text_renders_its_html():
    html = _render(blocks.RichTextBlock(), "<p>Gardez une <b>lampe</b>.</p>")
    assert "<b>lampe</b>" in html


def test_callout_says_it_is_a_warning_to_screen_readers():
    html = _render(
        blocks.CalloutBlock(),
        {"level": "warning", "title": "Danger", "text": "<p>Appelez le 112.</p>"},
    )
    assert 'class="callout callout--warning"' in html
    assert "Avertissement : </span>Danger" in html
    assert "Appelez le 112." in html


def test_steps_are_an_ordered_list():
    html = _render(
        blocks.StepsBlock(),
        {"title": "Pendant", "steps": [{"title": "Un", "text": ""}, {"title": "Deux", "text": ""}]},
    )
    assert "<ol" in html
    assert html.index("Un") < html.index("Deux")


def test_checklist_lists_every_item():
    html = _render(blocks.ChecklistBlock(), {"title": "Kit", "items": ["Eau", "Radio"]})
    assert "<li>Eau</li>" in html and "<li>Radio</li>" in html


def test_image_renders_with_its_alt_text():
    image = wagtail_factories.ImageFactory()
    html = _render(
        blocks.ImageBlock(),
        {"image": image, "alt_text": "Une cave inondée", "caption": "Ixelles, 2024"},
    )
    assert 'alt="Une cave inondée"' in html
    assert "<figcaption>Ixelles, 2024</figcaption>" in html


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_without_alt_text_is_refused(alt_text):
    block = blocks.ImageBlock()
    image = wagtail_factories.ImageFactory()
    with pytest.raises(ValidationError):
        block.clean(block.normalize({"image": image, "alt_text": alt_text, "caption": ""}))


def test_document_offers_a_download_link():
    document = wagtail_factories.DocumentFactory(title="Affiche canicule")
    html = _render(blocks.DocumentBlock(), {"document": document, "title": "", "description": ""})
    assert f'href="{document.url}"' in html
    assert "Affiche canicule" in html


def test_video_file_is_played_and_transcript_given():
    html = _render(
        blocks.VideoBlock(),
        {
            "title": "Le kit",
            "url": "https://example.org/kit.mp4",
            "captions_url": "https://example.org/kit.vtt",
            "transcript": "<p>Voici le kit.</p>",
        },
    )
    assert '<video controls preload="none" src="https://example.org/kit.mp4">' in html
    assert '<track kind="captions" src="https://example.org/kit.vtt" default>' in html
    assert "<summary>Transcription</summary>" in html and "Voici le kit." in html


def test_video_page_address_is_linked():
    html = _render(
        blocks.VideoBlock(),
        {"title": "Le kit", "url": "https://example.org/watch/1", "transcript": "<p>T</p>"},
    )
    assert "<video" not in html
    assert 'href="https://example.org/watch/1"' in html


def test_faq_folds_each_answer_under_its_question():
    html = _render(
        blocks.FAQBlock(),
        {"title": "", "questions": [{"question": "Qui appeler ?", "answer": "<p>112</p>"}]},
    )
    assert "<summary>Qui appeler ?</summary>" in html


def test_related_pages_link_to_the_reader_language(sections):
    guide = publish(GuidePageFactory(parent=sections["guides"]["fr"], title="Plan familial"))
    dutch = translate(guide, "nl", title="Gezinsplan")
    html = _render(blocks.RelatedPagesBlock(), {"title": "", "pages": [guide]}, language="nl")
    assert f'<a href="{dutch.url}">Gezinsplan</a>' in html


def test_contact_card_links_phone_and_email():
    html = _render(
        blocks.ContactCardBlock(),
        {"name": "Urgences", "role": "", "phone": "1 12", "email": "a@example.org"},
    )
    assert 'href="tel:112"' in html
    assert 'href="mailto:a@example.org"' in html


def test_every_block_of_the_stream_has_a_template():
    for name, block in blocks.BaseStreamBlock().child_blocks.items():
        assert block.meta.template.startswith("campaigns/blocks/"), name
