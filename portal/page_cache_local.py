"""A copy of the hottest cached pages in each server process, invalidated at once.

Under crisis load the shared page cache (Redis) costs one round trip per request. Each
process therefore keeps the pages it served in memory too (as the finished WSGI answers:
see portal.page_cache_front), and trusts them only while it is subscribed to the Redis
channel on which `page_cache_clear()` announces every new version: the announcement
reaches every process within a network hop, so a published page or a new alert shows as
soon as it does through Redis alone. Whenever the subscription is not known to be live
(starting, reconnecting, after a fork), the process asks Redis on every request, as it
would without this tier.

Only used when the page cache lives in Redis (django-redis); the local-memory cache of the
embedded default is in-process already.
"""

import contextlib
import logging
import os
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

CHANNEL = "lux:pagecache:version"
HEALTH_CHECK_SECONDS = 5.0


def _redis_client():
    from django_redis import get_redis_connection

    return get_redis_connection(settings.PAGE_CACHE_ALIAS)


def enabled() -> bool:
    """On when the page cache is in Redis and PAGE_CACHE_LOCAL_ENTRIES is above 0."""
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    return settings.PAGE_CACHE_LOCAL_ENTRIES > 0 and backend.startswith("django_redis.")


def announce(version: int) -> None:
    """Tell every process that pages older than `version` are stale."""
    _redis_client().publish(CHANNEL, str(version))


class LocalTier:
    """Pages as (status, headers, body), each with the version and time it was made at."""

    def __init__(self, read_version):
        self.read_version = read_version
        self.version: int | None = None  # None: the subscription is not live, trust nothing
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()
        self._pid = None
        self._stop = threading.Event()

    # -- the listener -----------------------------------------------------------------
    def start(self) -> None:
        """Start listening in this process (once per process: a fork starts again)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self.version = None
            self._pages.clear()
            self._stop = threading.Event()
            thread = threading.Thread(
                target=self._listen, args=(self._stop,), name="page-cache-listener", daemon=True
            )
            thread.start()

    def stop(self) -> None:
        """Stop listening (and trusting); the next start() begins afresh."""
        with self._lock:
            self._stop.set()
            self._pid = None
            self.version = None
            self._pages.clear()

    def _listen(self, stop: threading.Event) -> None:
        while not stop.is_set():
            pubsub = None
            try:
                pubsub = _redis_client().pubsub()
                pubsub.subscribe(CHANNEL)
                self._await_subscription(pubsub)
                # Subscribed first, then read: no announcement can fall in between.
                version = self.read_version()
                if stop.is_set():
                    break
                self.version = version
                checked = time.monotonic()
                while not stop.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    if message and message["type"] == "message":
                        self.announced(int(message["data"]))
                    if time.monotonic() - checked > HEALTH_CHECK_SECONDS:
                        # A connection that died in silence raises here; a missed
                        # announcement is caught up from the version itself.
                        pubsub.ping()
                        self.announced(self.read_version())
                        checked = time.monotonic()
            except Exception as error:  # noqa: BLE001 - any failure: stop trusting, retry
                if not stop.is_set():
                    logger.warning("page cache listener: %s; retrying", error)
            finally:
                if self._stop is stop:  # a stopped listener leaves its successor alone
                    self.version = None
                if pubsub is not None:
                    with contextlib.suppress(Exception):  # the connection may be gone
                        pubsub.close()
            stop.wait(1.0)

    @staticmethod
    def _await_subscription(pubsub) -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            message = pubsub.get_message(timeout=1.0)
            if message and message["type"] == "subscribe":
                return
        raise TimeoutError("no subscription confirmation from Redis")

    def announced(self, version: int) -> None:
        if self.version is not None and version > self.version:
            self.version = version

    # -- the pages --------------------------------------------------------------------
    def get(self, key: str):
        """(status line, headers, body) of a page made at the current version, or None."""
        version = self.version
        if version is None:
            return None
        with self._lock:
            entry = self._pages.get(key)
            if entry is None:
                return None
            made_at, expires, page = entry
            if made_at != version or expires < time.time():
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
        return page

    def put(self, key: str, version: int, status: str, headers: list, body: bytes) -> None:
        """Keep a page made at `version` until the time its Expires header gives."""
        if self.version is None or version != self.version:
            return
        expires = next(
            (parse_http_date_safe(v) for k, v in headers if k.lower() == "expires"), None
        )
        if expires is None:
            return
        with self._lock:
            self._pages[key] = (version, expires, (status, headers, body))
            self._pages.move_to_end(key)
            while len(self._pages) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self._pages.popitem(last=False)
