"""Citizen pages served from the cache under crisis load.

What is cached: a GET answered 200 to a visitor with no session and no pending messages,
on a citizen path, when the answer sets no cookie, handed out no visitor's CSRF token and
does not forbid caching (forms included: see portal.public_forms). Cached answers carry
`Cache-Control: public, max-age=PAGE_CACHE_SECONDS` so browsers and proxies help too.

Invalidation is scoped (portal.page_cache_scopes): each page is stored with the versions of
the scopes it belongs to (everything; its language; its own path; the alerts, for alert
pages, feeds, the API, the banner fragment and the home pages) and is fresh while none of
them changed. `page_cache_clear()` bumps the version of everything; an alert going out
bumps the alerts scope only (alerts.events.record_event); a page published, unpublished,
moved or deleted bumps its own path, its parents' (the listings), its translations' and
its language's search page, and the whole language when the main navigation may change
(connect_signals). A hit still costs one cache round trip: the versions and the page are
read together — or none, when the page cache is in Redis: each server process then answers
its hottest pages from memory before Django is even called (portal.page_cache_front), as
long as Redis tells it at once of every clear (portal.page_cache_local).

Keys keep only the query parameters the public views read (portal.page_cache_keys, setting
PAGE_CACHE_QUERY_PARAMETERS). A stale page is rendered once however many requests want it,
the others getting the previous copy, which also stands in when a render fails
(portal.page_cache_render: PAGE_CACHE_STALE_SECONDS, PAGE_CACHE_REVALIDATE_SECONDS,
PAGE_CACHE_LOCK_SECONDS, PAGE_CACHE_WAIT_SECONDS).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import QueryDict
from django.http.cookie import parse_cookie
from django.utils.cache import (
    get_conditional_response,
    get_max_age,
    patch_cache_control,
    patch_response_headers,
    patch_vary_headers,
)
from django.utils.encoding import escape_uri_path

from portal import page_cache_local
from portal.frontend_purge import frontend_purge_on_commit
from portal.page_cache_keys import normalised_query, page_cache_key
from portal.page_cache_render import Entry, cache_control, page_render_coalesced, stale_seconds
from portal.page_cache_scopes import (
    ALERTS,
    ALL,
    initial_version,
    page_language_scopes,
    published_page_scopes,
    scope_key,
    scopes_of,
)
from portal.public_forms import SHARED, private_form_tokens
from portal.security_headers import permissions_policy

# Bumped by every clear, whatever its scope: the processes' memory copies
# (portal.page_cache_local) trust nothing made before the last one they were told of.
__all__ = [
    "ALERTS",
    "ALL",
    "fragment_versions",
    "page_cache_clear",
    "page_cache_clear_on_commit",
]

VERSION_KEY = "pagecache:version"
UNCACHEABLE_SUFFIX = ":uncacheable"
SKIPPED_PREFIXES = (
    "/admin/",
    "/healthz",
    "/documents/",
    "/i18n/",
    "/api/alerts/import",
    "/webhooks/",
    "/static/",
    "/media/",
)
HEADER = "X-Page-Cache"
# Set in the WSGI environ on an answer the front (portal.page_cache_front) may keep: the
# VERSION_KEY read before the page was looked up.
FRONT_VERSION = "lux.page_cache.version"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version() -> int:
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump(key: str) -> int:
    cache = _cache()
    try:
        return cache.incr(key)
    except ValueError:  # missing (never bumped, expired, evicted): past every version it had
        cache.add(key, initial_version(), timeout=stale_seconds())
        return cache.incr(key)


def page_cache_clear(*scopes: str) -> None:
    """Make stale the cached pages of `scopes` (portal.page_cache_scopes; every page
    without any), one key per scope however many pages, and tell every server process."""
    for scope in sorted(set(scopes or (ALL,))):
        _bump(scope_key(scope))
    cache = _cache()
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)
        version = cache.get(VERSION_KEY, 2)
    if page_cache_local.enabled():
        _local.announced(version)
        page_cache_local.announce(version)


_local = page_cache_local.LocalTier(read_version=lambda: _version())


def page_cache_clear_on_commit(*scopes: str) -> None:
    """Once committed: the pages of `scopes` made stale here, and purged from the caching
    reverse proxy when one is configured (portal.frontend_purge)."""
    transaction.on_commit(lambda: page_cache_clear(*scopes))
    frontend_purge_on_commit(*(scopes or (ALL,)))


def _key(request) -> str:
    return page_cache_key(
        request.get_host(), escape_uri_path(request.path), request.META.get("QUERY_STRING", "")
    )


def _scope_versions(scope_keys, found) -> tuple:
    missing = [key for key in scope_keys if found.get(key) is None]
    if missing:
        cache = _cache()
        for key in missing:
            # Expiring: a scope per path visited, random ones included, must not pile up;
            # a scope version that expires starts again past every version pages hold.
            cache.add(key, initial_version(), timeout=stale_seconds())
        found = {**found, **cache.get_many(missing)}
    return tuple(found.get(key) for key in scope_keys)


def fragment_versions(*scopes: str) -> tuple:
    """The current versions of `scopes`, for a fragment cached beside the pages (the main
    navigation, the footer): a fragment keyed by them is stale when a page of those scopes
    is, so a publication shows in it at once."""
    scope_keys = [scope_key(scope) for scope in scopes]
    return _scope_versions(scope_keys, _cache().get_many(scope_keys))


def _lookup(key: str, scope_keys):
    """(VERSION_KEY, the versions of the page's scopes, the Entry stored for the page or
    None, whether its last answer could not be cached) in one round trip."""
    found = _cache().get_many([VERSION_KEY, *scope_keys, key, key + UNCACHEABLE_SUFFIX])
    version = found.get(VERSION_KEY)
    if version is None:
        version = _version()
    versions = _scope_versions(scope_keys, found)
    # Marked at the versions its answer was made at: a clear (a page published where there
    # was none) makes the mark stale too.
    uncacheable = found.get(key + UNCACHEABLE_SUFFIX) == versions
    return version, versions, Entry.read(found.get(key)), uncacheable


def _render_only_known_parameters(request) -> None:
    """The page rendered for a key shows no query parameter the key left out."""
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


def eligible(environ) -> bool:
    """A request the page cache may answer (WSGI environ; a Django request's META): GET or
    HEAD on a citizen path, from a visitor with no session, no pending messages and no
    Authorization header. Shared by the middleware and the front (page_cache_front)."""
    if settings.PAGE_CACHE_SECONDS <= 0 or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(SKIPPED_PREFIXES):
        return False
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in environ
    )


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a visitor's own token handed out
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store", "max-age=0"))


def _fresh_seconds(response) -> int:
    """PAGE_CACHE_SECONDS, or less when the view asked for less (the banner fragment)."""
    asked = get_max_age(response)
    seconds = settings.PAGE_CACHE_SECONDS
    return min(seconds, asked) if asked else seconds


class PageCacheMiddleware:
    """Install early (before sessions), so a hit costs no database query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request.META):
            return self.get_response(request)
        key = _key(request)
        scope_keys = [scope_key(scope) for scope in scopes_of(request.path)]
        current, versions, entry, uncacheable = _lookup(key, scope_keys)
        if entry is not None and entry.fresh(versions):
            request.META[FRONT_VERSION] = current  # the front may keep it (WSGI environ)
            return _not_modified(request, _marked(entry.response, "hit"))
        _render_only_known_parameters(request)
        if request.method != "GET":
            return self.get_response(request)
        request.META[SHARED] = True
        if uncacheable:  # nothing to wait for; still kept should it now be cacheable
            return self._render(request, key, current, versions)

        def render():
            return self._render(request, key, current, versions)

        response, state, fresh = page_render_coalesced(
            cache=_cache(), key=key, scope_keys=scope_keys, entry=entry, render=render
        )
        if fresh:
            request.META[FRONT_VERSION] = current
        return _marked(response, state) if state else response

    def _render(self, request, key, current, versions):
        made_at = time.time()
        response = self.get_response(request)
        if _cacheable_response(request, response):
            seconds = _fresh_seconds(response)
            patch_response_headers(response, cache_timeout=seconds)
            patch_cache_control(response, public=True, **cache_control())
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            # Said by the view that rendered it (geolocation on the subscribe page), not
            # guessed again on a hit, which resolves no view.
            response.headers.setdefault("Permissions-Policy", permissions_policy(request))
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response[HEADER] = "miss"
            _cache().set(key, Entry(versions, made_at, response, seconds), timeout=stale_seconds())
            request.META[FRONT_VERSION] = current
        else:
            # Rendered for sharing ({% csrf_token %} empty), kept by nobody: the visitor's.
            response = private_form_tokens(request, response)
            if response.status_code < 500:
                # A redirect, a 404, a private page: concurrent requests render it at once
                # rather than wait for a copy that will not come (a failure may pass, so
                # it is not marked).
                _cache().set(
                    key + UNCACHEABLE_SUFFIX, versions, timeout=settings.PAGE_CACHE_SECONDS
                )
        return response


def _marked(response, state: str):
    response[HEADER] = state
    if state.startswith("stale"):
        # Already past its freshness: a browser or proxy keeps it no longer than we do.
        patch_cache_control(response, max_age=0)
    return response


def _not_modified(request, response):
    """304 to a poller whose copy has the ETag of the cached answer (the banner)."""
    etag = response.get("ETag")
    if not etag or "HTTP_IF_NONE_MATCH" not in request.META:
        return response
    return get_conditional_response(request, etag=etag, response=response) or response


def _on_settings_change(sender, **kwargs):
    page_cache_clear_on_commit(ALL)


def _on_page_published(sender, instance, **kwargs):
    page_cache_clear_on_commit(*published_page_scopes(instance))


def _on_page_gone(sender, instance, **kwargs):
    """Unpublished, deleted, moved or renamed: links to it may be on any page of its
    language."""
    page_cache_clear_on_commit(*page_language_scopes(instance))


def connect_signals() -> None:
    """Wagtail's signals make stale, once the change is committed, the cached pages that
    show the page that changed (portal.page_cache_scopes); saving the site settings, shown
    on every page, makes every cached page stale."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    from portal.models import SiteSettings

    page_published.connect(_on_page_published, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_gone, dispatch_uid="page_cache_unpublished")
    page_slug_changed.connect(_on_page_gone, dispatch_uid="page_cache_slug")
    post_page_move.connect(_on_page_gone, dispatch_uid="page_cache_moved")
    post_delete.connect(_on_page_gone, sender=Page, dispatch_uid="page_cache_deleted")
    post_save.connect(_on_settings_change, sender=SiteSettings, dispatch_uid="page_cache_settings")
