"""A delivery worker killed with SIGKILL at random moments, restarted each time, on the
real PostgreSQL.

SMS (a Twilio peer in a process of its own): every number gets its SMS exactly once — an
SMS in doubt is looked up at the provider before any resend.

Push and email (the RFC 8291 push peer and an SMTP server): no message is lost. Neither
protocol lets us ask whether a message went out, so what was in flight at the kill may be
sent again — always with the same push Topic, notification id and email Message-ID, which
the push service, the service worker and mail providers use to show the citizen one
message. Push has up to DELIVERY_RECORD_EVERY messages in flight per kill; email, one
message on the wire at a time and each answer recorded before the next goes out, at most
one: the message the server was answering when the worker died.
"""

import asyncio
import email
import email.policy
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.factories import AlertFactory
from alerts.subscriptions.models import ContactPoint, Subscriber
from tests.peers.push import vapid_private_key
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


def _process_env(tmp_path) -> dict:
    """The environment of a worker process on this test's database."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "LUX_VAR_DIR": str(tmp_path),
    }


def _worker_env(peer, tmp_path):
    return {
        **_process_env(tmp_path),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM": "LUXresponse",
        "TWILIO_API_BASE_URL": f"http://127.0.0.1:{peer.port}",
        "TWILIO_TIMEOUT_SECONDS": "5",
        "DELIVERY_LEASE_SECONDS": "2",
        "DELIVERY_BATCH_SIZE": "200",
        "DELIVERY_RATE_SMS": "1000",
    }


def _wait_until_sending(channels, since, timeout: float = 60.0) -> None:
    """Until each channel has a message in flight claimed after `since` (the start of the
    workers: the rows a killed worker held stay "sending" until their lease runs out), or
    nothing left to send."""
    deadline = time.monotonic() + timeout
    claimed = Delivery.objects.filter(state="sending", updated_at__gte=since)
    while time.monotonic() < deadline:
        if all(
            claimed.filter(channel=channel).exists()
            or not Delivery.objects.filter(channel=channel, state="queued").exists()
            for channel in channels
        ):
            return
        time.sleep(0.02)


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
            started = timezone.now()
            worker = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
            # A random moment once the worker is sending (its start alone takes about 2 s,
            # more on a loaded machine: a fixed delay could land every kill before it).
            _wait_until_sending(("sms",), since=started)
            time.sleep(rng.uniform(0.1, 1.5))
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


RECORD_EVERY = 50


def test_sigkill_loses_no_push_or_email_and_resends_only_what_was_in_flight(
    tmp_path, push_peer, smtp_peer
):
    half = COUNT // 2
    accept = smtp_peer.handle_DATA

    async def accept_as_a_distant_relay(server, session, envelope):
        # A relay's 250 reaches the worker a few milliseconds after the relay took the
        # message (a local peer's at once): the email worker spends its time sending, not
        # waiting for its rate limit between slices, and many kills land while the relay
        # holds a message the worker has not recorded.
        answer = await accept(server, session, envelope)
        await asyncio.sleep(0.003)
        return answer

    smtp_peer.handle_DATA = accept_as_a_distant_relay
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="nl", audience="test") for _ in range(half)]
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s,
                channel="push",
                address=push_peer.endpoint(i),
                push_keys=push_peer.keys.keys_json(i),
                confirmed_at=now,
            )
            for i, s in enumerate(subscribers)
        ]
        + [
            ContactPoint(
                subscriber=s, channel="email", address=f"c{i}@example.org", confirmed_at=now
            )
            for i, s in enumerate(subscribers)
        ]
    )
    alert = AlertFactory(status="Exercise", state="sent", sent=timezone.now())
    assert ledger.ledger_create(alert) == COUNT
    env = {
        **_process_env(tmp_path),
        "VAPID_PRIVATE_KEY": vapid_private_key(),
        "EMAIL_HOST": smtp_peer.host,
        "EMAIL_PORT": str(smtp_peer.port),
        "EMAIL_USE_TLS": "false",
        "DELIVERY_LEASE_SECONDS": "2",
        "DELIVERY_BATCH_SIZE": "200",
        "DELIVERY_RECORD_EVERY": str(RECORD_EVERY),
        # slow enough that every kill lands in the middle of sending
        "DELIVERY_RATE_PUSH": "800",
        "DELIVERY_RATE_EMAIL": "600",
    }
    # one worker per channel, as the task queue runs them; both killed at the same moments
    commands = {
        channel: [sys.executable, "manage.py", "deliver", "--channels", channel]
        for channel in ("push", "email")
    }
    rng = random.Random(20261121)  # noqa: S311 - reproducible kill times
    kills, in_flight = 0, {"push": 0, "email": 0}
    for _ in range(5):
        started = timezone.now()
        workers = [
            subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
            for command in commands.values()
        ]
        # The kill lands at a random moment once both workers are sending: on a loaded
        # machine, starting Django alone can take longer than a fixed delay.
        _wait_until_sending(("push", "email"), since=started)
        time.sleep(rng.uniform(0.1, 1.0))
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        kills += 1
        for channel in in_flight:
            in_flight[channel] += Delivery.objects.filter(state="sending", channel=channel).count()
    final = subprocess.run(  # noqa: S603
        [*commands["push"][:-1], "push,email", "--until-idle"],
        cwd=settings.BASE_DIR,
        env=env,
        timeout=300,
    )
    assert final.returncode == 0
    assert in_flight["push"] > 0, "no kill landed while push messages were being sent"
    assert in_flight["email"] > 0, "no kill landed while emails were being sent"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}

    # push: every subscriber reached, every copy the same message of the same incident
    assert push_peer.errors == []
    copies: dict[int, set] = {}
    for item in push_peer.received:
        payload = json.loads(item.payload)
        copies.setdefault(item.subscriber, set()).add((item.headers.get("topic"), payload["id"]))
    assert sorted(copies) == list(range(half))
    assert all(len(kinds) == 1 for kinds in copies.values())
    assert {next(iter(k))[1] for k in copies.values()} == {alert.identifier}
    push_again = len(push_peer.received) - half

    # email: every address reached, every copy with the same Message-ID
    ids: dict[str, set] = {}
    copies = Counter()
    for received in smtp_peer.messages:
        message = email.message_from_bytes(received.data, policy=email.policy.default)
        for to in received.rcpt_tos:
            ids.setdefault(to, set()).add(message["Message-ID"])
            copies[to] += 1
    assert sorted(ids) == sorted(f"c{i}@example.org" for i in range(half))
    assert all(len(found) == 1 for found in ids.values())
    email_again = len(smtp_peer.messages) - half

    # only what was in flight at a kill went out twice: for push, the slice in flight;
    # for email, at most the one message the server was answering, per killed worker
    assert 0 <= push_again <= kills * RECORD_EVERY
    assert max(copies.values()) <= 2
    assert 0 <= sum(count == 2 for count in copies.values()) <= kills
    print(f"{kills} kills, rows in flight at them: {in_flight};", end=" ")
    print(f"sent again: {push_again} push, {email_again} email")


APPROVE_THEN_DIE = """
import os, signal
from django.contrib.auth import get_user_model
from django.db import transaction
from alerts import services
from alerts.models import Alert
from alerts.outgoing import alert_fingerprint
alert = Alert.objects.get(pk={alert})
approver = get_user_model().objects.get(pk={approver})
with transaction.atomic():
    # runs first of the commit hooks: the process dies before anything is handed over
    transaction.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
    services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
"""


def test_a_process_killed_right_after_the_approval_commits_loses_no_alert(tmp_path, smtp_peer):
    from alerts import services
    from alerts.factories import ApproverFactory

    count = 500
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="fr", audience="test") for _ in range(count)]
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s, channel="email", address=f"a{i}@example.org", confirmed_at=now
            )
            for i, s in enumerate(subscribers)
        ]
    )
    alert = AlertFactory(status="Exercise")
    services.alert_submit(alert=alert, user=alert.created_by)
    approver = ApproverFactory()
    env = {
        **_process_env(tmp_path),
        "EMAIL_HOST": smtp_peer.host,
        "EMAIL_PORT": str(smtp_peer.port),
        "EMAIL_USE_TLS": "false",
        "DELIVERY_STUCK_AFTER_SECONDS": "0",
    }

    def manage(*args, **kwargs):
        return subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, **kwargs
        )

    script = APPROVE_THEN_DIE.format(alert=alert.pk, approver=approver.pk)
    assert manage("shell", "-c", script, timeout=120).returncode == -signal.SIGKILL
    alert.refresh_from_db()
    assert alert.state == "sending"  # the approval committed ...
    assert Delivery.objects.count() == 0  # ... and nothing was handed over

    # what `make run` and production keep running: the periodic sweep and the workers
    assert manage("periodic", timeout=120).returncode == 0
    assert manage("deliver", "--channels", "email", "--until-idle", timeout=300).returncode == 0

    alert.refresh_from_db()
    assert alert.state == "sent"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    reached = sorted(to for m in smtp_peer.messages for to in m.rcpt_tos)
    assert reached == sorted(f"a{i}@example.org" for i in range(count))
