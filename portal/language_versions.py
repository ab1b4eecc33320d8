"""Where the same content lives in each language: read by the language switcher and by the
links in <head> (hreflang alternates, canonical).

A Wagtail page exists in a language when its translation there is live. A page of our own
views (alerts, subscription, search) exists in every language: its path is translated
with Django's URL resolver (the segments differ per language: /fr/alertes/, /en/alerts/).
A page without a version in a language leads to the nearest ancestor that has one, else
to that language's home page.
"""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

# Resolved views that are not one of our pages in every language: Wagtail's own serving
# (a page, or no page at all) and the redirects from the old English paths.
NOT_A_VIEW_PAGE = {"wagtail_serve", "legacy_path"}
CACHE_ATTRIBUTE = "_lux_live_versions"


def home_path(language: str) -> str:
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def is_routed_page(page) -> bool:
    return isinstance(page, Page) and bool(page.pk)


def page_versions(page: Page) -> dict[str, Page]:
    """The live versions of a Wagtail page, by language code (the page itself included).

    Kept on the page object for the rest of the request: the switcher and <head> both ask.
    """
    versions = getattr(page, CACHE_ATTRIBUTE, None)
    if versions is None:
        found = page.get_translations(inclusive=True).live().select_related("locale")
        versions = {version.locale.language_code: version for version in found}
        setattr(page, CACHE_ATTRIBUTE, versions)
    return versions


def nearest_version(page: Page, language: str) -> Page | None:
    """The nearest ancestor of `page` with a live version in `language` (that version)."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return (
        Page.objects.live()
        .filter(
            locale__language_code=language,
            translation_key__in=ancestors.values("translation_key"),
        )
        .order_by("-depth")
        .first()
    )


def view_versions(request) -> dict[str, str]:
    """The path of the current view in each language, when the request resolved to one of
    our own views (not a Wagtail page); empty otherwise."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in NOT_A_VIEW_PAGE:
        return {}
    return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
