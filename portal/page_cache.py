"""Citizen pages served from the cache under crisis load.

What is cached: a GET answered 200 to a visitor with no session and no pending messages,
on a citizen path, when the answer sets no cookie, used no CSRF token (no form) and does
not forbid caching. Cached answers carry `Cache-Control: public, max-age=PAGE_CACHE_SECONDS`
so browsers and proxies help too.

Invalidation: every cached page is stored with the version number current when it was
made; `page_cache_clear()` bumps that number, so the next request of every page is fresh at
once. A hit costs one cache round trip: the version and the page are read together —
or none, when the page cache is in Redis: each server process then answers its hottest
pages from memory before Django is even called (portal.page_cache_front), as long as Redis
tells it at once of every new version (portal.page_cache_local).
Wagtail's publish and unpublish signals and the alert lifecycle
(alerts.services.record_event) call it once their transaction has committed.

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
from django.utils.cache import patch_cache_control, patch_response_headers, patch_vary_headers
from django.utils.encoding import escape_uri_path

from portal import page_cache_local
from portal.page_cache_keys import normalised_query, page_cache_key
from portal.page_cache_render import Entry, cache_control, page_render_coalesced, stale_seconds

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
# version the page was made at.
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


def page_cache_clear() -> None:
    """Make every cached page stale at once (one key, however many pages), and tell every
    server process so."""
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


def page_cache_clear_on_commit() -> None:
    transaction.on_commit(page_cache_clear)


def _key(request) -> str:
    return page_cache_key(
        request.get_host(), escape_uri_path(request.path), request.META.get("QUERY_STRING", "")
    )


def _lookup(key: str):
    """(current version, the Entry stored for the page or None, whether its last answer
    could not be cached) in one round trip."""
    found = _cache().get_many([VERSION_KEY, key, key + UNCACHEABLE_SUFFIX])
    version = found.get(VERSION_KEY)
    if version is None:
        version = _version()
    # Marked at the version its answer was made at: a clear (a page published where there
    # was none) makes the mark stale too.
    return version, Entry.read(found.get(key)), found.get(key + UNCACHEABLE_SUFFIX) == version


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
    if request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store", "max-age=0"))


class PageCacheMiddleware:
    """Install early (before sessions), so a hit costs no database query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request.META):
            return self.get_response(request)
        key = _key(request)
        version, entry, uncacheable = _lookup(key)
        if entry is not None and entry.fresh(version):
            request.META[FRONT_VERSION] = version  # the front may keep it (WSGI environ)
            return _marked(entry.response, "hit")
        _render_only_known_parameters(request)
        if request.method != "GET":
            return self.get_response(request)
        if uncacheable:  # nothing to wait for; still kept should it now be cacheable
            return self._render(request, key, version)

        def render():
            return self._render(request, key, version)

        response, state, current = page_render_coalesced(
            cache=_cache(), key=key, version_key=VERSION_KEY, entry=entry, render=render
        )
        if current is not None:
            request.META[FRONT_VERSION] = current
        return _marked(response, state) if state else response

    def _render(self, request, key, version):
        made_at = time.time()
        response = self.get_response(request)
        if _cacheable_response(request, response):
            seconds = settings.PAGE_CACHE_SECONDS
            patch_response_headers(response, cache_timeout=seconds)
            patch_cache_control(response, public=True, **cache_control())
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response[HEADER] = "miss"
            _cache().set(key, (version, made_at, response), timeout=stale_seconds())
            request.META[FRONT_VERSION] = version
        elif response.status_code < 500:
            # A form, a redirect, a 404: concurrent requests render it at once rather than
            # wait for a copy that will not come (a failure may pass, so it is not marked).
            _cache().set(key + UNCACHEABLE_SUFFIX, version, timeout=settings.PAGE_CACHE_SECONDS)
        return response


def _marked(response, state: str):
    response[HEADER] = state
    if state.startswith("stale"):
        # Already past its freshness: a browser or proxy keeps it no longer than we do.
        patch_cache_control(response, max_age=0)
    return response


def _on_page_change(sender, **kwargs):
    page_cache_clear_on_commit()


def connect_signals() -> None:
    """Publishing, unpublishing or deleting a page, or saving the site settings shown on
    every page, makes the cached pages stale once the change is committed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished

    from portal.models import SiteSettings

    page_published.connect(_on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="page_cache_unpublished")
    page_slug_changed.connect(_on_page_change, dispatch_uid="page_cache_slug")
    post_delete.connect(_on_page_change, sender=Page, dispatch_uid="page_cache_deleted")
    post_save.connect(_on_page_change, sender=SiteSettings, dispatch_uid="page_cache_settings")
