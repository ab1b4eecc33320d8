import asyncio
import json

import pytest

from alerts.channels.base import Message, Outcome
from alerts.channels.push import MAX_PLAINTEXT, PushChannel, parse_retry_after
from tests.peers.push import PushPeer
from tests.peers.push import vapid_private_key as new_vapid_key


@pytest.fixture(scope="module")
def vapid_private_key():
    return new_vapid_key()


@pytest.fixture
def peer():
    peer = PushPeer(seed=3).start()
    yield peer
    peer.stop()


@pytest.fixture
def channel(vapid_private_key):
    channel = PushChannel(
        vapid_private_key=vapid_private_key, vapid_subject="mailto:ops@example.invalid"
    )
    yield channel
    channel.close()


def _message(peer, i, **extra):
    fields = {
        "channel": "push",
        "address": json.dumps(peer.subscription(i)),
        "text": "",
        "payload": {"title": "ALERTE", "body": "Restez à l'intérieur.", "url": "/fr/alerts/x/"},
        "ttl": 3600,
        "urgency": "high",
        "topic": "alert-42",
    }
    fields.update(extra)
    return Message(**fields)


def test_each_subscriber_decrypts_its_own_payload(peer, channel):
    results = channel.send_many([_message(peer, i) for i in range(25)])

    assert [r.outcome for r in results] == [Outcome.SENT] * 25
    assert peer.errors == []
    assert sorted(item.subscriber for item in peer.received) == list(range(25))
    assert all(item.json["body"] == "Restez à l'intérieur." for item in peer.received)
    headers = peer.received[0].headers
    assert (headers["ttl"], headers["urgency"], headers["topic"]) == ("3600", "high", "alert-42")
    assert headers["content-encoding"] == "aes128gcm"


def test_vapid_token_is_signed_once_per_origin(peer, channel):
    channel.send_many([_message(peer, i) for i in range(10)])
    channel.send_many([_message(peer, i) for i in range(10, 20)])
    assert channel.signer.signatures == 1
    tokens = {item.headers["authorization"] for item in peer.received}
    assert len(tokens) == 1


@pytest.mark.parametrize(("status", "outcome"), [(404, Outcome.GONE), (410, Outcome.GONE)])
def test_expired_subscription_is_reported_gone(peer, channel, status, outcome):
    peer.respond = lambda subscriber, attempt: (status, {})
    assert channel.send(_message(peer, 1)).outcome == outcome


def test_rate_limit_honours_retry_after(peer, channel):
    peer.respond = lambda subscriber, attempt: (429, {"Retry-After": "120"})
    result = channel.send(_message(peer, 1))
    assert result.outcome == Outcome.RETRY
    assert result.retry_after == 120


def test_server_error_and_reset_are_retried(peer, channel):
    peer.respond = lambda subscriber, attempt: (503, {}) if subscriber == 1 else "reset"
    first, second = channel.send_many([_message(peer, 1), _message(peer, 2)])
    assert first.outcome == Outcome.RETRY
    assert second.outcome == Outcome.RETRY
    # the channel recovers once the service does
    peer.respond = None
    assert channel.send(_message(peer, 3)).outcome == Outcome.SENT


def test_timeout_is_retried(peer, vapid_private_key):
    peer.respond = lambda subscriber, attempt: ("sleep", 2)
    channel = PushChannel(
        vapid_private_key=vapid_private_key,
        vapid_subject="mailto:x@example.invalid",
        timeout=0.3,
    )
    try:
        result = channel.send(_message(peer, 1))
    finally:
        channel.close()
    assert result.outcome == Outcome.RETRY
    assert "timed out" in result.reason


def test_oversized_payload_fails_before_any_request(peer, channel):
    huge = {"body": "x" * (MAX_PLAINTEXT + 1)}
    result = channel.send(_message(peer, 1, payload=huge))
    assert result.outcome == Outcome.FAILED
    assert "exceeds" in result.reason
    assert peer.attempts == {}


def test_largest_allowed_payload_still_fits_one_record(peer, channel):
    body = "x" * (MAX_PLAINTEXT - len(json.dumps({"body": ""}, separators=(",", ":"))))
    assert channel.send(_message(peer, 1, payload={"body": body})).outcome == Outcome.SENT
    assert peer.received[0].json["body"] == body


def test_malformed_subscription_fails_cleanly(channel):
    message = Message(channel="push", address="not json", text="x")
    assert channel.send(message).outcome == Outcome.FAILED
    bad_keys = json.dumps({"endpoint": "http://127.0.0.1:9/push/1", "keys": {"p256dh": "AA"}})
    result = channel.send(Message(channel="push", address=bad_keys, text="x"))
    assert result.outcome == Outcome.GONE


def test_retry_after_accepts_seconds_and_http_dates():
    assert parse_retry_after("30") == 30
    assert parse_retry_after(None, default=7) == 7
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert parse_retry_after("soon", default=9) == 9


def test_one_unusable_endpoint_never_costs_the_rest_of_its_batch(peer, channel):
    """An endpoint with a character HTTP cannot carry (a crafted subscription) fails
    alone; every other message of the batch is sent and answered."""
    poisoned = peer.subscription(3)
    poisoned["endpoint"] = poisoned["endpoint"] + "/\u20ac\u4e2d"
    messages = [_message(peer, i) for i in range(6)]
    messages[3] = _message(peer, 3, address=json.dumps(poisoned))
    results = channel.send_many(messages)
    outcomes = [r.outcome for r in results]
    assert outcomes[3] == Outcome.FAILED and "endpoint" in results[3].reason
    assert outcomes[:3] + outcomes[4:] == [Outcome.SENT] * 5
    assert sorted(item.subscriber for item in peer.received) == [0, 1, 2, 4, 5]


def test_a_408_sent_on_an_idle_connection_costs_no_message(peer, channel):
    """A push service that says 408 on an idle kept-alive connection (and keeps it open)
    is answering nothing we asked: the next batch opens a fresh connection and is sent."""
    state = {"connections": 0, "requests": 0}

    async def handle(reader, writer):
        state["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                state["requests"] += 1
                writer.write(b"HTTP/1.1 201 Created\r\nLocation: /m/1\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                await asyncio.sleep(0.05)
                writer.write(b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    def to_server(i, port):
        subscription = peer.subscription(i)
        subscription["endpoint"] = f"http://127.0.0.1:{port}/push/{i}"
        return _message(peer, i, address=json.dumps(subscription))

    async def start():
        return await asyncio.start_server(handle, "127.0.0.1", 0)

    channel.send_many([])  # the channel's event loop, where the server runs too
    server = channel._runner.run(start())
    port = server.sockets[0].getsockname()[1]
    try:
        first = channel.send_many([to_server(i, port) for i in range(3)])
        channel._runner.run(asyncio.sleep(0.2))  # the 408s arrive on idle connections
        second = channel.send_many([to_server(i, port) for i in range(3, 6)])
    finally:
        server.close()
    assert [r.outcome for r in first + second] == [Outcome.SENT] * 6
    assert state["requests"] == 6


def test_an_oversized_answer_is_retried_with_its_reason(peer, channel):
    """An answer beyond the client's bound is not read to its end (nor kept in memory):
    the message is retried, with the reason, and the service's status is not trusted."""
    peer.respond = lambda subscriber, attempt: (503, {"X-Padding": "x" * 70000})
    result = channel.send(_message(peer, 1))
    assert result.outcome == Outcome.RETRY
    assert "larger than 65536 bytes" in result.reason
