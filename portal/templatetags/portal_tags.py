from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal import language_versions, localization

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same content in every language.

    On a Wagtail page, each link leads to that page's live translation; when there is none,
    to the nearest ancestor translated into that language (else its home page), and the link
    says so in visible words, in the language it leads to. Elsewhere, the current URL is
    translated with Django's URL resolver (the path segments are translated too).
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    routed = language_versions.is_routed_page(page)
    versions = language_versions.page_versions(page) if routed else {}
    links = []
    for code, name in settings.LANGUAGES:
        available = True
        if routed:
            target = versions.get(code)
            if target is None:
                available = False
                target = language_versions.nearest_version(page, code)
            url = target.get_url(request) if target else language_versions.home_path(code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = language_versions.home_path(code)
        with translation.override(code):
            # Translators: after a language's name in the language switcher, on a page that
            # has no version in that language (the link leads to the nearest one that has).
            missing = "" if available else str(_("not available for this page"))
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "available": available,
                "missing": missing,
            }
        )
    return {"links": links}


@register.filter
def babel_date(value, format="long"):
    return localization.format_date(value, format) if value else ""


@register.filter
def babel_datetime(value, format="medium"):
    return localization.format_datetime(value, format) if value else ""


@register.filter
def babel_time(value, format="short"):
    return localization.format_time(value, format) if value else ""


@register.filter
def babel_number(value):
    return localization.format_number(value) if value is not None else ""


@register.filter
def babel_currency(value, currency="EUR"):
    return localization.format_currency(value, currency) if value is not None else ""
