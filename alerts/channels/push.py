"""Web push (RFC 8030) with VAPID (RFC 8292) and payload encryption (RFC 8291).

The payload is encrypted by pywebpush (aes128gcm). What makes this sender fast is around
that call: the VAPID token is signed once per push-service origin and reused until shortly
before it expires, and requests go out concurrently over keep-alive connections kept per
origin (see http11.py), instead of one blocking request with a fresh signature per message.

Each request fails alone: an endpoint HTTP cannot carry fails its message for good; a push
service that is unreachable, times out, drops the connection or answers more than the
client's bound (64 KiB) gets the message retried. Whatever a service sends on an idle
connection is never read as a later message's answer (the connection is dropped).
"""

import asyncio
import email.utils
import json
import logging
import time
from urllib.parse import urlsplit

from py_vapid import Vapid
from pywebpush import WebPusher, WebPushException

from .base import Channel, Message, SendResult
from .http11 import Client, HTTPError

logger = logging.getLogger(__name__)

# RFC 8291 / RFC 8188: a 4096-byte record holds 86 bytes of header, a 16-byte tag and a
# padding delimiter, which leaves this much for the plaintext.
MAX_PLAINTEXT = 4096 - 86 - 16 - 1
VAPID_LIFETIME = 12 * 3600
VAPID_RENEW_BEFORE = 3600
URGENCIES = {"very-low", "low", "normal", "high"}


def parse_retry_after(value: str | None, default: float = 30.0) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


class VapidSigner:
    """One signed VAPID token per push-service origin, renewed before it expires."""

    def __init__(self, private_key: str, subject: str):
        self.vapid = Vapid.from_string(private_key)
        self.subject = subject
        self._tokens: dict[str, tuple[str, float]] = {}
        self.signatures = 0

    def authorization(self, endpoint: str) -> str:
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        now = time.time()
        cached = self._tokens.get(origin)
        if cached and cached[1] - VAPID_RENEW_BEFORE > now:
            return cached[0]
        expires = int(now) + VAPID_LIFETIME
        headers = self.vapid.sign({"aud": origin, "exp": expires, "sub": self.subject})
        self.signatures += 1
        token = headers["Authorization"]
        self._tokens[origin] = (token, expires)
        return token


class PushChannel(Channel):
    name = "push"

    def __init__(
        self,
        *,
        vapid_private_key: str,
        vapid_subject: str,
        concurrency: int = 64,
        timeout: float = 10.0,
    ):
        self.signer = VapidSigner(vapid_private_key, vapid_subject)
        self.concurrency = concurrency
        self.timeout = timeout
        self._runner: asyncio.Runner | None = None
        self._client: Client | None = None

    # -- preparing one request ---------------------------------------------------------
    def prepare(self, message: Message) -> tuple[str, bytes, dict[str, str]] | SendResult:
        try:
            subscription = json.loads(message.address)
            data = json.dumps(
                message.payload or {"body": message.text}, separators=(",", ":"), ensure_ascii=False
            ).encode()
        except (TypeError, ValueError) as exc:
            return SendResult.failed(f"malformed push subscription: {exc}")
        if len(data) > MAX_PLAINTEXT:
            return SendResult.failed(f"payload of {len(data)} bytes exceeds {MAX_PLAINTEXT}")
        try:
            pusher = WebPusher(subscription)
            body = pusher.encode(data, "aes128gcm")["body"]
        except (WebPushException, ValueError, KeyError, TypeError) as exc:
            return SendResult.gone(f"unusable push subscription: {exc}")
        endpoint = subscription["endpoint"]
        headers = {
            "Authorization": self.signer.authorization(endpoint),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(max(0, int(message.ttl or 0))),
            "Urgency": message.urgency if message.urgency in URGENCIES else "normal",
        }
        if message.topic:
            headers["Topic"] = message.topic[:32]
        return endpoint, body, headers

    @staticmethod
    def interpret(status: int, headers: dict[str, str]) -> SendResult:
        """Map a push service answer (header names in lower case) to a result."""
        if status in (200, 201, 202):
            return SendResult.sent(headers.get("location", ""))
        if status in (404, 410):
            return SendResult.gone(f"push service answered {status}: subscription expired")
        if status == 429:
            return SendResult.retry(
                "push service rate limit (429)", parse_retry_after(headers.get("retry-after"))
            )
        if status >= 500:
            return SendResult.retry(
                f"push service error {status}", parse_retry_after(headers.get("retry-after"), 5.0)
            )
        return SendResult.failed(f"push service refused the message ({status})")

    # -- sending -----------------------------------------------------------------------
    async def _post(self, prepared) -> SendResult:
        if isinstance(prepared, SendResult):
            return prepared
        endpoint, body, headers = prepared
        try:
            status, response_headers, _body = await self._client.post(
                endpoint, headers, body, timeout=self.timeout
            )
        except TimeoutError:
            return SendResult.retry("push service timed out", 5.0)
        except HTTPError as exc:
            # dropped mid-answer, an answer llhttp cannot read or one beyond the size bound
            return SendResult.retry(f"push service answer unusable: {exc}", 5.0)
        except OSError as exc:
            return SendResult.retry(f"push service unreachable: {exc!r}", 5.0)
        except Exception as exc:  # noqa: BLE001 - one row's failure never costs its batch
            # A request that cannot even be written (a crafted endpoint HTTP cannot carry)
            # would fail the same way each time: this message fails, alone, for good.
            logger.warning("push: unusable endpoint %r: %r", endpoint[:200], exc)
            return SendResult.failed(f"unusable push endpoint: {exc!r}"[:500])
        return self.interpret(status, response_headers)

    def _prepare(self, message: Message):
        try:
            return self.prepare(message)
        except Exception as exc:  # noqa: BLE001 - one row's failure never costs its batch
            logger.warning("push: message could not be prepared: %r", exc)
            return SendResult.failed(f"unusable push endpoint: {exc!r}"[:500])

    async def _send_all(self, messages: list[Message]) -> list[SendResult]:
        tasks = []
        for message in messages:
            # Encrypt one, start its request, and let earlier requests progress meanwhile.
            tasks.append(asyncio.create_task(self._post(self._prepare(message))))
            await asyncio.sleep(0)
        return list(await asyncio.gather(*tasks))

    def send_many(self, messages: list[Message]) -> list[SendResult]:
        if self._runner is None:
            self._runner = asyncio.Runner()
            self._client = Client(self.concurrency)
        return self._runner.run(self._send_all(messages))

    def send(self, message: Message) -> SendResult:
        return self.send_many([message])[0]

    def close(self) -> None:
        if self._runner is not None:
            self._client.close()
            self._runner.close()
        self._runner = self._client = None
