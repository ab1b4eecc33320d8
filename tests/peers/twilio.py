"""Enough of Twilio's REST API, on loopback, for the real SDK (sync and async):

- POST /2010-04-01/Accounts/{sid}/Messages.json answers 201 with a queued message;
- GET  /2010-04-01/Accounts/{sid}/Messages.json lists the accepted messages, newest first,
  filtered by `To`, `DateSent>` and `DateSent<`, paged like Twilio (`messages` plus the
  `page`, `page_size`, `next_page_uri`… fields the SDK's Page reads).

It records every request and can be told to misbehave:

- `fail_next(status, code, headers)`: answer the next POSTs with that error;
- `fail_next("reset")` / `fail_next("hang")`: drop the connection / never answer;
- `accept_then_fail(mode)`: record the next message as accepted (it shows up in the list)
  but answer 500 (`mode="500"`) or never answer (`mode="hang"`): the ambiguous case;
- `chaos(rate, seed)`: fail that fraction of POSTs, deterministically from the seed,
  with 500, 429 + Retry-After, a connection reset or no answer at all;
- `delay`: seconds to wait before answering each POST (lets a test see concurrency).

It runs an asyncio HTTP/1.1 server with keep-alive, in a thread (the `twilio_peer` fixture)
or in a process of its own for benchmarks: `python -m tests.peers.twilio --port 0` prints
its port, then answers `stats` on stdin with "accepted distinct_sids distinct_to requests
max_connections" and stops on `quit`.
"""

import argparse
import asyncio
import base64
import itertools
import json
import random
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from tests.peers.http_requests import RequestProtocol

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "peer-auth-token-0123456789abcdef"
MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")
CALLS_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Calls\.json$")
EXPECTED_AUTH = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
REASONS = {200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found"}
REASONS |= {429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
CHAOS_KINDS = ("500", "429", "reset", "hang")


_clock = [0, ""]


def _now() -> str:
    """Now in Twilio's RFC 2822 form, formatted once a second (a benchmark asks thousands
    of times a second)."""
    second = int(time.time())
    if _clock[0] != second:
        _clock[:] = [second, format_datetime(datetime.fromtimestamp(second, UTC), usegmt=True)]
    return _clock[1]


def _parse_date(value: str) -> datetime | None:
    """Twilio accepts `YYYY-MM-DD` or an ISO 8601 timestamp in the DateSent filters."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class TwilioPeer:
    base_url: str = ""
    requests: list[dict] = field(default_factory=list)
    failures: list[tuple] = field(default_factory=list)
    accepted: list[dict] = field(default_factory=list)  # the message resources, in order
    calls_placed: list[dict] = field(default_factory=list)  # the call resources, in order
    delay: float = 0.0
    in_flight: int = 0
    max_in_flight: int = 0  # POSTs waiting for their answer at once (with a delay)
    connections: set = field(default_factory=set)
    max_connections: int = 0  # connections open at once
    connections_opened: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    chaos_rate: float = 0.0
    chaos_kinds: tuple[str, ...] = CHAOS_KINDS
    chaos_retry_after: int = 1
    rng: random.Random = field(default_factory=lambda: random.Random(0))  # noqa: S311
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    counter: itertools.count = field(default_factory=itertools.count)

    # -- knobs ----------------------------------------------------------------------
    def fail_next(self, status, code: int = 0, headers: dict | None = None, times: int = 1):
        """The next `times` POSTs answer `status` with Twilio error `code`; `status` may
        also be "reset" (connection dropped) or "hang" (no answer at all)."""
        for _ in range(times):
            self.failures.append(("fail", status, code, headers or {}))

    def accept_then_fail(self, mode: str = "500", times: int = 1):
        """The next `times` POSTs are accepted (and listed) but answered with a 500, or
        not answered at all (`mode="hang"`): the sender cannot know they went through."""
        for _ in range(times):
            self.failures.append(("accept", mode, 0, {}))

    def chaos(self, rate: float, seed: int = 0, kinds=CHAOS_KINDS, retry_after: int = 1):
        """Fail `rate` of the POSTs from now on, picked by a RNG seeded with `seed`."""
        self.chaos_rate, self.chaos_kinds, self.chaos_retry_after = rate, tuple(kinds), retry_after
        self.rng = random.Random(seed)  # noqa: S311 - reproducible, not secret

    # -- what the tests read ----------------------------------------------------------
    @property
    def messages(self) -> list[dict]:
        """The forms of the messages accepted (including accepted-then-failed ones)."""
        with self.lock:
            return [m["_form"] for m in self.accepted]

    def to(self, number: str) -> list[str]:
        return [m["Body"] for m in self.messages if m["To"] == number]

    @property
    def calls(self) -> list[dict]:
        """The forms of the calls placed (Calls API), in order."""
        with self.lock:
            return [c["_form"] for c in self.calls_placed]

    def set_call_status(self, sid: str, status: str) -> None:
        """What became of a call (completed, busy, no-answer…), as the lookup reports it."""
        with self.lock:
            for call in self.calls_placed:
                if call["sid"] == sid:
                    call["status"] = status

    # -- serving ----------------------------------------------------------------------
    def _next_failure(self):
        with self.lock:
            if self.failures:
                return self.failures.pop(0)
            if self.chaos_rate and self.rng.random() < self.chaos_rate:
                kind = self.rng.choice(self.chaos_kinds)
                if kind == "429":
                    return ("fail", 429, 20429, {"Retry-After": str(self.chaos_retry_after)})
                if kind == "500":
                    return ("fail", 500, 20500, {})
                return ("fail", kind, 0, {})
        return None

    def _accept(self, account_sid: str, form: dict) -> dict:
        now = _now()
        sid = f"SM{self.run_id}{next(self.counter):016x}"
        resource = {
            "sid": sid,
            "account_sid": account_sid,
            "status": "queued",
            "to": form.get("To"),
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form.get("Body"),
            "num_segments": "1",
            "direction": "outbound-api",
            "date_created": now,
            "date_updated": now,
            # the peer hands every message to the network at once
            "date_sent": now,
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json",
            "_form": form,
        }
        with self.lock:
            self.accepted.append(resource)
        return resource

    def _accept_call(self, account_sid: str, form: dict) -> dict:
        now = _now()
        sid = f"CA{self.run_id}{next(self.counter):016x}"
        resource = {
            "sid": sid,
            "account_sid": account_sid,
            "status": "queued",
            "to": form.get("To"),
            "from": form.get("From"),
            "direction": "outbound-api",
            "date_created": now,
            "date_updated": now,
            "uri": f"/2010-04-01/Accounts/{account_sid}/Calls/{sid}.json",
            "_form": form,
            "_at": time.time(),  # wall clock: the rate limiter counts whole seconds of it
        }
        with self.lock:
            self.calls_placed.append(resource)
        return resource

    def _list_calls(self, query: dict) -> dict:
        with self.lock:
            found = list(reversed(self.calls_placed))
        if "To" in query:
            found = [c for c in found if c["to"] == query["To"]]
        page_size = max(1, min(int(query.get("PageSize", 50)), 1000))
        chunk = found[:page_size]
        return {
            "calls": [{k: v for k, v in c.items() if not k.startswith("_")} for c in chunk],
            "page": 0,
            "page_size": page_size,
            "start": 0,
            "end": max(len(chunk) - 1, 0),
            "uri": "",
            "first_page_uri": "",
            "next_page_uri": None,
            "previous_page_uri": None,
        }

    def handle(self, method: str, target: str, headers: dict, body: bytes):
        """Returns (status, payload, headers), or "reset" / "hang"."""
        url = urlsplit(target)
        calls = CALLS_PATH.match(url.path)
        if calls is not None:
            return self._handle_calls(method, url, headers, body, calls["sid"])
        match = MESSAGES_PATH.match(url.path)
        record = {"method": method, "path": url.path, "status": None}
        with self.lock:
            self.requests.append(record)
        if match is None:
            record["status"] = 404
            return 404, {"code": 20404, "message": "Not found", "status": 404}, {}
        if headers.get("authorization") != EXPECTED_AUTH:
            record["status"] = 401
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}, {}
        if method == "GET":
            record["status"] = 200
            return 200, self._list(url.path, dict(parse_qsl(url.query))), {}
        form = dict(parse_qsl(body.decode()))
        record["form"] = form
        failure = self._next_failure()
        if failure is not None:
            what, status, code, extra = failure
            if what == "accept":
                self._accept(match["sid"], form)
                record["status"] = "accepted-then-" + status
                if status == "hang":
                    return "hang"
                return 500, {"code": 20500, "message": "peer failure", "status": 500}, {}
            record["status"] = status
            if status in {"reset", "hang"}:
                return status
            return (
                status,
                {"code": code, "message": f"peer failure {code}", "status": status},
                extra,
            )
        resource = self._accept(match["sid"], form)
        record["status"] = 201
        return 201, {k: v for k, v in resource.items() if k != "_form"}, {}

    def _handle_calls(self, method, url, headers, body, account_sid):
        record = {"method": method, "path": url.path, "status": None}
        with self.lock:
            self.requests.append(record)
        if headers.get("authorization") != EXPECTED_AUTH:
            record["status"] = 401
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}, {}
        if method == "GET":
            record["status"] = 200
            return 200, self._list_calls(dict(parse_qsl(url.query))), {}
        form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        record["form"] = form
        failure = self._next_failure()
        if failure is not None:
            what, status, code, extra = failure
            if what == "accept":
                self._accept_call(account_sid, form)
                record["status"] = "accepted-then-" + status
                if status == "hang":
                    return "hang"
                return 500, {"code": 20500, "message": "peer failure", "status": 500}, {}
            record["status"] = status
            if status in {"reset", "hang"}:
                return status
            return (
                status,
                {"code": code, "message": f"peer failure {code}", "status": status},
                extra,
            )
        resource = self._accept_call(account_sid, form)
        record["status"] = 201
        return 201, {k: v for k, v in resource.items() if not k.startswith("_")}, {}

    def _list(self, path: str, query: dict) -> dict:
        after = _parse_date(query["DateSent>"]) if "DateSent>" in query else None
        before = _parse_date(query["DateSent<"]) if "DateSent<" in query else None
        with self.lock:
            found = list(reversed(self.accepted))
        if "To" in query:
            found = [m for m in found if m["to"] == query["To"]]
        if after is not None:
            found = [m for m in found if parsedate_to_datetime(m["date_sent"]) >= after]
        if before is not None:
            found = [m for m in found if parsedate_to_datetime(m["date_sent"]) <= before]
        page_size = max(1, min(int(query.get("PageSize", 50)), 1000))
        page = int(query.get("Page", 0))
        chunk = found[page * page_size : (page + 1) * page_size]

        def uri(number: int) -> str:
            params = {k: v for k, v in query.items() if k not in {"Page", "PageToken"}}
            params |= {"PageSize": page_size, "Page": number, "PageToken": f"PT{number}"}
            return f"{path}?{urlencode(params)}"

        has_next = (page + 1) * page_size < len(found)
        return {
            "messages": [{k: v for k, v in m.items() if k != "_form"} for m in chunk],
            "page": page,
            "page_size": page_size,
            "start": page * page_size,
            "end": page * page_size + max(len(chunk) - 1, 0),
            "uri": uri(page),
            "first_page_uri": uri(0),
            "next_page_uri": uri(page + 1) if has_next else None,
            "previous_page_uri": uri(page - 1) if page else None,
        }


class _Protocol(RequestProtocol):
    """HTTP/1.1 with keep-alive; requests on one connection are answered in order."""

    def __init__(self, peer: TwilioPeer, loop: asyncio.AbstractEventLoop):
        super().__init__()
        self.peer, self.loop = peer, loop

    def connection_made(self, transport):
        self.transport = transport
        peer = self.peer
        with peer.lock:
            peer.connections.add(transport)
            peer.connections_opened += 1
            peer.max_connections = max(peer.max_connections, len(peer.connections))

    def connection_lost(self, exc):
        with self.peer.lock:
            self.peer.connections.discard(self.transport)

    def handle(self, method, target, headers, body):
        peer = self.peer
        answer = peer.handle(method, target, headers, body)
        if answer == "reset":
            self.transport.abort()
            return
        if answer == "hang":
            return  # the client's read timeout fires; the connection stays silent
        if peer.delay and method == "POST":
            with peer.lock:
                peer.in_flight += 1
                peer.max_in_flight = max(peer.max_in_flight, peer.in_flight)
            self.loop.call_later(peer.delay, self._reply_later, answer)
            return
        self._reply(*answer)

    def _reply_later(self, answer):
        with self.peer.lock:
            self.peer.in_flight -= 1
        self._reply(*answer)

    def _reply(self, status: int, payload: dict, extra: dict):
        if self.transport is None or self.transport.is_closing():
            return
        body = json.dumps(payload).encode()
        head = [
            f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
        ]
        head += [f"{name}: {value}" for name, value in extra.items()]
        self.transport.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class PeerServer:
    """The peer's asyncio server in a thread of its own."""

    def __init__(self, peer: TwilioPeer):
        self.peer = peer
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.port = 0
        self.thread = threading.Thread(target=self._run, name="twilio-peer", daemon=True)

    def _run(self):
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def start(self, port: int = 0) -> "PeerServer":
        self.thread.start()
        future = asyncio.run_coroutine_threadsafe(
            self.loop.create_server(
                lambda: _Protocol(self.peer, self.loop), "127.0.0.1", port, backlog=1024
            ),
            self.loop,
        )
        self.server = future.result(10)
        self.port = self.server.sockets[0].getsockname()[1]
        self.peer.base_url = f"http://127.0.0.1:{self.port}"
        return self

    def stop(self):
        async def shutdown():
            self.server.close()
            with self.peer.lock:
                transports = list(self.peer.connections)
            for transport in transports:
                transport.abort()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def twilio_peer():
    peer = TwilioPeer()
    server = PeerServer(peer).start()
    try:
        yield peer
    finally:
        server.stop()


@pytest.fixture
def twilio_settings(settings, twilio_peer):
    """Our settings pointing the real twilio SDK at the peer."""
    settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_FROM = "LUXresponse"
    settings.TWILIO_API_BASE_URL = twilio_peer.base_url
    settings.TWILIO_STATUS_CALLBACK_URL = ""
    return twilio_peer


def main():  # a peer in its own process, for benchmarks
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--chaos", type=float, default=0.0, help="fraction of POSTs to fail")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    peer = TwilioPeer()
    if args.chaos:
        peer.chaos(args.chaos, seed=args.seed)
    server = PeerServer(peer).start(args.port)
    print(server.port, flush=True)
    try:
        for line in iter(input, "quit"):
            if line == "stats":
                with peer.lock:
                    accepted = list(peer.accepted)
                    requests = len(peer.requests)
                sids = len({m["sid"] for m in accepted})
                tos = len({m["to"] for m in accepted})
                print(len(accepted), sids, tos, requests, peer.max_connections, flush=True)
    except EOFError:
        pass
    server.stop()


if __name__ == "__main__":
    main()
