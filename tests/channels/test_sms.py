import http.client
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from alerts.channels.base import Message, Outcome
from alerts.channels.sms import SMSLookupError, TwilioSMSChannel


class _Server:
    """A threaded HTTP server answering with `handler` (a BaseHTTPRequestHandler)."""

    def __init__(self, handler):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.seen = []
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def seen(self) -> list[tuple[str, str]]:
        return self.server.seen

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class _ForwardingProxy(BaseHTTPRequestHandler):
    """A plain HTTP forward proxy: records each request line, passes it on."""

    def _forward(self):
        self.server.seen.append((self.command, self.path))
        target = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=5)
        path = target.path + (f"?{target.query}" if target.query else "")
        upstream.request(self.command, path, body=body, headers=dict(self.headers))
        answer = upstream.getresponse()
        content = answer.read()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        upstream.close()

    do_GET = do_POST = _forward

    def log_message(self, *args):
        pass


class _NotJSON(BaseHTTPRequestHandler):
    """Accepts every message with an answer that is not JSON."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.command, self.path))
        self.send_response(201)
        self.send_header("Content-Length", "9")
        self.end_headers()
        self.wfile.write(b"<html>ok<")

    def log_message(self, *args):
        pass


def _message(number="+32470990001"):
    return Message(channel="sms", address=number, text="Alerte test")


def test_sends_through_the_real_sdk_with_the_sender_id(twilio_settings):
    result = TwilioSMSChannel().send(_message())
    assert result.outcome is Outcome.SENT and result.provider_id.startswith("SM")
    form = twilio_settings.messages[0]
    assert form["To"] == "+32470990001" and form["From"] == "LUXresponse"
    assert form["Body"] == "Alerte test"


def test_prefers_the_messaging_service_and_passes_the_status_callback(settings, twilio_settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "1" * 32
    settings.TWILIO_STATUS_CALLBACK_URL = "https://example.invalid/webhooks/twilio/status"
    TwilioSMSChannel().send(_message())
    form = twilio_settings.messages[0]
    assert form["MessagingServiceSid"] == "MG" + "1" * 32 and "From" not in form
    assert form["StatusCallback"] == "https://example.invalid/webhooks/twilio/status"


@pytest.mark.parametrize(
    ("status", "code", "outcome", "ambiguous"),
    [
        (400, 21610, Outcome.GONE, False),
        (429, 20429, Outcome.RETRY, False),
        (500, 20500, Outcome.RETRY, True),
        (503, 20503, Outcome.RETRY, True),
        (400, 21211, Outcome.FAILED, False),
    ],
)
def test_maps_twilio_errors(twilio_settings, status, code, outcome, ambiguous):
    twilio_settings.fail_next(status, code)
    result = TwilioSMSChannel().send(_message())
    assert result.outcome is outcome
    assert result.ambiguous is ambiguous
    assert twilio_settings.messages == []


def test_429_honours_retry_after(twilio_settings):
    twilio_settings.fail_next(429, 20429, headers={"Retry-After": "30"})
    result = TwilioSMSChannel().send(_message())
    assert result.outcome is Outcome.RETRY and result.retry_after == 30.0


def test_unreachable_provider_is_a_retry(settings, twilio_settings):
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    result = TwilioSMSChannel().send(_message())
    assert result.outcome is Outcome.RETRY and result.ambiguous is False


def test_send_many_sends_each(twilio_settings):
    results = TwilioSMSChannel().send_many([_message("+32470990001"), _message("+32470990002")])
    assert [r.outcome for r in results] == [Outcome.SENT, Outcome.SENT]
    assert len(twilio_settings.messages) == 2


# -- send_many: concurrent batches on the SDK's async client ---------------------------


def test_send_many_sends_a_batch_concurrently_in_order(twilio_settings):
    twilio_settings.delay = 0.05
    numbers = [f"+324709{i:05d}" for i in range(60)]
    channel = TwilioSMSChannel()
    started = time.perf_counter()
    results = channel.send_many([_message(n) for n in numbers])
    elapsed = time.perf_counter() - started
    channel.close()
    assert all(r.outcome is Outcome.SENT for r in results)
    sids = {m["to"]: m["sid"] for m in twilio_settings.accepted}
    assert [r.provider_id for r in results] == [sids[n] for n in numbers]
    assert twilio_settings.max_in_flight >= 10
    assert elapsed < 60 * 0.05 / 3  # one at a time would take 3 s


def test_send_many_keeps_to_its_concurrency_and_its_connections(twilio_settings):
    twilio_settings.delay = 0.02
    channel = TwilioSMSChannel(concurrency=4)
    first = channel.send_many([_message(f"+3247099{i:04d}") for i in range(20)])
    second = channel.send_many([_message(f"+3247098{i:04d}") for i in range(20)])
    channel.close()
    assert all(r.outcome is Outcome.SENT for r in first + second)
    assert 1 < twilio_settings.max_in_flight <= 4
    assert twilio_settings.connections_opened <= 4  # the second batch reused the first's


def test_send_many_passes_the_sender_settings_and_the_validity_period(settings, twilio_settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "1" * 32
    settings.TWILIO_STATUS_CALLBACK_URL = "https://example.invalid/webhooks/twilio/status"
    messages = [_message("+32470990001"), _message("+32470990002"), _message("+32470990003")]
    messages[0].ttl, messages[1].ttl = 900, 2 * 86400
    channel = TwilioSMSChannel()
    channel.send_many(messages)
    channel.close()
    forms = {m["To"]: m for m in twilio_settings.messages}
    assert forms["+32470990001"]["ValidityPeriod"] == "900"
    assert forms["+32470990002"]["ValidityPeriod"] == "36000"  # Twilio's maximum, 10 hours
    assert "ValidityPeriod" not in forms["+32470990003"]
    for form in forms.values():
        assert form["MessagingServiceSid"] == "MG" + "1" * 32 and "From" not in form
        assert form["StatusCallback"] == "https://example.invalid/webhooks/twilio/status"


@pytest.mark.parametrize(
    ("status", "code", "outcome", "ambiguous"),
    [
        (400, 21610, Outcome.GONE, False),
        (429, 20429, Outcome.RETRY, False),
        (500, 20500, Outcome.RETRY, True),
        (503, 20503, Outcome.RETRY, True),
        (400, 21211, Outcome.FAILED, False),
        ("reset", 0, Outcome.RETRY, True),
        ("hang", 0, Outcome.RETRY, True),
    ],
)
def test_send_many_maps_each_error_to_its_own_message(
    twilio_settings, status, code, outcome, ambiguous
):
    twilio_settings.fail_next(status, code)
    channel = TwilioSMSChannel(timeout=0.5, concurrency=1)
    results = channel.send_many([_message("+32470990001"), _message("+32470990002")])
    channel.close()
    assert results[0].outcome is outcome and results[0].ambiguous is ambiguous
    assert results[1].outcome is Outcome.SENT
    assert twilio_settings.to("+32470990001") == []


def test_send_many_honours_each_retry_after(twilio_settings):
    twilio_settings.delay = 0.05  # both answers in flight together
    twilio_settings.fail_next(429, 20429, headers={"Retry-After": "30"})
    twilio_settings.fail_next(429, 20429, headers={"Retry-After": "5"})
    channel = TwilioSMSChannel()
    results = channel.send_many([_message("+32470990001"), _message("+32470990002")])
    channel.close()
    assert all(r.outcome is Outcome.RETRY and not r.ambiguous for r in results)
    assert sorted(r.retry_after for r in results) == [5.0, 30.0]


def test_send_many_to_an_unreachable_provider_is_a_plain_retry(settings, twilio_settings):
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    channel = TwilioSMSChannel()
    results = channel.send_many([_message()])
    channel.close()
    assert results[0].outcome is Outcome.RETRY and results[0].ambiguous is False


# -- find_sent: look up before a resend ------------------------------------------------


@pytest.mark.parametrize("mode", ["500", "hang"])
def test_find_sent_finds_a_message_accepted_behind_an_ambiguous_answer(twilio_settings, mode):
    since = datetime.now(UTC)
    twilio_settings.accept_then_fail(mode)
    channel = TwilioSMSChannel(timeout=0.5)
    [result] = channel.send_many([_message("+32470990001")])
    assert result.outcome is Outcome.RETRY and result.ambiguous is True
    sid = channel.find_sent(_message("+32470990001"), since)
    channel.close()
    assert sid is not None and sid == twilio_settings.accepted[0]["sid"]
    assert twilio_settings.to("+32470990001") == ["Alerte test"]  # the lookup sent nothing


def test_find_sent_returns_none_when_nothing_was_sent(twilio_settings):
    since = datetime.now(UTC)
    twilio_settings.fail_next(500, 20500)  # refused before being accepted
    channel = TwilioSMSChannel()
    [result] = channel.send_many([_message("+32470990001")])
    assert result.ambiguous is True
    assert channel.find_sent(_message("+32470990001"), since) is None
    channel.close()


def test_find_sent_matches_the_number_the_text_and_the_time(twilio_settings):
    channel = TwilioSMSChannel()
    channel.send(_message("+32470990001"))
    other_text = Message(channel="sms", address="+32470990001", text="Fin d'alerte")
    assert channel.find_sent(other_text, datetime.now(UTC) - timedelta(hours=1)) is None
    assert channel.find_sent(_message("+32470990002"), datetime.now(UTC)) is None
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert channel.find_sent(_message("+32470990001"), later) is None
    assert channel.find_sent(_message("+32470990001"), datetime.now(UTC)) is not None


def test_find_sent_reads_every_page(twilio_settings):
    channel = TwilioSMSChannel()
    channel.send(_message("+32470990001"))
    for i in range(120):
        channel.send(Message(channel="sms", address="+32470990001", text=f"autre {i}"))
    sid = channel.find_sent(_message("+32470990001"), datetime.now(UTC) - timedelta(hours=1))
    assert sid == twilio_settings.accepted[0]["sid"]


def test_find_sent_cannot_ask_an_unreachable_provider(settings, twilio_settings):
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"
    with pytest.raises(SMSLookupError):
        TwilioSMSChannel().find_sent(_message(), datetime.now(UTC))


def test_send_many_through_a_failing_provider_reports_exactly_what_was_accepted(twilio_settings):
    twilio_settings.chaos(0.3, seed=7)  # 500, 429, connection reset, no answer
    numbers = [f"+324709{i:05d}" for i in range(120)]
    channel = TwilioSMSChannel(timeout=0.5)
    results = channel.send_many([_message(n) for n in numbers])
    channel.close()
    accepted = {m["to"]: m["sid"] for m in twilio_settings.accepted}
    sent = {n: r.provider_id for n, r in zip(numbers, results, strict=True) if r.outcome == "sent"}
    assert sent == accepted and 60 < len(sent) < 110
    answered = {r["form"]["To"]: r["status"] for r in twilio_settings.requests}
    for number, result in zip(numbers, results, strict=True):
        if number not in sent:
            assert result.outcome is Outcome.RETRY
            assert result.ambiguous is (answered[number] != 429)


# -- the SDK's own transports: proxies, unreadable answers -------------------------------


def test_every_request_goes_through_the_proxy_the_environment_names(twilio_settings, monkeypatch):
    proxy = _Server(_ForwardingProxy)
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, proxy.url)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    channel = TwilioSMSChannel()
    try:
        batch = channel.send_many([_message("+32470990001"), _message("+32470990002")])
        single = channel.send(_message("+32470990003"))
        found = channel.find_sent(_message("+32470990003"), datetime.now(UTC))
    finally:
        channel.close()
        proxy.stop()
    assert [r.outcome for r in [*batch, single]] == [Outcome.SENT] * 3
    assert found == single.provider_id
    posts = [url for method, url in proxy.seen if method == "POST"]
    assert len(posts) == 3 and all(url.startswith(twilio_settings.base_url) for url in posts)
    assert len(twilio_settings.messages) == 3  # each passed on once, and accepted


def test_an_unreadable_answer_is_an_ambiguous_retry_for_its_message_alone(settings):
    server = _Server(_NotJSON)
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "0" * 32, "token"
    settings.TWILIO_API_BASE_URL = server.url
    channel = TwilioSMSChannel(timeout=2)
    try:
        results = channel.send_many([_message("+32470990001"), _message("+32470990002")])
    finally:
        channel.close()
        server.stop()
    assert [(r.outcome, r.ambiguous) for r in results] == [(Outcome.RETRY, True)] * 2
    assert all("unreadable" in r.reason for r in results)
    assert len(server.seen) == 2
