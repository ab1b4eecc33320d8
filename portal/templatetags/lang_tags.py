"""Marking text written in several languages at once, so that screen readers and
translation tools read each part in its own language (WCAG 3.1.2)."""

from django import template
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

SEPARATOR = " / "
# The order of the region's trilingual words (EXERCICE / OEFENING / EXERCISE).
TRILINGUAL = "fr nl en"


@register.filter
def lang_parts(text, languages: str):
    """`"EXERCICE / OEFENING / EXERCISE"|lang_parts:"fr nl en"`: each part separated by
    " / " in a <span lang> of its language, in the order given. Text with another number
    of parts is only escaped."""
    parts = str(text).split(SEPARATOR)
    codes = languages.split()
    if not text or len(parts) != len(codes):
        return conditional_escape(text)
    return format_html_join(SEPARATOR, '<span lang="{}">{}</span>', zip(codes, parts, strict=True))


@register.filter
def lang_parts_within(text, phrase):
    """`text` with each occurrence of the trilingual `phrase` ("A / B / C", in the order
    French, Dutch, English, as the region's markers are written) marked word by word, as
    lang_parts does; the rest of the text escaped. `{{ headline|lang_parts_within:marker }}`"""
    text, phrase = str(text), str(phrase or "")
    if not phrase or phrase not in text:
        return conditional_escape(text)
    marked = lang_parts(phrase, TRILINGUAL)
    pieces = [conditional_escape(piece) for piece in text.split(phrase)]
    # Safe: every piece of the text is escaped, and `marked` is built by format_html.
    return mark_safe(marked.join(pieces))  # noqa: S308
