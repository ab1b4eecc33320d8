"""One render per page at a time, and the previous copy while it renders or when it fails.

Under a crisis spike every clear of the page cache makes every hot page stale at once. So
that each process does not re-render each of them for every concurrent request, a page
stays in the shared cache for PAGE_CACHE_STALE_SECONDS (default 24 h) with the version and
time it was made at (an Entry); it is fresh while made at the current versions of its
scopes (portal.page_cache_scopes) and less than PAGE_CACHE_SECONDS ago (or the shorter
max-age its view asked for). On a stale or missing page:

- one request renders it, the one that takes a short lock in the cache (`cache.add`,
  expiring after PAGE_CACHE_LOCK_SECONDS, default 10 s, should its holder die);
- the others, while the lock is held, get the previous copy marked `X-Page-Cache: stale`
  (stale-while-revalidate), if it was made at most PAGE_CACHE_SECONDS +
  PAGE_CACHE_REVALIDATE_SECONDS (default 30 s) ago; without such a copy they poll for the
  first render for up to PAGE_CACHE_WAIT_SECONDS (default 2.5 s), then render themselves;
- a render that fails (any 5xx answer, e.g. the database refusing connections) gives way to
  the last copy of the page, with 200 and `X-Page-Cache: stale-error` (stale-if-error),
  for up to PAGE_CACHE_STALE_SECONDS.

Cached answers say the same to browsers and proxies (RFC 5861): see cache_control().
"""

import time
from typing import NamedTuple

from django.conf import settings

LOCK_SUFFIX = ":render"
POLL_SECONDS = 0.05


def stale_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_STALE_SECONDS", 24 * 3600)


def revalidate_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_REVALIDATE_SECONDS", 30)


def lock_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_LOCK_SECONDS", 10)


def wait_seconds() -> float:
    return getattr(settings, "PAGE_CACHE_WAIT_SECONDS", 2.5)


def cache_control() -> dict:
    """The RFC 5861 directives of a cached answer (for patch_cache_control)."""
    return {"stale_while_revalidate": revalidate_seconds(), "stale_if_error": stale_seconds()}


class Entry(NamedTuple):
    version: tuple  # the versions of the page's scopes when its render began
    made_at: float  # time.time() when its render began
    response: object
    seconds: int  # fresh for so long

    @classmethod
    def read(cls, value):
        """The Entry stored in the cache, or None (nothing, or another format)."""
        if isinstance(value, tuple) and len(value) == 4:
            return cls(*value)
        return None

    def fresh(self, versions) -> bool:
        return self.version == versions and time.time() - self.made_at < self.seconds


def page_render_coalesced(*, cache, key, scope_keys, entry, render):
    """(response, X-Page-Cache value or None, whether it is current) for a page whose
    `entry` (or None) is not fresh; `scope_keys` hold the versions of its scopes. `render()`
    renders the page and stores it when it may be cached."""
    lock = key + LOCK_SUFFIX
    if cache.add(lock, 1, timeout=lock_seconds()):
        try:
            return _render_or_stale(render, entry)
        finally:
            cache.delete(lock)
    arrived = time.time()
    if entry is not None and arrived - entry.made_at < entry.seconds + revalidate_seconds():
        return entry.response, "stale", False
    made = _await_render(cache, key, lock, scope_keys, since=arrived)
    if made is not None:
        return made
    return _render_or_stale(render, entry)


def _render_or_stale(render, entry):
    response = render()
    failed = response.status_code >= 500
    if failed and entry is not None and time.time() - entry.made_at < stale_seconds():
        return entry.response, "stale-error", False
    return response, None, True


def _await_render(cache, key, lock, scope_keys, *, since):
    """The page another request is rendering, once stored; None when it gives up."""
    deadline = time.monotonic() + wait_seconds()
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = cache.get_many([*scope_keys, key, lock])
        entry = Entry.read(found.get(key))
        versions = tuple(found.get(k) for k in scope_keys)
        if entry is not None and (entry.made_at >= since or entry.fresh(versions)):
            return entry.response, "hit", entry.version == versions
        if lock not in found:  # rendered but not storable, or failed: render here
            return None
    return None
