"""Voice calls end to end against the local Twilio peer (Calls API): the alert read aloud
in the subscriber's language, status callbacks with bounded re-calls, and no second call
for one message after a crash."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree
from twilio.request_validator import RequestValidator

from alerts.delivery import ledger
from alerts.delivery.models import Delivery, DeliveryState
from alerts.delivery.services import delivery_run
from alerts.factories import AlertFactory
from alerts.rendering import render_voice
from tests.peers.twilio import AUTH_TOKEN

pytestmark = pytest.mark.django_db

LANDLINE = "+3225551234"


@pytest.fixture
def voice_settings(twilio_settings, settings):
    settings.TWILIO_VOICE_FROM = "+3228880000"
    settings.DELIVERY_RATE_LIMITS = {**settings.DELIVERY_RATE_LIMITS, "voice": 0}
    settings.DELIVERY_VOICE_MAX_CALLS = 2
    return twilio_settings


def _queued(make_audience, language="nl", **alert_fields):
    (point,) = make_audience(
        1, channel="voice", language=language, address=lambda i: {"address": LANDLINE}
    )
    alert = AlertFactory(state="sending", severity="Severe", **alert_fields)
    ledger.ledger_create(alert)
    return alert, point


def _signed(client, path, data):
    url = "http://testserver" + path
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, data)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


def test_the_alert_is_read_twice_in_dutch_with_an_offer_to_hear_it_again(
    make_audience, voice_settings
):
    alert, _point = _queued(make_audience, "nl")

    delivery_run(channel_name="voice")

    (call,) = voice_settings.calls
    assert (call["To"], call["From"]) == (LANDLINE, "+3228880000")
    assert call["MachineDetection"] == "DetectMessageEnd"  # voicemail records it whole
    assert call["StatusCallback"].endswith("/webhooks/twilio/voice-status")
    says = etree.fromstring(call["Twiml"].encode()).findall(".//Say")
    spoken = render_voice(alert, "nl")
    assert [say.text for say in says[:2]] == [spoken, spoken]
    assert {(say.get("voice"), say.get("language")) for say in says} == {
        ("Polly.Lisa-Neural", "nl-BE")
    }
    assert says[2].text == "Druk op 1 om dit bericht opnieuw te beluisteren."
    assert "http" not in spoken  # nothing a listener cannot follow
    row = Delivery.objects.get()
    assert (row.state, row.provider_id) == (
        DeliveryState.SENT,
        voice_settings.calls_placed[0]["sid"],
    )


def test_a_completed_call_is_delivered_and_a_busy_line_is_called_again_then_given_up(
    client, make_audience, voice_settings
):
    _queued(make_audience)
    delivery_run(channel_name="voice")
    first = Delivery.objects.get().provider_id

    assert (
        _signed(
            client, "/webhooks/twilio/voice-status", {"CallSid": first, "CallStatus": "busy"}
        ).status_code
        == 204
    )
    row = Delivery.objects.get()
    assert (row.state, row.provider_id) == (DeliveryState.QUEUED, "")
    assert row.next_attempt_at > timezone.now()
    # A replayed callback for the first call moves nothing.
    _signed(client, "/webhooks/twilio/voice-status", {"CallSid": first, "CallStatus": "completed"})
    assert Delivery.objects.get().state == DeliveryState.QUEUED

    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    delivery_run(channel_name="voice")
    second = Delivery.objects.get().provider_id
    assert len(voice_settings.calls) == 2 and second != first
    _signed(client, "/webhooks/twilio/voice-status", {"CallSid": second, "CallStatus": "no-answer"})

    row = Delivery.objects.get()
    assert row.state == DeliveryState.FAILED  # DELIVERY_VOICE_MAX_CALLS = 2
    assert row.last_error == "not reached after 2 calls: call no-answer"


def test_a_completed_call_is_delivered(client, make_audience, voice_settings):
    _queued(make_audience)
    delivery_run(channel_name="voice")
    sid = Delivery.objects.get().provider_id

    _signed(client, "/webhooks/twilio/voice-status", {"CallSid": sid, "CallStatus": "completed"})

    assert Delivery.objects.get().state == DeliveryState.DELIVERED


def test_an_unsigned_status_callback_changes_nothing(client, make_audience, voice_settings):
    _queued(make_audience)
    delivery_run(channel_name="voice")
    sid = Delivery.objects.get().provider_id

    response = client.post(
        "/webhooks/twilio/voice-status", {"CallSid": sid, "CallStatus": "completed"}
    )

    assert response.status_code == 403
    assert Delivery.objects.get().state == DeliveryState.SENT


def test_after_a_crash_the_call_placed_is_found_and_nobody_is_called_twice(
    make_audience, voice_settings, settings
):
    _queued(make_audience)
    voice_settings.accept_then_fail("500")  # Twilio placed the call; its answer was lost

    delivery_run(channel_name="voice")
    row = Delivery.objects.get()
    assert (row.state, row.ambiguous) == (DeliveryState.QUEUED, True)
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    delivery_run(channel_name="voice")

    assert len(voice_settings.calls) == 1
    row = Delivery.objects.get()
    assert (row.state, row.provider_id) == (
        DeliveryState.SENT,
        voice_settings.calls_placed[0]["sid"],
    )


def test_after_a_crash_a_call_that_found_a_busy_line_is_placed_again(make_audience, voice_settings):
    _queued(make_audience)
    voice_settings.accept_then_fail("500")
    delivery_run(channel_name="voice")
    voice_settings.set_call_status(voice_settings.calls_placed[0]["sid"], "busy")

    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    delivery_run(channel_name="voice")

    assert len(voice_settings.calls) == 2


def test_press_1_hears_the_message_again(client, make_audience, voice_settings):
    alert, _point = _queued(make_audience, "fr")
    delivery_run(channel_name="voice")
    path = f"/webhooks/twilio/voice/{Delivery.objects.get().pk}/again"

    assert client.post(path, {"Digits": "1"}).status_code == 403  # not signed by Twilio
    response = _signed(client, path, {"Digits": "1"})

    assert response.status_code == 200
    says = etree.fromstring(response.content).findall(".//Say")
    assert says[0].text == render_voice(alert, "fr")
    assert says[0].get("language") == "fr-BE"
