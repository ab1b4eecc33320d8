from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from portal import localization

register = template.Library()


def _home_url(language: str) -> str:
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same content in every language.

    On a Wagtail page, each link leads to that page's live translation (or, when there is
    none yet, to the home page of that language, marked as such). Elsewhere, the current
    URL is translated with Django's URL resolver.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        available = True
        if isinstance(page, Page) and page.pk:
            target = translations.get(code)
            if target is not None:
                url = target.get_url(request)
            else:
                url, available = _home_url(code), False
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = _home_url(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "available": available,
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
