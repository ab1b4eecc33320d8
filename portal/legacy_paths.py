"""Permanent redirects from the English path segments the French and Dutch sites used
before their addresses were translated: /fr/alerts/… → /fr/alertes/…,
/nl/subscriptions/manage/<token>/ → /nl/abonnementen/beheren/<token>/.

Printed SMS, emails and bookmarks carry the old addresses, tokens included: the old path
is read as the English one it is, then written again in the language of its prefix, with
the same arguments and the same query string. A path that means nothing in English either
is left to Wagtail, as before.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail import views as wagtail_views

# The first segments of the citizen paths that used to stay English in every language.
LEGACY_PATTERN = r"^(?P<old_path>(?:alerts|search|subscribe|subscriptions|unsubscribe)/.*)$"
NAME = "legacy_path"
SOURCE_LANGUAGE = "en"


class HttpResponsePermanentRedirectKeepMethod(HttpResponseRedirect):
    """308: a form posted to an old address is posted again to the new one."""

    status_code = 308


def translated_path(old_path: str, language: str) -> str | None:
    """The path of `language` for the English-segment path `old_path` (without its
    language prefix), or None when it names no view of ours."""
    if language == SOURCE_LANGUAGE:
        return None
    with translation.override(SOURCE_LANGUAGE):
        try:
            match = resolve(f"/{SOURCE_LANGUAGE}/{old_path}")
        except Resolver404:
            return None
    if match.url_name in (NAME, "wagtail_serve"):
        return None
    with translation.override(language):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None


def legacy_path_redirect(request, old_path: str):
    target = translated_path(old_path, translation.get_language())
    if target is None:
        return wagtail_views.serve(request, old_path)
    query = request.META.get("QUERY_STRING", "")
    if query:
        target = f"{target}?{query}"
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    return HttpResponsePermanentRedirectKeepMethod(target)
