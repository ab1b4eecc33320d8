"""Crisis churn: every public page under load while alerts change and the database fails.

The demo content is seeded into a fresh PostgreSQL database; the public fr/nl pages are
found by crawling the two home pages (forms included). gunicorn runs
`portal/gunicorn.conf.py` with 2 workers and the production settings, page cache in Redis,
its database reached through a TCP relay on loopback that this process can cut. `wrk`
cycles over every page (a Lua script), 64 connections, three windows:

1. steady;
2. the alert in force updated every 3 s through the services (an update drafted, its
   texts changed, submitted, approved by a second person, dispatched by a `db_worker`),
   each time polling the home page until the new headline shows;
3. the database refusing connections (the relay closed), after the pages were cached.

Ours: the production settings. Reference: the same server with the page cache's stale
copies, render coalescing and in-process front tier off (copies kept only while fresh,
PAGE_CACHE_STALE_SECONDS=60 like PAGE_CACHE_SECONDS; PAGE_CACHE_REVALIDATE_SECONDS=0,
PAGE_CACHE_WAIT_SECONDS=0, PAGE_CACHE_LOCAL_ENTRIES=0): what a plain page cache does.
"""

import contextlib
import os
import re
import secrets
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from . import crisis_load
from .report import Figure

NEEDS_DATABASE = True
ROOT = crisis_load.ROOT
WRK = crisis_load.WRK
WINDOW = os.environ.get("BENCH_CHURN_WINDOW", "15s")
CONNECTIONS = 64
CHURN_EVERY_S = 3.0
TARGET_STEADY_RPS = 5_000
TARGET_STEADY_P99_MS = 20.0
TARGET_CHURN_P99_MS = 50.0
TARGET_CHURN_SHARE = 0.80
TARGET_VISIBLE_S = 1.0
TARGET_DOWN_P99_MS = 20.0
REFERENCE_ENV = {
    "PAGE_CACHE_STALE_SECONDS": "60",
    "PAGE_CACHE_REVALIDATE_SECONDS": "0",
    "PAGE_CACHE_WAIT_SECONDS": "0",
    "PAGE_CACHE_LOCAL_ENTRIES": "0",
}
SKIPPED = ("/admin/", "/static/", "/documents/", "/media/", "/i18n/")


# ------------------------------------------------------------------ database relay


class Relay:
    """A TCP relay to PostgreSQL that can be cut: then it closes every relayed connection
    and refuses new ones, as a database that went away does."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.up = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.close()

    def cut(self) -> None:
        self.up = False
        self.listener.close()  # new connections: refused
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                    sock.close()
                except OSError:
                    pass
            self.sockets.clear()


# ------------------------------------------------------------------ pages


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.hrefs.append(href)


def _status_and_body(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - loopback
            return answer.status, answer.headers.get("Content-Type", ""), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def crawl(base: str, starts=("/fr/", "/nl/"), limit: int = 400) -> list[str]:
    """Every public fr/nl HTML page reachable from the home pages (two links deep)."""
    seen, pages, frontier = set(starts), [], list(starts)
    for _depth in range(3):
        following = []
        for path in frontier:
            status, kind, body = _status_and_body(base + path)
            if status != 200 or "text/html" not in kind:
                continue
            pages.append(path)
            parser = _Links()
            parser.feed(body)
            for href in parser.hrefs:
                parts = urlsplit(href)
                if parts.netloc and parts.netloc != urlsplit(base).netloc:
                    continue
                link = parts.path
                if (
                    not link.startswith(("/fr/", "/nl/"))
                    or link.startswith(SKIPPED)
                    or link.endswith((".ics", ".xml", ".atom", ".json", ".pdf"))
                    or link in seen
                ):
                    continue
                seen.add(link)
                following.append(link)
        frontier = following[: max(0, limit - len(pages))]
    return sorted(pages)


def _lua(paths: list[str], directory: Path) -> Path:
    script = directory / "cycle.lua"
    quoted = ",\n".join(f'  "{path}"' for path in paths if '"' not in path)
    script.write_text(
        "paths = {\n" + quoted + "\n}\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format('GET', paths[(counter % #paths) + 1])\n"
        "end\n"
    )
    return script


def wrk_cycle(base: str, script: Path, duration: str = WINDOW) -> dict:
    result = subprocess.run(  # noqa: S603
        [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    )
    rps, p99, errors = crisis_load.parse_wrk(result.stdout)
    total = int(re.search(r"(\d+) requests in", result.stdout).group(1))
    return {"rps": rps, "p99": p99, "errors": errors, "requests": total}


# ------------------------------------------------------------------ the alert churn


def _latest(root):
    from django.db.models import Q

    from alerts.models import Alert, AlertState

    return (
        Alert.objects.filter(Q(pk=root.pk) | Q(thread_root=root), state=AlertState.SENT)
        .order_by("-sent", "-pk")
        .first()
    )


def _update_once(root, author, approvers, marker: str):
    """Draft, change, submit and approve an update of the incident; returns its time of
    approval (perf_counter) once the approval committed."""
    from alerts import services
    from alerts.models import AlertInfo
    from alerts.outgoing import alert_fingerprint

    original = _latest(root)
    update = services.alert_prepare_update(original=original, user=author)
    AlertInfo.objects.filter(alert=update, language="fr").update(headline=marker)
    AlertInfo.objects.filter(alert=update, language="nl").update(headline=marker)
    acknowledged = [f"{lang}.{name}" for lang, name, _text in services.unchanged_texts(update)]
    services.alert_submit(alert=update, user=author, acknowledged=acknowledged)
    approver = approvers.pop()
    services.alert_approve(alert=update, user=approver, fingerprint=alert_fingerprint(update))
    return time.perf_counter()


def _churn(base: str, script: Path) -> tuple[dict, list[float]]:
    """wrk over every page while the alert in force is updated every CHURN_EVERY_S."""
    from django.test import override_settings

    from alerts.factories import ApproverFactory, AuthorFactory
    from alerts.selectors import active_alerts

    root = active_alerts().first()
    root = root.thread_root or root
    author = AuthorFactory()
    approvers = [ApproverFactory() for _ in range(40)]
    worker = crisis_load.start_task_worker()
    outcome: dict = {}
    load = threading.Thread(target=lambda: outcome.update(wrk_cycle(base, script)))
    visible: list[float] = []
    caches = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": crisis_load.CACHE_URL}
    }
    seconds = int(WINDOW.rstrip("s"))
    try:
        time.sleep(2)
        load.start()
        started = time.monotonic()
        with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=60):
            while time.monotonic() - started < seconds - CHURN_EVERY_S:
                cycle = time.monotonic()
                marker = "Churn-" + secrets.token_hex(4)
                approved = _update_once(root, author, approvers, marker)
                while time.perf_counter() - approved < 10:
                    if marker in crisis_load.get(base + "/fr/"):
                        visible.append(time.perf_counter() - approved)
                        break
                    time.sleep(0.02)
                else:
                    visible.append(float("inf"))
                time.sleep(max(0.0, CHURN_EVERY_S - (time.monotonic() - cycle)))
        load.join()
    finally:
        worker.terminate()
        worker.wait(10)
    return outcome, visible


# ------------------------------------------------------------------ one server, three windows


def _windows(extra_env: dict, logdir: Path, label: str) -> dict:
    database = settings.DATABASES["default"]
    relay = Relay(database.get("HOST") or "127.0.0.1", int(database.get("PORT") or 5432))
    url = (
        f"postgres://{database['USER']}@127.0.0.1:{relay.port}/{database['NAME']}"
        if database.get("USER")
        else f"postgres://127.0.0.1:{relay.port}/{database['NAME']}"
    )
    crisis_load._flush_cache()
    env_before = dict(os.environ)
    os.environ.update(extra_env, DATABASE_URL=url)
    try:
        server = crisis_load.Server(60, logdir / f"{label}.log")
    finally:
        os.environ.clear()
        os.environ.update(env_before)
    try:
        paths = crawl(server.base)
        script = _lua(paths, logdir)
        wrk_cycle(server.base, script, "3s")  # every page cached once
        steady = wrk_cycle(server.base, script)
        churn, visible = _churn(server.base, script)
        wrk_cycle(server.base, script, "3s")  # every page cached after the churn
        relay.cut()
        down = wrk_cycle(server.base, script)
    finally:
        server.close()
    return {"pages": len(paths), "steady": steady, "churn": churn, "visible": visible, "down": down}


def run() -> Figure:
    if not os.access(WRK, os.X_OK):
        raise RuntimeError(f"the load generator wrk is not at {WRK} (apt-get install wrk)")
    crisis_load._seed()
    crisis_load._collectstatic()
    logdir = Path(tempfile.mkdtemp(prefix="lux-crisis-churn-"))
    ours = _windows({}, logdir, "ours")
    reference = _windows(REFERENCE_ENV, logdir, "reference")

    def describe(result: dict) -> str:
        steady, churn, down = result["steady"], result["churn"], result["down"]
        visible = result["visible"]
        worst = max(visible) if visible else float("inf")
        return (
            f"steady {steady['rps']:,.0f} req/s, p99 {steady['p99']:.1f} ms; "
            f"alert updated every {CHURN_EVERY_S:.0f} s ({len(visible)} updates): "
            f"{churn['rps']:,.0f} req/s, p99 {churn['p99']:.1f} ms, new headline on the home "
            f"page after at most {worst:.2f} s; database refusing connections: "
            f"{down['rps']:,.0f} req/s, p99 {down['p99']:.1f} ms, "
            f"{down['errors']:,} of {down['requests']:,} answers not 2xx"
        )

    steady, churn, down = ours["steady"], ours["churn"], ours["down"]
    met = (
        steady["rps"] >= TARGET_STEADY_RPS
        and steady["p99"] <= TARGET_STEADY_P99_MS
        and churn["p99"] <= TARGET_CHURN_P99_MS
        and churn["rps"] >= TARGET_CHURN_SHARE * steady["rps"]
        and bool(ours["visible"])
        and max(ours["visible"]) <= TARGET_VISIBLE_S
        and down["errors"] == 0
        and down["p99"] <= TARGET_DOWN_P99_MS
        and steady["errors"] == 0
        and churn["errors"] == 0
    )
    return Figure(
        name=f"Crisis churn: all {ours['pages']} public fr/nl pages, alert updates, database down",
        ours=churn["rps"],
        reference=reference["churn"]["rps"],
        unit="req/s while alerts change",
        target=(
            f"steady ≥ {TARGET_STEADY_RPS:,} req/s, p99 ≤ {TARGET_STEADY_P99_MS:.0f} ms; "
            f"under updates every {CHURN_EVERY_S:.0f} s p99 ≤ {TARGET_CHURN_P99_MS:.0f} ms and "
            f"≥ {TARGET_CHURN_SHARE:.0%} of steady, new text on the home page ≤ "
            f"{TARGET_VISIBLE_S:.0f} s; database down: 0 non-2xx, p99 ≤ "
            f"{TARGET_DOWN_P99_MS:.0f} ms"
        ),
        met=met,
        detail=(
            f"`wrk -t2 -c{CONNECTIONS} -d{WINDOW}` with a Lua script cycling over the "
            f"{ours['pages']} pages found by crawling /fr/ and /nl/ (forms included), gunicorn "
            f"with `portal/gunicorn.conf.py` (2 workers), production settings, PostgreSQL "
            f"through a TCP relay this process cuts for the last window, page cache in Redis. "
            f"Ours: {describe(ours)}. Reference (the page cache without stale copies, "
            f"coalescing or in-process tier): {describe(reference)}. wrk, the server, the "
            f"task worker and the updates share the machine's {os.cpu_count()} cores."
        ),
    )
