"""What a cached page depends on, so that a change makes stale only the pages it touches.

Every page belongs to a few scopes, read from its path alone (before anything renders, so
that a hit still costs one round trip): `all`; its language (`locale:fr`); its own path
(`path:/fr/guides/`); and `alerts` when it shows alerts beyond the banner fragment (the alert
pages inside the language prefix; the language-neutral feeds, CAP documents, JSON API and
banner fragment) and for the home pages (where visitors go first in a crisis: their banner
is never behind, with or without JavaScript). Each scope has a version in the cache; a page
is stored with the versions of its scopes and is fresh while all of them are unchanged.

What bumps which scope (portal.page_cache.page_cache_clear and connect_signals):
- an alert going out, updated or ended (alerts.events.record_event): `alerts`. The other
  pages keep their copy: the banner they carry is brought up to date in an open page by
  portal/static/portal/js/live.js (within ALERT_BANNER_POLL seconds), and without
  JavaScript it is at most PAGE_CACHE_SECONDS old;
- a page published: its path, its parents' paths (the listings showing it), its
  translations' paths (their language switcher) and its language's search page; the whole
  language when the page is a section of the main navigation;
- a page unpublished, moved, renamed (slug) or deleted: its whole language (links to it may
  be anywhere);
- the site settings (shown on every page): `all`.

A scope whose version is missing (never bumped, expired after PAGE_CACHE_STALE_SECONDS, or
evicted from the cache) starts at the current time in microseconds, so it never matches a
version a page was stored with before.
"""

import contextlib
import time
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, get_urlconf, resolve, reverse
from django.utils import translation
from django.utils.encoding import escape_uri_path

ALL = "all"
ALERTS = "alerts"
KEY_PREFIX = "pagecache:scope:"
# URL namespaces whose pages show alerts (lists, documents, the banner fragment).
ALERT_NAMESPACES = ("alerts", "alerts_data")


def scope_key(scope: str) -> str:
    return KEY_PREFIX + scope


def locale_scope(language: str) -> str:
    return f"locale:{language}"


def path_scope(path: str) -> str:
    """`path` as Django's request.path gives it (not yet escaped) or as a page's URL."""
    return f"path:{escape_uri_path(path)}"


def initial_version() -> int:
    return time.time_ns() // 1000


def language_of(path: str) -> str | None:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in {code for code, _name in settings.LANGUAGES} else None


@lru_cache(maxsize=4096)
def _shows_alerts(path: str, language: str | None, urlconf) -> bool:
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            match = resolve(path, urlconf)
        except Resolver404:
            return False
    if match.namespaces and match.namespaces[0] in ALERT_NAMESPACES:
        return True
    # A home page: where visitors go first in a crisis.
    return language is not None and path == f"/{language}/"


def scopes_of(path: str) -> tuple[str, ...]:
    """The scopes of the page at `path` (request.path), `all` first."""
    language = language_of(path)
    scopes = [ALL]
    if language is not None:
        scopes.append(locale_scope(language))
    scopes.append(path_scope(path))
    if _shows_alerts(path, language, get_urlconf()):
        scopes.append(ALERTS)
    return tuple(scopes)


# Pages up to this depth are the home pages (2) and the sections under them (3), which the
# main navigation of every page of their language links to.
NAVIGATION_DEPTH = 3


def _page_path(page) -> str | None:
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _language(page) -> str:
    return page.locale.language_code


def page_language_scopes(page) -> tuple[str, ...]:
    return (locale_scope(_language(page)),)


def published_page_scopes(page) -> tuple[str, ...]:
    """A page published: its own path, its parents' (the listings that show it), its
    translations' (their language switcher) and its language's search page; its whole
    language when it is in the main navigation."""
    language = _language(page)
    if page.depth <= NAVIGATION_DEPTH:
        return (locale_scope(language),)
    pages = [page, *page.get_ancestors(), *page.get_translations()]
    paths = {_page_path(each) for each in pages}
    with translation.override(language), contextlib.suppress(NoReverseMatch):
        paths.add(reverse("search"))
    return tuple(sorted(path_scope(path) for path in paths if path))
