"""Enough of Twilio's REST API, on loopback, for the real SDK's `client.messages.create`:
POST /2010-04-01/Accounts/{sid}/Messages.json answers 201 with a queued message, records
every request, and can be told to fail."""

import base64
import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "peer-auth-token-0123456789abcdef"
MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")


@dataclass
class TwilioPeer:
    base_url: str = ""
    requests: list[dict] = field(default_factory=list)
    failures: list[tuple[int, int, dict]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, status: int, code: int, headers: dict | None = None, times: int = 1):
        for _ in range(times):
            self.failures.append((status, code, headers or {}))

    @property
    def messages(self) -> list[dict]:
        """Messages accepted (answered 201)."""
        return [r["form"] for r in self.requests if r["status"] == 201]

    def to(self, number: str) -> list[str]:
        return [m["Body"] for m in self.messages if m["To"] == number]


def _handler(peer: TwilioPeer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            return

        def _answer(self, status: int, payload: dict, headers: dict | None = None):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            form = {key: values[0] for key, values in parse_qs(raw).items()}
            match = MESSAGES_PATH.match(self.path)
            expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
            record = {"path": self.path, "form": form, "status": None}
            with peer.lock:
                peer.requests.append(record)
                failure = peer.failures.pop(0) if peer.failures else None
            if match is None:
                record["status"] = 404
                return self._answer(404, {"code": 20404, "message": "Not found", "status": 404})
            if self.headers.get("Authorization") != expected:
                record["status"] = 401
                return self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
            if failure is not None:
                status, code, headers = failure
                record["status"] = status
                return self._answer(
                    status,
                    {"code": code, "message": f"peer failure {code}", "status": status},
                    headers,
                )
            sid = "SM" + uuid.uuid4().hex
            record["status"] = 201
            return self._answer(
                201,
                {
                    "sid": sid,
                    "account_sid": match["sid"],
                    "status": "queued",
                    "to": form.get("To"),
                    "from": form.get("From"),
                    "messaging_service_sid": form.get("MessagingServiceSid"),
                    "body": form.get("Body"),
                    "num_segments": "1",
                    "uri": f"/2010-04-01/Accounts/{match['sid']}/Messages/{sid}.json",
                },
            )

    return Handler


@pytest.fixture
def twilio_peer():
    peer = TwilioPeer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(peer))
    peer.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield peer
    finally:
        server.shutdown()
        server.server_close()


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
