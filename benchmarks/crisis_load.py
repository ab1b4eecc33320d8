"""Crisis load: citizen pages under load on 2 gunicorn workers, with the page cache in Redis.

The demo content (portal, campaigns, alerts with an exercise in force) is seeded into a fresh
PostgreSQL database; gunicorn runs `portal/gunicorn.conf.py` with 2 workers and the
production settings (DEBUG off, hashed static files from collectstatic, the page cache in
Redis db 14 shared by both workers; only SECURE_SSL_REDIRECT is off since there is no TLS
proxy on loopback). `wrk` on loopback loads the home page, a guide page and the page of the
alert in force, first with the page cache on (ours), then off (the reference, same server,
PAGE_CACHE_SECONDS=0). Last, while wrk loads the home page, a new alert is approved in
this process (the services, same database) and handed to a database task worker, as in
production; a plain HTTP client polls the home page until it shows the alert.
"""

import io
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from alerts.outgoing import alert_fingerprint

from .report import Figure

NEEDS_DATABASE = True
ROOT = Path(__file__).resolve().parent.parent
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14")
WRK = os.environ.get("BENCH_WRK", "/usr/bin/wrk")
DURATION = os.environ.get("BENCH_WRK_DURATION", "10s")
CONNECTIONS = 32
TARGET_RPS = 2_000
TARGET_P99_MS = 20.0
TARGET_VISIBLE_S = 1.0
MARKER = "Crisis-load-" + secrets.token_hex(4)


def parse_wrk(output: str) -> tuple[float, float, int]:
    """(requests per second, 99th percentile latency in ms, non-2xx/3xx answers)."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, p99, int(errors.group(1)) if errors else 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(page_cache_seconds: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": CACHE_URL,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


class Server:
    """gunicorn with the production config file and 2 workers, on a free loopback port."""

    def __init__(self, page_cache_seconds: int, log: Path):
        self.port = _free_port()
        env = _server_env(page_cache_seconds)
        env.update(
            GUNICORN_WORKERS="2",
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_ACCESS_LOG=os.environ.get("BENCH_ACCESS_LOG", "/dev/null"),
            GUNICORN_ERROR_LOG=str(log),
            GUNICORN_MAX_REQUESTS="0",
        )
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn of our own virtualenv
            [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.close()
        raise RuntimeError(f"gunicorn did not start; see {log}")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wrk(url: str, duration: str = DURATION) -> tuple[float, float, int]:
    result = subprocess.run(  # noqa: S603
        [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - loopback
        return answer.read().decode()


def _seed() -> dict:
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation

    from alerts.selectors import active_alerts
    from campaigns.models import GuidePage

    call_command("seed_demo", stdout=io.StringIO())
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    alert = active_alerts().first()
    with translation.override("fr"):
        alert_path = reverse("alerts:detail", args=[alert.identifier])
    return {
        "home": "/fr/",
        "guide": guide.url,
        "alert": alert_path,
    }


def _collectstatic() -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=_server_env(60),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _flush_cache() -> None:
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()


def _measure(server: Server, pages: dict) -> dict:
    results = {}
    for name, path in pages.items():
        url = server.base + path
        assert MARKER not in get(url)
        get(url)  # the first request fills the cache
        results[name] = wrk(url)
    return results


def _sent_after(alert, wall: float) -> float:
    """Seconds from `wall` until the worker recorded the alert sent (its event's time)."""
    from alerts.models import AlertAction

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        event = alert.events.filter(action=AlertAction.SENT).first()
        if event is not None:
            return event.created_at.timestamp() - wall
        time.sleep(0.05)
    return float("inf")


def start_task_worker() -> subprocess.Popen:
    """One database task worker on both queues, polling every 50 ms, as `make run` runs."""
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "urgent,default",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env=_server_env(60),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _visibility(server: Server) -> tuple[float, float, float]:
    """Seconds from the approval until the home page served under load shows it, until the
    task worker has marked it sent, and until the approval had committed."""
    from django.test import override_settings

    from alerts import services
    from alerts.factories import AlertFactory, ApproverFactory
    from alerts.models import AlertInfo

    worker = start_task_worker()
    url = server.base + "/fr/"
    load = subprocess.Popen(  # noqa: S603
        [WRK, "-t2", f"-c{CONNECTIONS}", "-d12s", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # worker up, home page cached and under load
        assert MARKER not in get(url)
        # This process shares the page cache of the servers, so its invalidation reaches them.
        caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": CACHE_URL}}
        with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=60):
            alert = AlertFactory(status="Exercise", severity="Severe")
            AlertInfo.objects.filter(alert=alert).update(headline=MARKER)
            services.alert_submit(alert=alert, user=alert.created_by)
            started, wall = time.perf_counter(), time.time()
            services.alert_approve(
                alert=alert, user=ApproverFactory(), fingerprint=alert_fingerprint(alert)
            )
            committed = time.perf_counter() - started
        # Only the page is polled: a database query in this loop would delay what it sees.
        deadline = started + 30
        while time.perf_counter() < deadline:
            if MARKER in get(url):
                visible = time.perf_counter() - started
                return visible, _sent_after(alert, wall), committed
            time.sleep(0.01)
        return float("inf"), _sent_after(alert, wall), committed
    finally:
        load.wait(30)
        worker.terminate()
        worker.wait(10)


def run() -> Figure:
    if not os.access(WRK, os.X_OK):
        raise RuntimeError(f"the load generator wrk is not at {WRK} (apt-get install wrk)")
    pages = _seed()
    _collectstatic()
    logdir = Path(tempfile.mkdtemp(prefix="lux-crisis-load-"))

    _flush_cache()
    server = Server(0, logdir / "uncached.log")
    try:
        uncached = _measure(server, pages)
    finally:
        server.close()

    _flush_cache()
    server = Server(60, logdir / "cached.log")
    try:
        cached = _measure(server, pages)
        visible, sent, committed = _visibility(server)
    finally:
        server.close()

    ours = min(rps for rps, _p99, _err in cached.values())
    reference = min(rps for rps, _p99, _err in uncached.values())
    errors = sum(err for *_x, err in cached.values()) + sum(err for *_x, err in uncached.values())
    met = (
        all(rps >= TARGET_RPS and p99 <= TARGET_P99_MS for rps, p99, _err in cached.values())
        and visible <= TARGET_VISIBLE_S
        and errors == 0
    )

    def line(results):
        return "; ".join(
            f"{name} `{pages[name]}` {rps:,.0f} req/s, p99 {p99:.1f} ms"
            for name, (rps, p99, _err) in results.items()
        )

    return Figure(
        name="Crisis load: citizen pages on 2 gunicorn workers (worst of 3 pages)",
        ours=ours,
        reference=reference,
        unit="req/s",
        target=(
            f"each page ≥ {TARGET_RPS:,} req/s with p99 ≤ {TARGET_P99_MS:.0f} ms; "
            f"new alert on the home page ≤ {TARGET_VISIBLE_S:.0f} s"
        ),
        met=met,
        detail=(
            f"`wrk -t2 -c{CONNECTIONS} -d{DURATION}` on loopback against gunicorn "
            f"(`portal/gunicorn.conf.py`, 2 gthread workers × 2 threads, access log off) with "
            f"`portal.settings.production` (DEBUG off, SECURE_SSL_REDIRECT off: no TLS proxy "
            f"here), PostgreSQL, page cache in Redis. "
            f"Page cache on: {line(cached)}. "
            f"Page cache off (reference): {line(uncached)}. "
            f"Non-2xx answers: {errors}. "
            f"A new alert approved while the home page is under load (and one "
            f"`db_worker` dispatching it) showed on the home page {visible:.2f} s after the "
            f"approval (the approval itself took {committed:.2f} s under the load; the worker "
            f"had marked it sent after {sent:.2f} s). wrk and the "
            f"server share the machine's {os.cpu_count()} cores."
        ),
    )
