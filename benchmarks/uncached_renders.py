"""Uncached renders: the pages a visitor reaches first, rendered by Django with the page
cache off (PAGE_CACHE_SECONDS=0), in-process through the test client, one after another.

The demo content is seeded into a fresh SQLite database. Ours: the French and Dutch home
pages, a French guide, a French alert page and the French alert list, each rendered
RENDERS times, with the fragment caches of the navigation and the footer on (the default).
Reference: the same renders in the same run with those fragment caches off
(FRAGMENT_CACHE_SECONDS=0). Reported as renders per second over all five pages, with the
queries of each page.
"""

import io
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from .report import Figure

NEEDS_DATABASE = True
RENDERS = 60
ROUNDS = 3
TARGET_RATIO = 1.0


def _pages() -> dict[str, str]:
    from django.core.management import call_command

    from alerts.selectors import active_alerts
    from campaigns.models import GuidePage

    call_command("seed_demo", stdout=io.StringIO())
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    alert = active_alerts().first()
    with translation.override("fr"):
        alert_path = reverse("alerts:detail", args=[alert.identifier])
        alert_list = reverse("alerts:list")
    return {
        "home fr": "/fr/",
        "home nl": "/nl/",
        "guide": guide.url,
        "alert": alert_path,
        "alert list": alert_list,
    }


def _render(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")


def _queries(pages: dict[str, str]) -> dict[str, int]:
    """The queries of each page once its fragments are cached."""
    client = Client()
    queries = {}
    for name, path in pages.items():
        _render(client, path)
        with CaptureQueriesContext(connection) as captured:
            _render(client, path)
        queries[name] = len(captured)
    return queries


def _seconds(pages: dict[str, str]) -> float:
    client = Client()
    started = time.perf_counter()
    for _ in range(RENDERS // ROUNDS):
        for path in pages.values():
            _render(client, path)
    return time.perf_counter() - started


def _measure(pages: dict[str, str]) -> tuple[float, float, dict[str, int], dict[str, int]]:
    """(renders/s ours, renders/s reference, queries ours, queries reference): both
    measured in alternating rounds after a warm-up, so neither gains from going second."""
    cache.clear()
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        reference_queries = _queries(pages)
    queries = _queries(pages)
    ours = reference = 0.0
    for _ in range(ROUNDS):
        with override_settings(FRAGMENT_CACHE_SECONDS=0):
            reference += _seconds(pages)
        ours += _seconds(pages)
    renders = (RENDERS // ROUNDS) * ROUNDS * len(pages)
    return renders / ours, renders / reference, queries, reference_queries


def run() -> Figure:
    pages = _pages()
    with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        ours, reference, queries, reference_queries = _measure(pages)
    per_page = ", ".join(
        f"{name} {queries[name]} (reference {reference_queries[name]})" for name in pages
    )
    return Figure(
        name="Uncached renders: home fr/nl, guide, alert, alert list",
        ours=ours,
        reference=reference,
        unit="renders/s",
        target="above the same renders without fragment caches",
        met=ours > TARGET_RATIO * reference,
        detail=(
            f"{RENDERS} renders of each of {len(pages)} pages in-process (Django test client, "
            f"page cache off, {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
            f"SQLite): {ours:,.0f} renders/s with the fragment caches of the navigation and "
            f"footer, {reference:,.0f} renders/s without them (FRAGMENT_CACHE_SECONDS=0). "
            f"Queries per page: {per_page}."
        ),
    )
