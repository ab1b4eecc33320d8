"""SMS through Twilio's REST API with the official SDK.

A Messaging Service SID is used when set, otherwise the alphanumeric sender ID in
TWILIO_FROM. TWILIO_API_BASE_URL points the SDK at a local peer (tests, demos).
Provider answers are mapped onto the shared result type:
21610 (recipient replied STOP) → gone; 429, 5xx and timeouts → retry (5xx and read timeouts
are ambiguous: the message may have been accepted); other 4xx → failed.
"""

import requests
from django.conf import settings
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from .base import Channel, Message, SendResult

TWILIO_UNSUBSCRIBED_RECIPIENT = 21610


def _retry_after(http_client) -> float | None:
    response = getattr(http_client, "_test_only_last_response", None)
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


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
    ):
        self.http_client = TwilioHttpClient(
            timeout=timeout if timeout is not None else settings.TWILIO_TIMEOUT_SECONDS
        )
        self.http_client.session.trust_env = False
        self.client = Client(
            account_sid or settings.TWILIO_ACCOUNT_SID,
            auth_token or settings.TWILIO_AUTH_TOKEN,
            http_client=self.http_client,
        )
        base_url = base_url if base_url is not None else settings.TWILIO_API_BASE_URL
        if base_url:
            self.client.api.base_url = base_url.rstrip("/")
        self.messaging_service_sid = (
            messaging_service_sid
            if messaging_service_sid is not None
            else settings.TWILIO_MESSAGING_SERVICE_SID
        )
        self.sender = sender if sender is not None else settings.TWILIO_FROM
        self.status_callback = (
            status_callback if status_callback is not None else settings.TWILIO_STATUS_CALLBACK_URL
        )

    def send(self, message: Message) -> SendResult:
        kwargs = {"to": message.address, "body": message.text}
        if self.messaging_service_sid:
            kwargs["messaging_service_sid"] = self.messaging_service_sid
        else:
            kwargs["from_"] = self.sender
        if self.status_callback:
            kwargs["status_callback"] = self.status_callback
        try:
            created = self.client.messages.create(**kwargs)
        except (TwilioRestException, TwilioServiceException) as error:
            return self._map_error(error.status, error.code, str(error))
        except requests.exceptions.ConnectTimeout as error:
            return SendResult.retry(f"Twilio unreachable: {error}")
        except requests.exceptions.Timeout as error:
            return SendResult.retry(f"Twilio timed out: {error}", ambiguous=True)
        except requests.exceptions.ConnectionError as error:
            return SendResult.retry(f"Twilio connection failed: {error}")
        except (TwilioException, requests.exceptions.RequestException) as error:
            return SendResult.retry(f"Twilio error: {error}", ambiguous=True)
        return SendResult.sent(provider_id=created.sid or "")

    def _map_error(self, status: int, code: int | None, text: str) -> SendResult:
        if code == TWILIO_UNSUBSCRIBED_RECIPIENT:
            return SendResult.gone(f"Twilio {code}: recipient unsubscribed")
        if status == 429:
            return SendResult.retry(
                f"Twilio 429 ({code})", retry_after=_retry_after(self.http_client)
            )
        if status >= 500:
            return SendResult.retry(
                f"Twilio {status} ({code})",
                retry_after=_retry_after(self.http_client),
                ambiguous=True,
            )
        return SendResult.failed(f"Twilio {status} ({code}): {text[:300]}")
