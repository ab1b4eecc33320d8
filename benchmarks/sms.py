"""SMS: our sender's concurrent batches (the Twilio SDK's own async client) against the
straightforward synchronous loop of `client.messages.create`, the call Twilio's own
quick-start shows. Past the provider's rate (DELIVERY_RATE_LIMITS["sms"]) speed buys
nothing: the target is to beat the loop and keep ten times that rate.

Both send to the same Twilio peer, running in a process of its own, which records every
message it accepts; each message goes to its own number, so the peer's count of distinct
numbers and distinct SIDs shows that every message was accepted exactly once.
"""

import logging
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from alerts.channels.base import Message
from alerts.channels.sms import TwilioSMSChannel
from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN

from .report import Figure

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "ALERTE Bruxelles: inondation. Montez a l'etage, coupez l'electricite, "
    "ne prenez pas la voiture. Infos: lux-response.brussels/a/42"
)
BATCH = 500


class PeerProcess:
    def __init__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.peers.twilio", "--port", "0"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.process.stdout.readline())
        self.base_url = f"http://127.0.0.1:{self.port}"

    def stats(self) -> list[int]:
        """accepted, distinct SIDs, distinct numbers, requests, most connections at once"""
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        return [int(x) for x in self.process.stdout.readline().split()]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(10)


def _number(i: int) -> str:
    return f"+32470{i:06d}"


def run(count: int = 12000, reference_count: int = 3000) -> Figure:
    # The SDK logs every request at INFO and the dev settings print it: that would measure
    # the console. Quiet for both sides.
    logging.getLogger("twilio").setLevel(logging.WARNING)
    # Reference: one synchronous create per message, on one kept-alive requests session.
    peer = PeerProcess()
    http_client = TwilioHttpClient(timeout=10)
    http_client.session.trust_env = False
    client = Client(ACCOUNT_SID, AUTH_TOKEN, http_client=http_client)
    client.api.base_url = peer.base_url
    started = time.perf_counter()
    for i in range(reference_count):
        client.messages.create(to=_number(i), from_="LUXresponse", body=TEXT)
    reference = reference_count / (time.perf_counter() - started)
    accepted, sids, numbers, _requests, _connections = peer.stats()
    assert accepted == sids == numbers == reference_count, (accepted, sids, numbers)
    peer.close()

    # Ours: the batches a delivery worker sends, on one channel.
    peer = PeerProcess()
    channel = TwilioSMSChannel(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        messaging_service_sid="",
        sender="LUXresponse",
        base_url=peer.base_url,
        status_callback="",
        timeout=10,
    )
    messages = [
        Message(channel="sms", address=_number(i), text=TEXT, ttl=3600) for i in range(count)
    ]
    started = time.perf_counter()
    results = []
    for start in range(0, count, BATCH):
        results += channel.send_many(messages[start : start + BATCH])
    ours = count / (time.perf_counter() - started)
    channel.close()
    accepted, sids, numbers, requests, connections = peer.stats()
    peer.close()
    sent = sum(r.outcome == "sent" for r in results)
    once = sent == accepted == sids == numbers == requests == count
    provider_rate = settings.DELIVERY_RATE_LIMITS["sms"]
    return Figure(
        name="SMS (Twilio)",
        ours=ours,
        reference=reference,
        unit="msg/s",
        # The SDK's own async client: past the provider's rate, speed buys nothing, so the
        # target is to beat the synchronous loop and keep ten times the account's rate.
        target=f"> reference and ≥ 10× the provider rate ({10 * provider_rate:,} msg/s)",
        met=once and ours > reference and ours >= 10 * provider_rate,
        detail=(
            f"{count:,} messages in batches of {BATCH} (reference: {reference_count:,}, "
            "synchronous `client.messages.create` on a kept-alive session); "
            f"the peer accepted {accepted:,} messages, {sids:,} distinct SIDs to {numbers:,} "
            f"distinct numbers from {requests:,} requests: each exactly once. "
            f"{channel.concurrency} requests in flight at most, {connections} connections "
            "open at once at the peer."
        ),
    )
