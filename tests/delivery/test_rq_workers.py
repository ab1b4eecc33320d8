"""Scale-out: the RQ backend on the real Redis, two worker processes on the real
PostgreSQL sharing one fan-out. Claims use FOR UPDATE SKIP LOCKED, so each message goes
out once."""

import os
import subprocess
import sys

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from alerts.delivery.models import Delivery
from alerts.factories import AlertFactory
from alerts.subscriptions.models import ContactPoint, Subscriber

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNT = 2_000
REDIS_URL = "redis://127.0.0.1:6379/13"


def _env(tmp_path, vapid_key):
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "LUX_VAR_DIR": str(tmp_path),
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "VAPID_PRIVATE_KEY": vapid_key,
        "DELIVERY_BATCH_SIZE": "100",
        "DELIVERY_RATE_PUSH": "0",
    }


def _manage(env, *arguments, timeout=180):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_two_rq_workers_share_a_fan_out_and_send_each_message_once(tmp_path, push_peer):
    from tests.peers.push import vapid_private_key

    redis.Redis.from_url(REDIS_URL).flushdb()
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="nl", audience="test") for _ in range(COUNT)]
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s,
                channel="push",
                confirmed_at=now,
                address=push_peer.endpoint(i),
                push_keys=push_peer.keys.keys_json(i),
            )
            for i, s in enumerate(subscribers)
        ]
    )
    alert = AlertFactory(status="Exercise", state="sending")
    env = _env(tmp_path, vapid_private_key())

    # the approval's hand-over, through the RQ backend into Redis
    enqueued = _manage(
        env,
        "shell",
        "-c",
        f"from alerts.tasks import dispatch_alert; dispatch_alert.enqueue({alert.pk})",
    )
    assert enqueued.returncode == 0, enqueued.stderr
    assert redis.Redis.from_url(REDIS_URL).llen("rq:queue:urgent") == 1

    worker = [
        sys.executable,
        "manage.py",
        "rqworker",
        "urgent",
        "--burst",
        "--job-class",
        "django_tasks_rq.Job",
    ]
    # the first worker dispatches (ledger + one sender task); a second sender task is
    # queued so that two workers claim from the same ledger at the same time
    first = _manage(env, *worker[2:], timeout=300)
    assert first.returncode == 0, first.stderr
    Delivery.objects.update(state="queued", provider_id="", sent_at=None)  # send again, shared
    push_peer.received.clear()
    _manage(
        env,
        "shell",
        "-c",
        "from alerts.delivery.tasks import deliver_channel\n"
        "deliver_channel.enqueue('push'); deliver_channel.enqueue('push')",
    )
    workers = [
        subprocess.Popen(
            worker,
            cwd=settings.BASE_DIR,
            env=env,  # noqa: S603
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=300)[0] for w in workers]

    alert.refresh_from_db()
    assert alert.state == "sent"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    subscribers_reached = sorted(r.subscriber for r in push_peer.received)
    assert subscribers_reached == list(range(COUNT)), "a message was lost or sent twice"
    assert all("deliver_channel" in out for out in outputs), "one worker did nothing"
