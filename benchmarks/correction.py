"""Sent in error: from one approver's click to a correction received by all 10,000 contacts
an incident reached, over push, SMS and email at once.

Set-up (untimed): 10,000 confirmed contact points in one commune (3,334 push with keys from
tests.peers.push.SubscriberKeys, 3,333 SMS numbers, 3,333 email addresses; subscribers in
FR, NL and EN, created with bulk_create). An original Actual alert is submitted and
approved through the services; its dispatch (the task the approval queued, run here before
any worker is up) fills its ledger, and its 10,000 rows are then marked sent directly: the
incident has reached them. The peers run in processes of their own: the push peer
decrypting every payload with its subscriber's key, the Twilio peer, the SMTP peer with
STARTTLS (the client trusts its certificate through SSL_CERT_FILE, as in the email suite).
The workers are started as production runs them, `manage.py db_worker --queue-name urgent`
(the queue of both the dispatch task and the channel senders, portal/task_options.py),
with the delivery settings pointing at the peers, the production rate limits (SMS 100/s,
email 200/s, push unlimited) shared through Redis as in production, and are idle before
the click. PostgreSQL, as in production: several workers claim from the ledger at once
(FOR UPDATE SKIP LOCKED); SQLite, which the one-worker end-to-end suite uses, lets one
writer in at a time. Just before the click, another incident's Severe alert puts 10,000
queued rows in the ledger, to the same people, with no sender started for them yet.

Clock: from the call of `services.alert_cancel_fast_track(kind=CORRECTION)` (the "Sent in
error" click) to the moment every correction ledger row is sent, with the peers' counts
taken at that moment. The run then waits for the Severe rows too, and checks that the peers
received exactly what the ledger says was sent, and in which order the two alerts went.

Reference: the straightforward loop, one provider call per contact (pywebpush.webpush() on
a requests.Session; twilio's synchronous `messages.create`; Django's
`EmailMultiAlternatives.send()`, a new STARTTLS connection per message), with no queue,
ledger or rate limit, timed on a sample of each channel in the same run and extrapolated to
3,334 + 3,333 + 3,333 messages sent one after the other.
"""

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from pywebpush import webpush
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from alerts import services
from alerts.delivery.ledger import ledger_fill
from alerts.delivery.models import Delivery, DeliveryState
from alerts.dispatch import alert_dispatch
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory
from alerts.models import Alert, AlertAction, AlertEvent, AlertState, FastTrackKind
from alerts.outgoing import alert_fingerprint
from alerts.subscriptions.models import ContactPoint, Place, Subscriber
from tests.peers.push import SubscriberKeys
from tests.peers.push import vapid_private_key as _vapid_key
from tests.peers.smtp import make_certificate, trust_bundle
from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN

from .email import PeerProcess as SMTPPeer
from .end_to_end import DecryptingPeer
from .report import Figure
from .sms import PeerProcess as TwilioPeer

NEEDS_DATABASE = True
ROOT = Path(__file__).resolve().parent.parent
SPLIT = {"push": 3334, "sms": 3333, "email": 3333}
COUNT = sum(SPLIT.values())
COMMUNE = "21004"
LANGUAGES = ("fr", "nl", "en")
# One urgent worker per channel, so the three channels go out at once (docs/deployment.md:
# "give `urgent` workers of their own" for a large fan-out).
WORKERS = 3
CACHE_URL = os.environ.get("BENCH_CORRECTION_CACHE_URL", "redis://127.0.0.1:6379/13")
SAMPLE = {"push": 1000, "sms": 1000, "email": 150}
TARGET_SECONDS = 60


def _sms_number(i: int) -> str:
    return f"+32470{i:06d}"


def _email_address(i: int) -> str:
    return f"c{i}@example.invalid"


def _push_endpoint(port: int, i: int) -> str:
    return f"http://127.0.0.1:{port}/push/{i}"


def _contacts(push_port: int, keys: SubscriberKeys) -> None:
    """10,000 subscribers watching one commune, one confirmed contact point each."""
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language=LANGUAGES[i % 3], audience="public") for i in range(COUNT)],
        batch_size=2000,
    )
    places = Place.objects.bulk_create(
        [Place(subscriber=s, label="Home") for s in subscribers], batch_size=2000
    )
    through = Place.communes.through
    through.objects.bulk_create(
        [through(place_id=p.pk, commune_id=COMMUNE) for p in places], batch_size=2000
    )
    now = timezone.now()
    points = []
    for i, subscriber in enumerate(subscribers):
        if i < SPLIT["push"]:
            point = ContactPoint(
                channel="push",
                address=_push_endpoint(push_port, i),
                push_keys=keys.keys_json(i),
            )
        elif i < SPLIT["push"] + SPLIT["sms"]:
            point = ContactPoint(channel="sms", address=_sms_number(i))
        else:
            point = ContactPoint(channel="email", address=_email_address(i))
        point.subscriber, point.confirmed_at = subscriber, now
        points.append(point)
    ContactPoint.objects.bulk_create(points, batch_size=2000)


def _reached_incident(author, approver):
    """An Actual alert approved through the services, its ledger filled by its dispatch,
    its 10,000 rows then marked sent."""
    original = AlertFactory(created_by=author, severity="Extreme", area=[COMMUNE])
    services.alert_submit(alert=original, user=author)
    shown = Alert.objects.get(pk=original.pk)
    services.alert_approve(alert=shown, user=approver, fingerprint=alert_fingerprint(shown))
    alert_dispatch(alert_id=original.pk)  # what its queued dispatch task does
    now = timezone.now()
    marked = Delivery.objects.filter(alert=original).update(
        state=DeliveryState.SENT, attempts=1, sent_at=now, updated_at=now
    )
    assert marked == COUNT, marked
    return Alert.objects.get(pk=original.pk)


def _other_incident(author):
    """A Severe alert of another incident to the same people: 10,000 queued rows."""
    other = AlertFactory(
        created_by=author,
        severity="Severe",
        category="Met",
        event="Storm",
        area=[COMMUNE],
        state=AlertState.SENT,
        sent=timezone.now().replace(microsecond=0),
    )
    created = ledger_fill(other)
    assert created == COUNT, created
    return other


def _worker_env(private_key: str, twilio: TwilioPeer, smtp: SMTPPeer, bundle: Path) -> dict:
    return {
        **os.environ,
        "VAPID_PRIVATE_KEY": private_key,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_API_BASE_URL": twilio.base_url,
        "TWILIO_STATUS_CALLBACK_URL": "",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "true",
        "SSL_CERT_FILE": str(bundle),
        "CACHE_URL": CACHE_URL,
    }


def _start_workers(env: dict, count: int) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name",
                "urgent",
                "--no-startup-delay",
                "--no-reload",  # the dev settings' DEBUG would turn reloading on
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def _wait_idle(deadline: float) -> None:
    """Until the workers have run what the original's approval and dispatch queued."""
    from django_tasks_db.models import DBTaskResult

    while time.monotonic() < deadline:
        if not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
            return
        time.sleep(0.2)
    raise RuntimeError("the workers did not empty the queue")


class Peers:
    def __init__(self, tls_dir: Path):
        self.push = DecryptingPeer(seed=31)
        self.twilio = TwilioPeer()
        self.smtp = SMTPPeer(tls_dir)

    def counts(self) -> dict[str, int]:
        received, errors = self.push.ask("count")
        accepted, _sids, _numbers, _requests, _connections = self.twilio.stats()
        messages, _tls, _sessions = self.smtp.stats()
        return {"push": received, "sms": accepted, "email": messages, "push_errors": errors}

    def close(self) -> None:
        for peer in (self.push, self.twilio, self.smtp):
            peer.close()


def _reference(peers: Peers, keys: SubscriberKeys, private_key: str) -> dict[str, float]:
    """Seconds per message of the straightforward loop, per channel, on a sample."""
    per_message = {}
    session = requests.Session()
    payload = json.dumps({"title": "Alerte envoyée par erreur", "body": "Ignorez l'alerte."})
    started = time.perf_counter()
    for i in range(SAMPLE["push"]):
        webpush(
            {"endpoint": _push_endpoint(peers.push.port, i), "keys": keys.keys_json(i)},
            payload,
            vapid_private_key=private_key,
            vapid_claims={"sub": "mailto:ops@example.invalid"},
            requests_session=session,
            ttl=3600,
        )
    per_message["push"] = (time.perf_counter() - started) / SAMPLE["push"]

    logging.getLogger("twilio").setLevel(logging.WARNING)  # as in the SMS suite
    http_client = TwilioHttpClient(timeout=10)
    http_client.session.trust_env = False
    client = Client(ACCOUNT_SID, AUTH_TOKEN, http_client=http_client)
    client.api.base_url = peers.twilio.base_url
    started = time.perf_counter()
    for i in range(SAMPLE["sms"]):
        client.messages.create(
            to=_sms_number(SPLIT["push"] + i), from_="LUXresponse", body="Alerte envoyee par erreur"
        )
    per_message["sms"] = (time.perf_counter() - started) / SAMPLE["sms"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", peers.smtp.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = True, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    started = time.perf_counter()
    for i in range(SAMPLE["email"]):
        email = EmailMultiAlternatives(
            subject="Alerte envoyée par erreur",
            body="Ignorez l'alerte précédente.",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[_email_address(SPLIT["push"] + SPLIT["sms"] + i)],
        )
        email.attach_alternative("<p>Ignorez l'alerte précédente.</p>", "text/html")
        email.send()
    per_message["email"] = (time.perf_counter() - started) / SAMPLE["email"]
    return per_message


def _window(rows, t0) -> tuple[float, float] | None:
    times = [(at - t0).total_seconds() for at in rows if at is not None]
    return (min(times), max(times)) if times else None


def _timeline(correction, other, t0) -> dict:
    """Per channel: when each alert's rows were sent (s after the click), and how many rows
    of the other alert went before the correction's last."""
    out = {}
    for channel in SPLIT:
        ours = Delivery.objects.filter(alert=correction, channel=channel)
        theirs = Delivery.objects.filter(alert=other, channel=channel)
        last_ours = max(ours.values_list("sent_at", flat=True))
        out[channel] = {
            "correction": _window(ours.values_list("sent_at", flat=True), t0),
            "other": _window(theirs.values_list("sent_at", flat=True), t0),
            "other_before": theirs.filter(sent_at__lt=last_ours).count(),
            "other_same_write": theirs.filter(sent_at=last_ours).count(),
        }
    return out


def _tasks(t0) -> list[str]:
    """The tasks the click started, in order, with when they ran (s after the click)."""
    from django_tasks_db.models import DBTaskResult

    lines = []
    for task in DBTaskResult.objects.filter(enqueued_at__gte=t0).order_by("enqueued_at"):
        name = task.task_path.rsplit(".", 1)[-1]
        arguments = ",".join(str(a) for a in task.args_kwargs.get("args", []))
        if name == "dispatch_alert":
            arguments = ""
        started = (task.started_at - t0).total_seconds() if task.started_at else None
        finished = (task.finished_at - t0).total_seconds() if task.finished_at else None
        lines.append(
            f"{name}({arguments}) "
            + (f"{started:.2f}–{finished:.2f} s" if finished is not None else task.status)
        )
    return lines


PRODUCTION_RATES = {"push": 0, "sms": 100, "email": 200}  # portal/settings/base.py


def _rates() -> str:
    limits = settings.DELIVERY_RATE_LIMITS
    floor = max((SPLIT[c] / limits[c] for c in SPLIT if limits.get(c)), default=0)
    named = ", ".join(f"{c} {limits[c]}/s" if limits.get(c) else f"{c} unlimited" for c in SPLIT)
    default = " (the production defaults)" if limits == PRODUCTION_RATES else ""
    return f"rate limits {named}{default}" + (
        f": at least {floor:.1f} s for the slowest channel" if floor else ""
    )


def run(workers: int = WORKERS) -> Figure:
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()  # this suite's own database: rate counters
    private_key = _vapid_key()
    keys = SubscriberKeys(seed=31)
    tls_dir = Path(tempfile.mkdtemp(prefix="lux-bench-correction-"))
    cert_path, _key_path = make_certificate(tls_dir)
    bundle = trust_bundle(cert_path, tls_dir)
    os.environ["SSL_CERT_FILE"] = str(bundle)  # the reference's client trusts the peer too
    peers = Peers(tls_dir)
    processes = []
    try:
        started = time.perf_counter()
        _contacts(peers.push.port, keys)
        author, approver, on_duty = AuthorFactory(), ApproverFactory(), ApproverFactory()
        original = _reached_incident(author, approver)
        setup_seconds = time.perf_counter() - started

        per_message = _reference(peers, keys, private_key)
        reference_seconds = sum(per_message[channel] * n for channel, n in SPLIT.items())
        before = peers.counts()

        processes = _start_workers(
            _worker_env(private_key, peers.twilio, peers.smtp, bundle), workers
        )
        time.sleep(3)  # up and polling, as in production before anyone clicks
        _wait_idle(time.monotonic() + 60)
        other = _other_incident(author)

        t0 = timezone.now()
        started = time.perf_counter()
        correction = services.alert_cancel_fast_track(
            original=original,
            user=on_duty,
            reason="Sent in error: wrong incident chosen",
            kind=FastTrackKind.CORRECTION,
        )
        click_seconds = time.perf_counter() - started
        rows = Delivery.objects.filter(alert=correction)
        deadline = started + 300
        while time.perf_counter() < deadline:
            if rows.filter(state=DeliveryState.SENT).count() == COUNT:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        at_stop = peers.counts()
        other_sent_at_stop = {
            channel: Delivery.objects.filter(
                alert=other, channel=channel, state=DeliveryState.SENT
            ).count()
            for channel in SPLIT
        }

        # The other alert's rows, then the peers against the ledger.
        others = Delivery.objects.filter(alert=other)
        while time.perf_counter() < deadline:
            if not others.filter(state__in=[DeliveryState.QUEUED, DeliveryState.SENDING]).exists():
                break
            time.sleep(0.2)
        total_seconds = time.perf_counter() - started
    finally:
        for worker in processes:
            worker.terminate()
        for worker in processes:
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                worker.kill()
    after = peers.counts()
    peers.close()

    sent = {
        channel: rows.filter(channel=channel, state=DeliveryState.SENT).count() for channel in SPLIT
    }
    other_sent = {
        channel: others.filter(channel=channel, state=DeliveryState.SENT).count()
        for channel in SPLIT
    }
    received = {channel: after[channel] - before[channel] for channel in SPLIT}
    received_at_stop = {channel: at_stop[channel] - before[channel] for channel in SPLIT}
    timeline = _timeline(correction, other, t0)
    dispatched = AlertEvent.objects.get(alert=correction, action=AlertAction.SENT)
    dispatch_seconds = (dispatched.created_at - t0).total_seconds()
    tasks = _tasks(t0)
    peers_match = all(received[c] == sent[c] + other_sent[c] for c in SPLIT)
    in_order = all(timeline[c]["other_before"] == 0 for c in SPLIT)
    ok = (
        sum(sent.values()) == COUNT
        and all(received_at_stop[c] >= sent[c] for c in SPLIT)
        and peers_match
        and after["push_errors"] == 0
    )

    def window(channel, key):
        span = timeline[channel][key]
        return f"{span[0]:.2f}–{span[1]:.2f} s" if span else "never"

    channels = "; ".join(
        f"{c}: the correction's {sent[c]:,} at {window(c, 'correction')}, the Severe "
        f"alert's {other_sent[c]:,} at {window(c, 'other')} ({timeline[c]['other_before']} "
        f"before the correction's last; {timeline[c]['other_same_write']} in the batch that "
        "carried the correction's last rows, taken after them)"
        for c in SPLIT
    )
    plural = "es" if workers > 1 else ""
    return Figure(
        name=f"Sent-in-error correction to 10,000 contacts (push, SMS, email), {workers} "
        f"urgent worker{'s' if workers > 1 else ''}",
        ours=COUNT / elapsed,
        reference=COUNT / reference_seconds,
        unit="msg/s",
        target=f"all 10,000 corrections sent and received ≤ {TARGET_SECONDS} s after the click",
        met=ok and elapsed <= TARGET_SECONDS,
        detail=(
            f"From the approver's click (`alert_cancel_fast_track`, kind correction, "
            f"{click_seconds * 1000:.0f} ms) to the last of the {sum(sent.values()):,} "
            f"correction rows sent: {elapsed:.2f} s. {workers} `db_worker --queue-name "
            f"urgent` process{plural} on {_vendor()}, {_rates()}; idle before "
            f"the click, with 10,000 rows of another incident's Severe alert queued in the "
            f"ledger for the same people. The dispatch had filled the correction's ledger "
            f"and marked it sent {dispatch_seconds:.2f} s after the click. Sent, in seconds "
            f"after the click, per channel: {channels}. Tasks the click started: "
            f"{'; '.join(tasks)}. Peers when the last correction row was sent: push "
            f"{received_at_stop['push']:,}, SMS {received_at_stop['sms']:,}, email "
            f"{received_at_stop['email']:,} received (the correction's plus the Severe rows "
            f"sent by then: {other_sent_at_stop['push']:,}, {other_sent_at_stop['sms']:,}, "
            f"{other_sent_at_stop['email']:,}); at the end ({total_seconds:.1f} s): push "
            f"{received['push']:,} decrypted ({after['push_errors']} failures), SMS "
            f"{received['sms']:,} accepted, email {received['email']:,} over STARTTLS, "
            f"{'exactly' if peers_match else 'NOT'} the rows the ledger marks sent for both "
            f"alerts. Every correction row claimed before any Severe row, on every channel: "
            f"{'yes' if in_order else '**no**'}. The original alert was approved through the "
            f"services and its ledger filled by its dispatch, its rows then marked sent "
            f"directly (set-up {setup_seconds:.1f} s, untimed). Reference: the "
            f"straightforward loop, one provider call per message, no queue and no rate "
            f"limit: {per_message['push'] * 1000:.2f} ms per push, "
            f"{per_message['sms'] * 1000:.2f} ms per SMS, {per_message['email'] * 1000:.1f} "
            f"ms per email (a STARTTLS connection each), timed on "
            f"{SAMPLE['push']:,}/{SAMPLE['sms']:,}/{SAMPLE['email']:,} of them and "
            f"extrapolated: {reference_seconds:.1f} s for the 10,000, one after the other."
        ),
    )


def _vendor() -> str:
    from django.db import connection

    return {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[connection.vendor]
