"""Web push: our sender against the straightforward pywebpush.webpush() loop.

Both send to the same push peer, running in a process of its own, which records the
encrypted bodies during the timed window and decrypts every one of them afterwards with
the subscriber's private key: a payload that does not decrypt fails the benchmark.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import requests
from pywebpush import webpush

from alerts.channels.base import Message
from alerts.channels.push import PushChannel
from tests.peers.push import SubscriberKeys
from tests.peers.push import vapid_private_key as _vapid_key

from .report import Figure

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = {
    "title": "ALERTE · Inondation",
    "body": "Montez à l'étage, coupez l'électricité au compteur, ne prenez pas la voiture.",
    "url": "/fr/alerts/be-bru-2026-0042/",
    "tag": "be-bru-2026-0042",
}


class PeerProcess:
    def __init__(self, seed: int):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.peers.push", "--seed", str(seed), "--defer-decrypt"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.process.stdout.readline())

    def ask(self, command: str) -> list[int]:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return [int(x) for x in self.process.stdout.readline().split()]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(10)


def run(count: int = 4000) -> Figure:
    keys = SubscriberKeys(seed=11)
    private_key = _vapid_key()
    claims_subject = "mailto:ops@example.invalid"
    data = json.dumps(PAYLOAD)

    # Reference: the straightforward call, one signed VAPID token and one request each.
    peer = PeerProcess(seed=11)
    subs = [
        {"endpoint": f"http://127.0.0.1:{peer.port}/push/{i}", "keys": keys.keys_json(i)}
        for i in range(count)
    ]
    session = requests.Session()
    half = count // 2
    started = time.perf_counter()
    for sub in subs[:half]:
        webpush(
            sub,
            data,
            vapid_private_key=private_key,
            vapid_claims={"sub": claims_subject},
            requests_session=session,
            ttl=3600,
        )
    reference = half / (time.perf_counter() - started)
    received, distinct, failures_ref = peer.ask("verify")
    assert received == half and failures_ref == 0, (received, failures_ref)
    peer.close()

    # Ours.
    peer = PeerProcess(seed=11)
    channel = PushChannel(vapid_private_key=private_key, vapid_subject=claims_subject)
    messages = [
        Message(
            channel="push",
            text="",
            payload=PAYLOAD,
            ttl=3600,
            urgency="high",
            topic="be-bru-2026-0042",
            address=json.dumps(
                {"endpoint": f"http://127.0.0.1:{peer.port}/push/{i}", "keys": keys.keys_json(i)}
            ),
        )
        for i in range(count)
    ]
    started = time.perf_counter()
    results = []
    for start in range(0, count, 1000):  # the batches a delivery worker sends
        results += channel.send_many(messages[start : start + 1000])
    ours = count / (time.perf_counter() - started)
    channel.close()
    received, distinct, failures = peer.ask("verify")
    peer.close()
    ok = all(r.outcome == "sent" for r in results) and received == count == distinct
    return Figure(
        name="Web push",
        ours=ours,
        reference=reference,
        unit="msg/s",
        target="≥ 3× reference",
        met=ok and failures == 0 and ours >= 3 * reference,
        detail=(
            f"{count:,} messages (reference: {half:,}); every payload decrypted by the peer "
            f"with the subscriber's key ({received:,} received, {failures} failures). "
            f"VAPID signatures: {channel.signer.signatures} for ours, one per message for "
            "the reference."
        ),
    )
