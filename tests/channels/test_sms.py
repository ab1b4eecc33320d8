import pytest

from alerts.channels.base import Message, Outcome
from alerts.channels.sms import TwilioSMSChannel


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
