"""End to end: an approved alert to 10,000 push subscribers, with one worker process.

The clock starts when the approval commits and stops when every ledger row is sent; the
push peer, in a process of its own, decrypts every payload with its subscriber's key as it
arrives. The worker is the embedded default (django-tasks database backend on SQLite),
already running, as under `make run`. Reference: the straightforward loop (one
pywebpush.webpush() per subscriber with a requests.Session), timed on 2,000 of the same
subscribers in the same run.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.utils import timezone
from pywebpush import webpush

from alerts.outgoing import alert_fingerprint

from .push import PeerProcess, _vapid_key
from .report import Figure

NEEDS_DATABASE = True
COUNT = 10_000
REFERENCE = 2_000
ROOT = Path(__file__).resolve().parent.parent


class DecryptingPeer(PeerProcess):
    """The push peer decrypting inline (no deferred decryption here)."""

    def __init__(self, seed: int):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.peers.push", "--seed", str(seed)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.process.stdout.readline())


def _subscribers(peer, keys, count):
    from alerts.subscriptions.models import ContactPoint, Subscriber

    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="fr", audience="test") for _ in range(count)], batch_size=2000
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s,
                channel="push",
                confirmed_at=now,
                address=f"http://127.0.0.1:{peer.port}/push/{i}",
                push_keys=keys.keys_json(i),
            )
            for i, s in enumerate(subscribers)
        ],
        batch_size=2000,
    )


def run() -> Figure:
    from alerts import services
    from alerts.delivery.models import Delivery
    from alerts.factories import AlertFactory, ApproverFactory
    from tests.peers.push import SubscriberKeys

    private_key = _vapid_key()
    keys = SubscriberKeys(seed=21)
    peer = DecryptingPeer(seed=21)
    _subscribers(peer, keys, COUNT)

    # Reference on a sample of the same subscribers.
    session = requests.Session()
    payload = json.dumps({"title": "EXERCICE", "body": "Restez à l'intérieur."})
    started = time.perf_counter()
    for i in range(REFERENCE):
        webpush(
            {"endpoint": f"http://127.0.0.1:{peer.port}/push/{i}", "keys": keys.keys_json(i)},
            payload,
            vapid_private_key=private_key,
            vapid_claims={"sub": "mailto:ops@example.invalid"},
            requests_session=session,
            ttl=3600,
        )
    reference_rate = REFERENCE / (time.perf_counter() - started)
    before, _errors = peer.ask("count")

    env = {**os.environ, "VAPID_PRIVATE_KEY": private_key, "DELIVERY_RATE_PUSH": "0"}
    worker = subprocess.Popen(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "urgent",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # the worker is up before the alert, as in production
        alert = AlertFactory(status="Exercise", severity="Severe")
        services.alert_submit(alert=alert, user=alert.created_by)
        started = time.perf_counter()
        services.alert_approve(
            alert=alert, user=ApproverFactory(), fingerprint=alert_fingerprint(alert)
        )  # commits; task queued
        deadline = started + 120
        while time.perf_counter() < deadline:
            if Delivery.objects.filter(alert=alert, state="sent").count() == COUNT:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(10)
    total, errors = peer.ask("count")
    received = total - before
    peer.close()
    sent = Delivery.objects.filter(alert=alert, state="sent").count()
    ok = sent == COUNT and received == COUNT and errors == 0
    return Figure(
        name="End to end: approved alert to 10,000 push subscribers, one worker",
        ours=COUNT / elapsed,
        reference=reference_rate,
        unit="msg/s",
        target="all 10,000 delivered in ≤ 10 s",
        met=ok and elapsed <= 10,
        detail=(
            f"From the approval's commit to the last ledger row sent: {elapsed:.2f} s "
            f"({sent:,} rows sent; the peer decrypted {received:,} payloads, {errors} "
            f"failures). One `db_worker` process on SQLite. Reference: the straightforward "
            f"webpush() loop, {reference_rate:,.0f} msg/s on {REFERENCE:,} subscribers, "
            f"i.e. about {COUNT / reference_rate:.1f} s for 10,000 without any queueing."
        ),
    )
