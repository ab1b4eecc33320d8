"""The language check in the page editor and on the dashboard, and the rich-text marks that
tell it a name or a quotation is in another language on purpose.

The check flags, it does not block: it is a statistical guess, a page may quote a French
text in Dutch on purpose, and stopping a publication on a false alarm (during a crisis,
say) costs more than a paragraph shown to an editor and a reviewer who can read it. The
editor sees the flagged paragraphs each time the page editor opens (the latest version,
draft or not), when publishing and when submitting for review; the reviewers see them in
the editor and on the dashboard.

Wagtail's Draftail has no way to mark the language of a passage. Four inline styles do it
without any script: "FR", "NL", "EN" and "DE" in the toolbar wrap the selection in
`<span lang="xx">` (which screen readers also use to switch voice).
"""

from django.contrib import messages
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature
from wagtail.admin.ui.components import Component

from campaigns.page_language import (
    page_language_flags,
    pages_in_other_language,
    revision_language_flags,
)
from portal.language_check import language_name

# Rich-text feature name → (language code, toolbar description).
LANGUAGE_MARKS = {
    "lang-fr": ("fr", _("In French (a name or a quotation: not flagged by the language check)")),
    "lang-nl": ("nl", _("In Dutch (a name or a quotation: not flagged by the language check)")),
    "lang-en": ("en", _("In English (a name or a quotation: not flagged by the language check)")),
    "lang-de": ("de", _("In German (a name or a quotation: not flagged by the language check)")),
}


@hooks.register("register_rich_text_features")
def register_language_marks(features):
    for name, (code, description) in LANGUAGE_MARKS.items():
        style = f"LANG_{code.upper()}"
        features.register_editor_plugin(
            "draftail",
            name,
            InlineStyleFeature(
                {
                    "type": style,
                    "label": code.upper(),
                    "description": description,
                    "style": {"textDecoration": "underline dotted"},
                }
            ),
        )
        features.register_converter_rule(
            "contentstate",
            name,
            {
                "from_database_format": {f'span[lang="{code}"]': InlineStyleElementHandler(style)},
                "to_database_format": {
                    "style_map": {style: {"element": "span", "props": {"lang": code}}}
                },
            },
        )


def _warn(request, page, flags, *, when: str) -> None:
    messages.warning(
        request,
        render_to_string(
            "campaigns/admin/language_flags_message.html",
            {
                "language": language_name(page.locale.language_code),
                "flags": flags,
                "when": when,
            },
        ),
    )


@hooks.register("before_edit_page")
def flag_paragraphs_when_editing(request, page):
    """Opening the editor: the flags of the latest version, above the form."""
    if request.method == "GET":
        flags = revision_language_flags(page)
        if flags:
            _warn(request, page, flags, when="edit")


@hooks.register("before_publish_page")
def flag_paragraphs_when_publishing(request, page):
    """Publishing from the editor (the version being published); published all the same."""
    flags = page_language_flags(page)
    if flags:
        _warn(request, page, flags, when="publish")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def flag_paragraphs_when_submitting(request, page):
    """Submitting for review leaves the editor: say it on the page it goes to."""
    if "action-submit" in request.POST or "action-restart-workflow" in request.POST:
        flags = page_language_flags(page)
        if flags:
            _warn(request, page, flags, when="submit")


class LanguageCheckPanel(Component):
    """Dashboard panel: pages whose latest version has paragraphs in another language."""

    name = "campaigns_language_check"
    order = 160
    template_name = "campaigns/admin/language_check_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["found"] = pages_in_other_language()
        context["title"] = _("Pages whose text reads as another language")
        return context


@hooks.register("construct_homepage_panels")
def add_language_check_panel(request, panels):
    panels.append(LanguageCheckPanel())
