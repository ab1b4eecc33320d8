"""Reads: the paragraphs of a page that read as another language than the page's own.

A page's text is its title, search description and every multi-line text field and text
block of its content (rich text split into paragraphs, names and quotations marked with
`lang` left out). One-line fields (an organiser, a place, a telephone number) and the name
and address of a contact card are names, which cannot carry a `lang` mark: they are not
judged; nor are URLs, e-mail addresses, choices and chosen pages. What is checked is
the page's latest revision: what the editor is working on and what the next publication
puts online. Results are cached per revision (a revision never changes), so the dashboard
checks each version of a page once.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText

from portal.language_check import (
    LANGUAGES,
    LanguageFlag,
    language_flags,
    paragraphs_of_html,
    paragraphs_of_text,
)

# Bump when the check changes, so that cached results of old revisions are not reused.
CACHE_VERSION = 1
CACHE_SECONDS = 7 * 24 * 3600
# The fields every page has that are text a reader sees.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")
# Children of a structured block that hold a name or an address, not text to judge.
NAME_BLOCKS = frozenset({"name", "address", "phone"})
# Languages a page is checked in: the site's (German is only ever a detected language).
CHECKED_LANGUAGES = ("fr", "nl", "en")


@dataclass
class PageLanguageFlags:
    page: Page
    flags: list[LanguageFlag]

    @property
    def language(self) -> str:
        return self.page.locale.language_code


def _block_paragraphs(block, value, expected: str) -> list[str]:
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        html = value.source if isinstance(value, RichText) else str(value)
        return paragraphs_of_html(html, expected)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return paragraphs_of_text(str(value))
    if isinstance(block, blocks.StructBlock):
        return [
            paragraph
            for name, child in block.child_blocks.items()
            if name not in NAME_BLOCKS
            for paragraph in _block_paragraphs(child, value.get(name), expected)
        ]
    if isinstance(block, blocks.ListBlock):
        return [p for item in value for p in _block_paragraphs(block.child_block, item, expected)]
    if isinstance(block, blocks.StreamBlock):
        return [p for child in value for p in _block_paragraphs(child.block, child.value, expected)]
    return []


def _is_text_field(field) -> bool:
    return isinstance(field, StreamField | RichTextField | models.TextField)


def page_paragraphs(page: Page, expected: str) -> list[str]:
    """Every paragraph of text of `page` (a specific page written in `expected`), in the
    order of its fields."""
    paragraphs = []
    for name in PAGE_TEXT_FIELDS:
        paragraphs += paragraphs_of_text(getattr(page, name, "") or "")
    own_fields = [
        field
        for field in type(page)._meta.get_fields()
        if getattr(field, "model", None) is not Page
        and field.concrete
        and not field.is_relation
        and _is_text_field(field)
    ]
    for field in own_fields:
        value = getattr(page, field.attname)
        if isinstance(field, StreamField):
            paragraphs += _block_paragraphs(field.stream_block, value, expected)
        elif isinstance(field, RichTextField):
            paragraphs += paragraphs_of_html(value or "", expected)
        else:
            paragraphs += paragraphs_of_text(value or "")
    return paragraphs


def page_language_flags(page: Page, language: str = "") -> list[LanguageFlag]:
    """The paragraphs of `page` (as it is in memory) that read as another language than
    its own (`language`, read from its locale when not given)."""
    language = language or page.locale.language_code
    if language not in LANGUAGES:
        return []
    return language_flags(page_paragraphs(page, language), language)


def _cache_key(revision) -> str:
    stamp = revision.created_at.timestamp()
    return f"language-check:{CACHE_VERSION}:revision:{revision.pk}:{stamp}"


def revision_language_flags(page: Page) -> list[LanguageFlag]:
    """The flags of `page`'s latest revision (of the page itself when it has none)."""
    revision = page.latest_revision
    if revision is None:
        return page_language_flags(page.specific)
    key = _cache_key(revision)
    flags = cache.get(key)
    if flags is None:
        flags = page_language_flags(revision.as_object())
        cache.set(key, flags, CACHE_SECONDS)
    return flags


def pages_in_other_language() -> list[PageLanguageFlags]:
    """Pages of the French, Dutch and English trees whose latest version has paragraphs
    that read as another language, in tree order. Aliases (untranslated copies made by
    wagtail-localize) are left to the translation panel, which lists them as missing.

    One query when every version was checked before; otherwise the contents of the
    versions not yet checked are loaded in one more query and checked.
    """
    pages = list(
        Page.objects.filter(
            depth__gt=1,
            alias_of__isnull=True,
            locale__language_code__in=CHECKED_LANGUAGES,
        )
        .select_related("locale", "latest_revision")
        .defer("latest_revision__content")
        .order_by("path")
    )
    keys = {page.pk: _cache_key(page.latest_revision) for page in pages if page.latest_revision}
    cached = cache.get_many(list(keys.values()))
    flags_of = {pk: cached[key] for pk, key in keys.items() if key in cached}
    unchecked = [page for page in pages if page.pk not in flags_of]
    if unchecked:
        contents = dict(
            Revision.objects.filter(
                pk__in=[page.latest_revision_id for page in unchecked if page.latest_revision_id]
            ).values_list("pk", "content")
        )
        for page in unchecked:
            content = contents.get(page.latest_revision_id)
            model = page.specific_class
            if content is None or model is None:
                version = page.specific
            else:  # the version as saved, built from its content alone (no query)
                version = model.from_serializable_data(content, check_fks=False)
            flags = page_language_flags(version, page.locale.language_code)
            flags_of[page.pk] = flags
            if page.pk in keys:
                cache.set(keys[page.pk], flags, CACHE_SECONDS)
    return [PageLanguageFlags(page, flags_of[page.pk]) for page in pages if flags_of.get(page.pk)]
