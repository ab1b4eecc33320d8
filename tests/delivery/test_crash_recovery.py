"""A delivery worker killed with SIGKILL at random moments, restarted each time, on the
real PostgreSQL and a Twilio peer in a process of its own: every number gets its SMS
exactly once."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.factories import AlertFactory
from alerts.subscriptions.models import ContactPoint, Subscriber
from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNT = 10_000


class PeerProcess:
    def __init__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.peers.twilio", "--port", "0"],
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.process.stdout.readline())

    def stats(self) -> dict:
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        accepted, sids, numbers, requests, _conns = map(int, self.process.stdout.readline().split())
        return {"accepted": accepted, "sids": sids, "numbers": numbers, "requests": requests}

    def stop(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(10)


def _audience(count):
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="fr", audience="test") for _ in range(count)]
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(subscriber=s, channel="sms", address=f"+3247{i:07d}", confirmed_at=now)
            for i, s in enumerate(subscribers)
        ]
    )


def _worker_env(peer, tmp_path):
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "LUX_VAR_DIR": str(tmp_path),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM": "LUXresponse",
        "TWILIO_API_BASE_URL": f"http://127.0.0.1:{peer.port}",
        "TWILIO_TIMEOUT_SECONDS": "5",
        "DELIVERY_LEASE_SECONDS": "2",
        "DELIVERY_BATCH_SIZE": "200",
        "DELIVERY_RATE_SMS": "1000",
    }


def test_sigkill_at_random_moments_loses_nothing_and_sends_nothing_twice(tmp_path):
    _audience(COUNT)
    alert = AlertFactory(status="Exercise", state="sent", sent=timezone.now())
    assert ledger.ledger_create(alert) == COUNT
    peer = PeerProcess()
    env = _worker_env(peer, tmp_path)
    command = [sys.executable, "manage.py", "deliver", "--channels", "sms"]
    rng = random.Random(20261120)  # noqa: S311 - reproducible kill times
    interrupted = 0
    try:
        for _ in range(5):
            worker = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
            time.sleep(rng.uniform(2.0, 4.0))
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
            # rows the dead worker had claimed and not finished
            interrupted += Delivery.objects.filter(state="sending").count()
        final = subprocess.run(  # noqa: S603
            [*command, "--until-idle"], cwd=settings.BASE_DIR, env=env, timeout=300
        )
        assert final.returncode == 0
        stats = peer.stats()
    finally:
        peer.stop()

    assert interrupted > 0, "no kill landed while messages were being sent"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    # every number exactly once at the provider
    assert stats["accepted"] == stats["sids"] == stats["numbers"] == COUNT
