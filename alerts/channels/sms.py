"""SMS through Twilio's REST API with the official SDK.

A Messaging Service SID is used when set, otherwise the alphanumeric sender ID in
TWILIO_FROM. TWILIO_API_BASE_URL points the SDK at a local peer (tests, demos).
Provider answers are mapped onto the shared result type:
21610 (recipient replied STOP) → gone; 429, 5xx and timeouts → retry (5xx, timeouts and
connections dropped after the request left are ambiguous: the message may have been
accepted); a refused or unreachable connection → retry, not ambiguous; other 4xx → failed.

`send` is one synchronous request (a verification code from a web request). `send_many`
sends a batch concurrently with the SDK's async support (`messages.create_async` on the
SDK's `AsyncTwilioHttpClient`, aiohttp; at most `concurrency` requests in flight) on an
event loop and keep-alive connections the channel keeps until `close()`: a delivery
worker's batches never wait on one request at a time. Both ways go through the proxy the
environment names (HTTPS_PROXY, NO_PROXY), as the SDK's own transports can.
`find_sent` asks Twilio whether a message already went out, before a resend after an
ambiguous answer.
"""

import asyncio
import contextvars
import logging
from datetime import UTC, datetime, timedelta

import aiohttp
import requests
from django.conf import settings
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from .base import Channel, Message, SendResult
from .twilio_status import UNSUBSCRIBED_RECIPIENT

logger = logging.getLogger(__name__)

#: Twilio's ValidityPeriod bounds, in seconds (10 hours at most).
VALIDITY_MIN, VALIDITY_MAX = 1, 36000
#: How far before `since` find_sent looks, for the clock difference between us and Twilio.
CLOCK_SKEW = timedelta(seconds=60)

# The answer to the request the current asyncio task made: concurrent requests share one
# http client, so its `_test_only_last_response` belongs to whichever answered last.
_answer: contextvars.ContextVar[Response | None] = contextvars.ContextVar(
    "twilio_answer", default=None
)


def _retry_after(response) -> float | None:
    headers = getattr(response, "headers", None) or {}
    value = headers.get("Retry-After", headers.get("retry-after"))
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class SMSLookupError(Exception):
    """Twilio could not be asked whether a message went out: do not resend yet."""


class _AsyncTwilioHttpClient(AsyncTwilioHttpClient):
    """The SDK's own aiohttp transport, with the session it should have had.

    `AsyncTwilioHttpClient` builds a bare `ClientSession()`: no connection limit, no
    timeout (the SDK passes `timeout=None` to each request, which aiohttp reads as none
    at all) and no proxy (its `proxy_url` is stored and never used). This one's session
    keeps at most `limit` connections, bounds each request by `timeout` and reads
    HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment (`trust_env`). Each answer is
    also kept for the task that asked (its Retry-After), since the SDK's errors drop the
    headers. The session is created on the event loop that uses it."""

    def __init__(self, *, timeout: float, limit: int):
        super().__init__(pool_connections=False, timeout=timeout)
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=limit),
            timeout=aiohttp.ClientTimeout(total=timeout),
            trust_env=True,
        )
        self._authorizations: dict[tuple[str, str], str] = {}

    async def request(
        self,
        method,
        url,
        params=None,
        data=None,
        headers=None,
        auth=None,
        timeout=None,
        allow_redirects=False,
    ) -> Response:
        if auth is not None:
            # aiohttp deprecates `auth=`; the header is the same (and the SDK's request log
            # leaves out Authorization headers).
            encoded = self._authorizations.get(auth)
            if encoded is None:
                encoded = self._authorizations[auth] = aiohttp.encode_basic_auth(*auth)
            headers = {**(headers or {}), "Authorization": encoded}
        answer = await super().request(
            method,
            url,
            params=params,
            data=data,
            headers=headers,
            auth=None,
            timeout=self.timeout if timeout is None else timeout,
            allow_redirects=allow_redirects,
        )
        _answer.set(answer)
        return answer


class TwilioSMSChannel(Channel):
    name = "sms"

    def __init__(
        self,
        *,
        account_sid: str | None = None,
        auth_token: str | None = None,
        messaging_service_sid: str | None = None,
        sender: str | None = None,
        base_url: str | None = None,
        status_callback: str | None = None,
        timeout: float | None = None,
        concurrency: int = 48,
    ):
        self.timeout = timeout if timeout is not None else settings.TWILIO_TIMEOUT_SECONDS
        self.concurrency = concurrency
        self.account_sid = account_sid or settings.TWILIO_ACCOUNT_SID
        self.auth_token = auth_token or settings.TWILIO_AUTH_TOKEN
        # requests reads HTTPS_PROXY / NO_PROXY from the environment (trust_env), as the
        # batches' aiohttp session does.
        self.http_client = TwilioHttpClient(timeout=self.timeout)
        base_url = base_url if base_url is not None else settings.TWILIO_API_BASE_URL
        self.base_url = base_url.rstrip("/") if base_url else ""
        self.client = self._client(self.http_client)
        self.messaging_service_sid = (
            messaging_service_sid
            if messaging_service_sid is not None
            else settings.TWILIO_MESSAGING_SERVICE_SID
        )
        self.sender = sender if sender is not None else settings.TWILIO_FROM
        self.status_callback = (
            status_callback if status_callback is not None else settings.TWILIO_STATUS_CALLBACK_URL
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._async_client: Client | None = None

    def _client(self, http_client) -> Client:
        client = Client(self.account_sid, self.auth_token, http_client=http_client)
        if self.base_url:
            client.api.base_url = self.base_url
        return client

    def _arguments(self, message: Message) -> dict:
        kwargs = {"to": message.address, "body": message.text}
        if self.messaging_service_sid:
            kwargs["messaging_service_sid"] = self.messaging_service_sid
        else:
            kwargs["from_"] = self.sender
        if self.status_callback:
            kwargs["status_callback"] = self.status_callback
        if message.ttl is not None:
            # Twilio drops a message still queued after this long: an alert that has
            # expired is not worth sending. Out-of-range values are brought into range.
            kwargs["validity_period"] = min(max(int(message.ttl), VALIDITY_MIN), VALIDITY_MAX)
        return kwargs

    # -- one message, synchronously ---------------------------------------------------
    def send(self, message: Message) -> SendResult:
        try:
            created = self.client.messages.create(**self._arguments(message))
        except (TwilioRestException, TwilioServiceException) as error:
            response = getattr(self.http_client, "_test_only_last_response", None)
            return self._map_error(error.status, error.code, str(error), response)
        except requests.exceptions.ConnectTimeout as error:
            return SendResult.retry(f"Twilio unreachable: {error}")
        except requests.exceptions.Timeout as error:
            return SendResult.retry(f"Twilio timed out: {error}", ambiguous=True)
        except requests.exceptions.ConnectionError as error:
            return SendResult.retry(f"Twilio connection failed: {error}")
        except (TwilioException, requests.exceptions.RequestException) as error:
            return SendResult.retry(f"Twilio error: {error}", ambiguous=True)
        return SendResult.sent(provider_id=created.sid or "")

    # -- a batch, concurrently ----------------------------------------------------------
    def send_many(self, messages: list[Message]) -> list[SendResult]:
        """Send a batch, `concurrency` requests in flight; results in the same order.

        Runs the channel's own event loop, so it must not be called from a coroutine."""
        if not messages:
            return []
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(self._send_all(messages))

    async def _send_all(self, messages: list[Message]) -> list[SendResult]:
        if self._async_client is None:
            http_client = _AsyncTwilioHttpClient(timeout=self.timeout, limit=self.concurrency)
            self._async_client = self._client(http_client)
        gate = asyncio.Semaphore(self.concurrency)
        return await asyncio.gather(*(self._send_one(gate, m) for m in messages))

    async def _send_one(self, gate: asyncio.Semaphore, message: Message) -> SendResult:
        async with gate:
            _answer.set(None)
            try:
                created = await self._async_client.messages.create_async(**self._arguments(message))
            except (TwilioRestException, TwilioServiceException) as error:
                return self._map_error(error.status, error.code, str(error), _answer.get())
            except TimeoutError as error:
                # connecting or answering: the request may have been received
                return SendResult.retry(f"Twilio timed out: {error!r}", ambiguous=True)
            except aiohttp.ClientConnectorError as error:
                # refused, unreachable: the request never left, nothing can have been sent
                return SendResult.retry(f"Twilio unreachable: {error!r}")
            except (TwilioException, aiohttp.ClientError, OSError) as error:
                # connection dropped, broken answer: the request may have been received
                return SendResult.retry(f"Twilio connection failed: {error!r}", ambiguous=True)
            except Exception as error:  # noqa: BLE001 - one message's failure never costs its batch
                # an answer the SDK cannot read (a 2xx that is not JSON): it may be accepted
                logger.warning("sms: unreadable Twilio answer: %r", error)
                reason = f"Twilio answer unreadable: {error!r}"[:500]
                return SendResult.retry(reason, ambiguous=True)
            return SendResult.sent(provider_id=created.sid or "")

    def _map_error(self, status: int, code: int | None, text: str, response) -> SendResult:
        if str(code) == UNSUBSCRIBED_RECIPIENT:
            return SendResult.gone(f"Twilio {code}: recipient unsubscribed")
        if status == 429:
            return SendResult.retry(f"Twilio 429 ({code})", retry_after=_retry_after(response))
        if status >= 500:
            return SendResult.retry(
                f"Twilio {status} ({code})",
                retry_after=_retry_after(response),
                ambiguous=True,
            )
        return SendResult.failed(f"Twilio {status} ({code}): {text[:300]}")

    # -- look up before a resend ---------------------------------------------------------
    def find_sent(self, message: Message, since: datetime) -> str | None:
        """The SID of a message Twilio holds for this number with this text, created since
        `since` (less a minute of clock difference), or None when there is none.

        Asks for the messages sent to the number since then (`DateSent>`), and, when none
        matches, for the number's latest messages: one still queued at Twilio has no
        date_sent yet and only the second question finds it.
        Raises SMSLookupError when Twilio cannot answer; the caller must not resend then."""
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        since = since.astimezone(UTC) - CLOCK_SKEW
        try:
            for found in self.client.messages.list(
                to=message.address, date_sent_after=since, limit=200
            ):
                if found.body == message.text:
                    return found.sid
            for found in self.client.messages.list(to=message.address, limit=50):
                if found.body == message.text and (
                    found.date_created is None or found.date_created >= since
                ):
                    return found.sid
        except (TwilioException, requests.exceptions.RequestException) as error:
            raise SMSLookupError(f"Twilio lookup failed: {error}") from error
        return None

    def close(self) -> None:
        self.http_client.session.close()
        if self._loop is None:
            return
        if self._async_client is not None:
            self._loop.run_until_complete(self._async_client.http_client.close())
            self._async_client = None
        self._loop.close()
        self._loop = None
