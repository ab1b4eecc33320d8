"""Voice calls through Twilio's Calls API: the alert read aloud, in the subscriber's
language, to a landline or a mobile.

Each call carries its TwiML inline: the text is said twice in a Belgian French, Belgian
Dutch or British English neural voice (Amazon Polly through Twilio: Isabelle, Lisa, Amy),
then "press 1 to hear it again" (a <Gather> whose action, on our site, says it once more).
Twilio waits for an answering machine's greeting to end before speaking
(`MachineDetection=DetectMessageEnd`), so a voicemail records the whole message. What
became of the call (completed, busy, no answer…) comes back on the status callback.

Calls are placed one at a time (`one_at_a_time`): the ledger asks the rate limiter before
each, so the account's calls-per-second limit is never exceeded, and records each answer
before the next call.
"""

import logging
from datetime import UTC, datetime, timedelta

import requests
from django.conf import settings
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from twilio.twiml.voice_response import VoiceResponse

from .base import Channel, Message, SendResult

logger = logging.getLogger(__name__)

#: The voice and the language Twilio speaks each of our languages with.
VOICES = {
    "fr": ("Polly.Isabelle-Neural", "fr-BE"),
    "nl": ("Polly.Lisa-Neural", "nl-BE"),
    "en": ("Polly.Amy-Neural", "en-GB"),
}
AGAIN = {
    "fr": "Pour réécouter ce message, appuyez sur 1.",
    "nl": "Druk op 1 om dit bericht opnieuw te beluisteren.",
    "en": "To hear this message again, press 1.",
}
#: Call states in which the person was, or is being, reached: never call again then.
REACHED_OR_REACHING = {"queued", "initiated", "ringing", "in-progress", "completed"}
CLOCK_SKEW = timedelta(seconds=60)


class VoiceLookupError(Exception):
    """Twilio could not say whether a call was placed: do not call again now."""


def twiml(text: str, language: str, again_url: str = "") -> str:
    """The message said twice, then the offer to hear it again (when `again_url`)."""
    voice, spoken = VOICES.get(language, VOICES["fr"])
    response = VoiceResponse()
    response.say(text, voice=voice, language=spoken)
    response.pause(length=1)
    response.say(text, voice=voice, language=spoken)
    if again_url:
        gather = response.gather(num_digits=1, action=again_url, method="POST", timeout=6)
        gather.say(AGAIN.get(language, AGAIN["fr"]), voice=voice, language=spoken)
    return str(response)


class TwilioVoiceChannel(Channel):
    name = "voice"
    one_at_a_time = True

    def __init__(
        self,
        *,
        account_sid: str | None = None,
        auth_token: str | None = None,
        caller_id: str | None = None,
        base_url: str | None = None,
        status_callback: str | None = None,
        timeout: float | None = None,
    ):
        self.timeout = timeout if timeout is not None else settings.TWILIO_TIMEOUT_SECONDS
        self.http_client = TwilioHttpClient(timeout=self.timeout)
        self.client = Client(
            account_sid or settings.TWILIO_ACCOUNT_SID,
            auth_token or settings.TWILIO_AUTH_TOKEN,
            http_client=self.http_client,
        )
        base_url = base_url if base_url is not None else settings.TWILIO_API_BASE_URL
        if base_url:
            self.client.api.base_url = base_url.rstrip("/")
        self.caller_id = caller_id if caller_id is not None else settings.TWILIO_VOICE_FROM
        self.status_callback = status_callback or ""

    def send(self, message: Message) -> SendResult:
        kwargs = {
            "to": message.address,
            "from_": self.caller_id,
            "twiml": (message.payload or {}).get("twiml") or twiml(message.text, "fr"),
            "machine_detection": "DetectMessageEnd",
        }
        if self.status_callback:
            kwargs["status_callback"] = self.status_callback
            kwargs["status_callback_event"] = ["completed"]
        try:
            call = self.client.calls.create(**kwargs)
        except TwilioRestException as error:
            if error.status == 429:
                return SendResult.retry(f"Twilio 429 ({error.code})", retry_after=1.0)
            if error.status >= 500:
                return SendResult.retry(f"Twilio {error.status} ({error.code})", ambiguous=True)
            return SendResult.failed(f"Twilio {error.status} ({error.code}): {error.msg}"[:500])
        except requests.exceptions.ConnectTimeout as error:
            return SendResult.retry(f"Twilio unreachable: {error}")
        except requests.exceptions.ConnectionError as error:
            return SendResult.retry(f"Twilio connection failed: {error}", ambiguous=True)
        except (TwilioException, requests.exceptions.RequestException) as error:
            return SendResult.retry(f"Twilio error: {error}", ambiguous=True)
        return SendResult.sent(provider_id=call.sid or "")

    def find_sent(self, message: Message, since: datetime) -> str | None:
        """The SID of a call to this number placed since `since` that reached, or is
        reaching, the person; None when there is none (or every one ended busy, unanswered
        or failed: calling again is then the retry the person is owed). Raises
        VoiceLookupError when Twilio cannot answer."""
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        since = since.astimezone(UTC) - CLOCK_SKEW
        try:
            for call in self.client.calls.list(to=message.address, limit=50):
                created = call.date_created
                if created is not None and created < since:
                    continue
                if call.status in REACHED_OR_REACHING:
                    return call.sid
        except (TwilioException, requests.exceptions.RequestException) as error:
            raise VoiceLookupError(f"Twilio lookup failed: {error}") from error
        return None

    def close(self) -> None:
        self.http_client.session.close()
