"""Email: our sender's batches on one SMTP connection against Django's everyday call,
`EmailMultiAlternatives(...).send()`, which opens (and for STARTTLS negotiates) a new
connection for each message.

Both send the same message (text + HTML, List-Unsubscribe headers) to the same aiosmtpd
peer in a process of its own. The figure is with STARTTLS, the client verifying the peer's
self-signed certificate through a bundle of the system's CAs plus that certificate
(SSL_CERT_FILE), as a production client loads the system's CAs; the plain pair is reported
as detail. The peer counts the messages, how many arrived over TLS, and its connections.

Also as detail, the path a fan-out takes: `delivery_send_batch` over LEDGER_COUNT ledger
rows (the project's database: SQLite by default, PostgreSQL with DATABASE_URL), without
the rate limit, to the plain peer, each answer recorded before the next email goes out (at
most one email in doubt after a crash), against the same with the answers recorded by
slices of DELIVERY_RECORD_EVERY (as push and SMS record), alternated, two passes each. Its
rows and subscribers are deleted afterwards.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.utils import timezone

from alerts.channels.base import Message
from alerts.channels.email import EmailChannel
from alerts.delivery import ledger
from alerts.delivery.messages import MessageBuilder
from alerts.delivery.models import Delivery
from alerts.delivery.services import delivery_send_batch
from alerts.factories import AlertFactory
from alerts.subscriptions.models import ContactPoint, Subscriber
from tests.peers.smtp import make_certificate, trust_bundle

from .report import Figure

NEEDS_DATABASE = True

ROOT = Path(__file__).resolve().parent.parent
SUBJECT = "ALERTE · Inondation à Bruxelles"
TEXT = "Montez à l'étage, coupez l'électricité au compteur, ne prenez pas la voiture.\n" * 6
HTML = f"<html><body><h1>{SUBJECT}</h1><p>{TEXT}</p></body></html>"
BATCH = 200
LEDGER_COUNT = 2000


def _headers(i: int) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<https://lux-response.brussels/u/{i}/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


class PeerProcess:
    def __init__(self, tls_dir: Path | None):
        command = [sys.executable, "-m", "tests.peers.smtp", "--port", "0"]
        if tls_dir is not None:
            command += ["--tls", str(tls_dir)]
        self.process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.port = int(self.process.stdout.readline())

    def stats(self) -> list[int]:
        """messages, messages over TLS, connections"""
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        return [int(x) for x in self.process.stdout.readline().split()]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(10)


def _point_at(port: int, tls: bool):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = tls
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10


def _reference(tls_dir: Path | None, count: int) -> tuple[float, list[int]]:
    peer = PeerProcess(tls_dir)
    _point_at(peer.port, tls_dir is not None)
    started = time.perf_counter()
    for i in range(count):
        email = EmailMultiAlternatives(
            subject=SUBJECT,
            body=TEXT,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[f"ref{i}@example.invalid"],
            headers=_headers(i),
        )
        email.attach_alternative(HTML, "text/html")
        email.send()
    rate = count / (time.perf_counter() - started)
    stats = peer.stats()
    peer.close()
    return rate, stats


def _ours(tls_dir: Path | None, count: int) -> tuple[float, list[int], int]:
    peer = PeerProcess(tls_dir)
    _point_at(peer.port, tls_dir is not None)
    channel = EmailChannel()
    messages = [
        Message(
            channel="email",
            address=f"p{i}@example.invalid",
            subject=SUBJECT,
            text=TEXT,
            html=HTML,
            headers=_headers(i),
            reference=f"bench-{i}",
        )
        for i in range(count)
    ]
    started = time.perf_counter()
    results = []
    for start in range(0, count, BATCH):
        results += channel.send_many(messages[start : start + BATCH])
    rate = count / (time.perf_counter() - started)
    stats = peer.stats()
    peer.close()
    return rate, stats, sum(r.outcome == "sent" for r in results)


def _ledger_pass(peer: PeerProcess, recording_each: bool) -> tuple[float, int, int]:
    """One alert's ledger to the test audience, sent by `delivery_send_batch` until none
    is left: (msg/s, rows sent, messages the peer received)."""
    alert = AlertFactory(status="Exercise", state="sent", sent=timezone.now())
    ledger.ledger_create(alert)
    channel = EmailChannel()
    # an instance attribute: the same channel, its answers taken a slice at a time
    channel.reports_each_answer = recording_each
    builder = MessageBuilder()
    before = peer.stats()[0]
    started = time.perf_counter()
    while delivery_send_batch(channel_name="email", channel=channel, builder=builder):
        pass
    elapsed = time.perf_counter() - started
    sent = Delivery.objects.filter(alert=alert, state="sent").count()
    return sent / elapsed, sent, peer.stats()[0] - before


def _through_the_ledger(count: int) -> dict:
    peer = PeerProcess(None)
    _point_at(peer.port, tls=False)
    saved_limits = settings.DELIVERY_RATE_LIMITS
    settings.DELIVERY_RATE_LIMITS = {**saved_limits, "email": 0}
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language="fr", audience="test") for _ in range(count)], batch_size=1000
    )
    now = timezone.now()
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s, channel="email", address=f"l{i}@example.invalid", confirmed_at=now
            )
            for i, s in enumerate(subscribers)
        ],
        batch_size=1000,
    )
    passes = {True: [], False: []}
    try:
        for recording_each in (True, False, True, False):
            passes[recording_each].append(_ledger_pass(peer, recording_each))
    finally:
        settings.DELIVERY_RATE_LIMITS = saved_limits
        peer.close()
        points = ContactPoint.objects.filter(subscriber__in=subscribers)
        Delivery.objects.filter(contact_point__in=points).delete()
        Subscriber.objects.filter(pk__in=[s.pk for s in subscribers]).delete()
    return {
        "each": max(rate for rate, _sent, _received in passes[True]),
        "slices": max(rate for rate, _sent, _received in passes[False]),
        "ok": all(
            sent == received == count for rate, sent, received in passes[True] + passes[False]
        ),
    }


def run(count: int = 4000, reference_count: int = 300) -> Figure:
    saved = {k: os.environ.get(k) for k in ("SSL_CERT_FILE",)}
    with tempfile.TemporaryDirectory() as directory:
        tls_dir = Path(directory)
        cert_path, _key_path = make_certificate(tls_dir)
        os.environ["SSL_CERT_FILE"] = str(trust_bundle(cert_path, tls_dir))
        try:
            reference, ref_stats = _reference(tls_dir, reference_count)
            ours, our_stats, sent = _ours(tls_dir, count)
            plain_reference, plain_ref_stats = _reference(None, reference_count * 2)
            plain_ours, plain_stats, plain_sent = _ours(None, count)
            through = _through_the_ledger(LEDGER_COUNT)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    batches = -(-count // BATCH)
    ok = (
        ref_stats == [reference_count, reference_count, reference_count]
        and our_stats == [count, count, batches]
        and sent == count
        and plain_sent == count == plain_stats[0]
        and plain_ref_stats[0] == reference_count * 2
        and through["ok"]
    )
    return Figure(
        name="Email (SMTP, STARTTLS)",
        ours=ours,
        reference=reference,
        unit="msg/s",
        target="≥ 10× reference",
        met=ok and ours >= 10 * reference,
        detail=(
            f"{count:,} messages in batches of {BATCH}, one connection each "
            f"(reference: {reference_count:,}, one connection per message); the peer "
            f"received {our_stats[0]:,} messages, {our_stats[1]:,} over TLS, on "
            f"{our_stats[2]} connections (reference: {ref_stats[0]} messages, "
            f"{ref_stats[1]} over TLS, on {ref_stats[2]} connections). "
            f"Without TLS: ours {plain_ours:,.0f} msg/s, reference {plain_reference:,.0f} "
            f"msg/s ({plain_ours / plain_reference:.1f}×, {plain_stats[2]} connections for "
            f"{plain_stats[0]:,} messages, reference {plain_ref_stats[2]} for "
            f"{plain_ref_stats[0]:,}). "
            f"Through the ledger (`delivery_send_batch`, {LEDGER_COUNT:,} rows on "
            f"{connection.vendor}, no rate limit, plain): {through['each']:,.0f} msg/s with "
            f"each answer recorded before the next email (at most one in doubt after a "
            f"crash), {through['slices']:,.0f} msg/s with the answers recorded by slices of "
            f"{settings.DELIVERY_RECORD_EVERY} (best of two passes each, alternated)."
        ),
    )
