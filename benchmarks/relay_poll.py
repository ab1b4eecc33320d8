"""Feed relay: the periodic worker's poll of an Atom feed of 1,000 entries.

A loopback web server (tests.relay.feed_server) serves an Atom feed linking 1,000 CAP
documents shaped like MeteoAlarm's (four languages); 10 are for Brussels, 990 for Liège.
Ours: `relay.services.feed_poll` on a fresh feed: the feed and every document fetched
(bounded, no redirects), each checked by the CAP import's safety check and read, the 10
for Brussels parsed by the import (schema included) and kept. Reference: fetching the same
1,001 answers with the same HTTP client and nothing else (`relay.fetch.fetch`). Then two
more polls, timed: the unchanged feed (one conditional request answered 304) and the feed
with one entry added (only that entry fetched).
"""

import time

from django.conf import settings

from alerts.relay.fetch import fetch
from alerts.relay.models import ExternalAlert, ExternalFeed, FeedKind
from alerts.relay.services import feed_poll
from tests.relay.documents import LIEGE, atom, warning
from tests.relay.feed_server import FeedServer

from .report import Figure

NEEDS_DATABASE = True
ENTRIES = 1000
FOR_BRUSSELS = 10
TARGET_RATIO = 3.0


def _serve(server: FeedServer, count: int, etag: str) -> list[str]:
    paths = []
    for number in range(count):
        path = f"/w/{number}.xml"
        if path not in server.documents:
            brussels = number % (ENTRIES // FOR_BRUSSELS) == 0
            document = warning(f"BE-{number}") if brussels else warning(f"BE-{number}", area=LIEGE)
            server.serve(path, document)
        paths.append(path)
    server.serve("/feed.atom", atom(*paths), content_type="application/atom+xml", etag=etag)
    return paths


def run() -> Figure:
    settings.RELAY_ALLOW_HTTP_LOOPBACK = True
    with FeedServer() as server:
        paths = _serve(server, ENTRIES, '"v1"')
        feed = ExternalFeed.objects.create(
            name="bench", url=server.url("/feed.atom"), kind=FeedKind.ATOM
        )
        started = time.perf_counter()
        for path in ["/feed.atom", *paths]:
            fetch(server.url(path))
        reference = time.perf_counter() - started

        started = time.perf_counter()
        outcome = feed_poll(feed=feed)
        ours = time.perf_counter() - started
        kept = ExternalAlert.objects.count()

        server.requests.clear()
        started = time.perf_counter()
        unchanged = feed_poll(feed=feed)
        unchanged_ms = (time.perf_counter() - started) * 1000
        unchanged_requests = len(server.requests)

        _serve(server, ENTRIES + 1, '"v2"')
        server.requests.clear()
        started = time.perf_counter()
        feed_poll(feed=feed)
        changed_ms = (time.perf_counter() - started) * 1000
        changed_requests = len(server.requests)

    ok = (
        outcome.kept == FOR_BRUSSELS
        and outcome.skipped == ENTRIES - FOR_BRUSSELS
        and unchanged.not_modified
        and unchanged_requests == 1
        and changed_requests == 2
        and kept == FOR_BRUSSELS
    )
    return Figure(
        name=f"Feed relay: polling an Atom feed of {ENTRIES:,} entries",
        ours=ours,
        reference=reference,
        unit="s",
        target=f"≤ {TARGET_RATIO:.0f}× fetching the same answers bare; an unchanged feed is "
        "one 304",
        met=ok and ours <= TARGET_RATIO * reference,
        detail=(
            f"First poll of a fresh feed: {ours:.2f} s for {ENTRIES:,} documents "
            f"({outcome.kept} kept for Brussels, {outcome.skipped} skipped, "
            f"{len(outcome.refused)} refused); fetching the same {ENTRIES + 1:,} answers "
            f"bare with the same client (reference): {reference:.2f} s. The unchanged feed "
            f"polled again: {unchanged_ms:.1f} ms, {unchanged_requests} request "
            f"(304: {unchanged.not_modified}). The feed with one entry more: {changed_ms:.1f} "
            f"ms, {changed_requests} requests (the feed and the new entry). SQLite, loopback."
        ),
    )
