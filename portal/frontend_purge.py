"""The caching reverse proxy in front of the portal (docs/deployment.md), purged of the
pages whose page-cache scopes were made stale (portal.page_cache_scopes), through Wagtail's
frontend cache backends.

Only when WAGTAILFRONTENDCACHE is configured (FRONTEND_CACHE_PURGE_URL in the environment):
otherwise nothing is sent. The purge is a task enqueued once the change is committed, so a
request never waits on the proxy; each PURGE has a short timeout (FRONTEND_CACHE_TIMEOUT)
and a failure is logged, never raised: the proxy's own freshness (the Cache-Control of our
answers) bounds how long it may keep a page it was not told of.

What is purged per scope:
- `path:/fr/guides/x/`: that URL;
- `alerts`: the alert list and the home page of each language, the banner fragments, the
  Atom feed and the JSON API list (alert pages of one alert are purged by their path when a
  caller names them; the proxy's short freshness covers the others);
- `locale:fr`: everything under `/fr/` (`/fr/*`, the partial-key purge of nginx's
  ngx_cache_purge); `all`: `/*`.
"""

import contextlib
import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from portal.page_cache_scopes import ALERTS, ALL

logger = logging.getLogger(__name__)

PATH_PREFIX = "path:"
LOCALE_PREFIX = "locale:"


class TimedHTTPBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend with a timeout: a proxy that does not answer delays
    only the worker, by at most TIMEOUT seconds per URL."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2.0))
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, ""]),
            headers={"Host": host, "User-Agent": "lux-response-frontend-purge"},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - LOCATION from settings
                pass
        except HTTPError as exc:
            if exc.code != 404:  # not in the proxy's cache: nothing to purge
                logger.warning("frontend purge of %s: HTTP %s", url, exc.code)
        except (URLError, OSError) as exc:
            logger.warning("frontend purge of %s failed: %s", url, exc)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _alert_paths() -> list[str]:
    paths = []
    for language in _languages():
        with translation.override(language), contextlib.suppress(NoReverseMatch):
            paths += [f"/{language}/", reverse("alerts:list")]
            paths.append(reverse("alerts_data:banner", kwargs={"language": language}))
    paths += [reverse("alerts_data:feed"), reverse("alerts_data:api_list")]
    return paths


def scope_paths(scopes) -> list[str]:
    """The paths (on the proxy) the pages of `scopes` are cached under."""
    paths = []
    for scope in scopes:
        if scope.startswith(PATH_PREFIX):
            paths.append(scope.removeprefix(PATH_PREFIX))
        elif scope.startswith(LOCALE_PREFIX):
            paths.append(f"/{scope.removeprefix(LOCALE_PREFIX)}/*")
        elif scope == ALERTS:
            paths += _alert_paths()
        elif scope == ALL:
            paths.append("/*")
    return sorted(set(paths))


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@task()
def frontend_purge(*, paths: list[str]) -> None:
    """Send one PURGE per path to every configured frontend cache."""
    purge_urls_from_cache([_base_url() + path for path in paths])


def frontend_purge_on_commit(*scopes: str) -> None:
    """Once the change commits, purge the pages of `scopes` from the proxy (a task, so the
    request does not wait); nothing when no frontend cache is configured."""
    if not configured():
        return
    paths = scope_paths(scopes)
    if not paths:
        return

    def enqueue():
        try:
            frontend_purge.enqueue(paths=paths)
        except Exception:  # the queue down must not fail a request that has committed
            logger.exception("frontend purge of %d paths could not be queued", len(paths))

    transaction.on_commit(enqueue)
