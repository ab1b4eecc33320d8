"""A web push service on loopback that decrypts every RFC 8291 payload it receives.

Subscribers are numbered; subscriber i's P-256 key and auth secret are derived from a seed,
so the sender side (fixtures, benchmarks) and this peer agree without sharing state.
The peer speaks plain HTTP/1.1 with keep-alive on an asyncio server (in a thread, or in a
process of its own: `python -m tests.peers.push --seed S`), records what it decrypted, and
can be told to answer some requests with errors (`respond` hook).

    peer = PushPeer(seed=1).start()
    sub = peer.subscription(7)   # the JSON a browser would POST
    ...
    peer.received[0].payload     # the decrypted bytes
"""

import argparse
import asyncio
import base64
import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.peers.http_requests import RequestProtocol

_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SubscriberKeys:
    """Deterministic subscriber keys: the same (seed, i) always gives the same keys."""

    def __init__(self, seed: int):
        self.seed = seed
        self._cache: dict[int, tuple[ec.EllipticCurvePrivateKey, bytes]] = {}

    def private(self, i: int) -> tuple[ec.EllipticCurvePrivateKey, bytes]:
        if i not in self._cache:
            digest = hashlib.sha256(f"{self.seed}:{i}".encode()).digest()
            scalar = int.from_bytes(digest, "big") % (_ORDER - 1) + 1
            key = ec.derive_private_key(scalar, ec.SECP256R1())
            auth = hashlib.sha256(f"auth:{self.seed}:{i}".encode()).digest()[:16]
            self._cache[i] = (key, auth)
        return self._cache[i]

    def keys_json(self, i: int) -> dict[str, str]:
        key, auth = self.private(i)
        public = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": _b64(public), "auth": _b64(auth)}


@dataclass
class Received:
    subscriber: int
    payload: bytes
    headers: dict[str, str]
    at: float

    @property
    def json(self) -> dict:
        return json.loads(self.payload)


# respond(subscriber, attempt) -> (status, extra headers) or "reset" / ("sleep", seconds)
Responder = Callable[[int, int], object]


class _PushProtocol(RequestProtocol):
    def __init__(self, peer: "PushPeer"):
        super().__init__()
        self.peer = peer

    def handle(self, method, target, headers, body):
        self.peer._handle(self, method, target, headers, body)

    def reply(self, status: int, headers: dict[str, str] | None = None):
        if self.transport is None or self.transport.is_closing():
            return
        reason = {
            201: "Created",
            400: "Bad Request",
            404: "Not Found",
            410: "Gone",
            413: "Payload Too Large",
            429: "Too Many Requests",
            500: "Internal Server Error",
            503: "Service Unavailable",
        }.get(status, "X")
        lines = [f"HTTP/1.1 {status} {reason}", "Content-Length: 0"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.transport.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


class PushPeer:
    def __init__(self, seed: int = 1, respond: Responder | None = None, decrypt: bool = True):
        """decrypt=False records the encrypted bodies and leaves decryption to verify(),
        so a benchmark measures the sender rather than this peer's own crypto."""
        self.keys = SubscriberKeys(seed)
        self.respond = respond
        self.decrypt = decrypt
        self.received: list[Received] = []
        self.errors: list[str] = []
        self.attempts: dict[int, int] = {}
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- what a browser would hand to the site --------------------------------------
    def endpoint(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/push/{i}"

    def subscription(self, i: int) -> dict:
        return {"endpoint": self.endpoint(i), "keys": self.keys.keys_json(i)}

    # -- serving --------------------------------------------------------------------
    def _handle(self, protocol: _PushProtocol, method, path, headers, body):
        try:
            subscriber = int(path.rsplit("/", 1)[1])
        except (ValueError, IndexError):
            protocol.reply(404)
            return
        with self._lock:
            attempt = self.attempts.get(subscriber, 0) + 1
            self.attempts[subscriber] = attempt
        if self.respond is not None:
            action = self.respond(subscriber, attempt)
            if action == "reset":
                protocol.transport.abort()
                return
            if isinstance(action, tuple) and action and action[0] == "sleep":
                self._loop.call_later(action[1], protocol.reply, 201)
                return
            if action is not None:
                status, extra = action
                if status != 201:
                    protocol.reply(status, extra)
                    return
        if method != "POST" or not headers.get("authorization", "").startswith("vapid "):
            self.errors.append(f"{subscriber}: missing VAPID authorization")
            protocol.reply(400)
            return
        if len(body) > 4096:
            protocol.reply(413)
            return
        payload = body
        if self.decrypt:
            key, auth = self.keys.private(subscriber)
            try:
                payload = http_ece.decrypt(
                    body, private_key=key, auth_secret=auth, version="aes128gcm"
                )
            except Exception as exc:  # noqa: BLE001 - any failure is the sender's bug
                self.errors.append(f"{subscriber}: cannot decrypt: {exc!r}")
                protocol.reply(400)
                return
        with self._lock:
            self.received.append(Received(subscriber, payload, headers, time.monotonic()))
        protocol.reply(201, {"Location": f"/message/{subscriber}-{attempt}"})

    def verify(self) -> list[str]:
        """Decrypt every body recorded with decrypt=False; return the failures."""
        failures = []
        for index, item in enumerate(self.received):
            if self.decrypt:
                continue
            key, auth = self.keys.private(item.subscriber)
            try:
                plain = http_ece.decrypt(
                    item.payload, private_key=key, auth_secret=auth, version="aes128gcm"
                )
            except Exception as exc:  # noqa: BLE001
                failures.append(f"{item.subscriber}: cannot decrypt: {exc!r}")
                continue
            self.received[index] = Received(item.subscriber, plain, item.headers, item.at)
        return failures + self.errors

    def start(self, port: int = 0) -> "PushPeer":
        ready = threading.Event()

        def run():
            self._loop = asyncio.new_event_loop()
            self._server = self._loop.run_until_complete(
                self._loop.create_server(
                    lambda: _PushProtocol(self), "127.0.0.1", port, backlog=1024
                )
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="push-peer", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._server.close)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)


def vapid_private_key() -> str:
    """A fresh VAPID private key, raw and base64url-encoded as settings expect it."""
    from py_vapid import Vapid

    vapid = Vapid()
    vapid.generate_keys()
    raw = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@pytest.fixture
def push_peer():
    peer = PushPeer(seed=7).start()
    yield peer
    peer.stop()


@pytest.fixture
def push_settings(settings, push_peer):
    """Our settings with VAPID keys, so the real push sender talks to the peer."""
    settings.VAPID_PRIVATE_KEY = vapid_private_key()
    settings.VAPID_SUBJECT = "mailto:ops@example.invalid"
    return push_peer


def main():  # a peer in its own process, for benchmarks
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--defer-decrypt", action="store_true")
    args = parser.parse_args()
    peer = PushPeer(seed=args.seed, decrypt=not args.defer_decrypt).start(args.port)
    print(peer.port, flush=True)
    try:
        for line in iter(input, "quit"):
            if line == "count":
                print(len(peer.received), len(peer.errors), flush=True)
            elif line == "verify":
                failures = peer.verify()
                subscribers = len({item.subscriber for item in peer.received})
                print(len(peer.received), subscribers, len(failures), flush=True)
    except EOFError:
        pass
    peer.stop()


if __name__ == "__main__":
    main()
