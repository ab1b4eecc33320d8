import pytest

from alerts.cap_vocab import Status
from alerts.factories import AlertFactory
from alerts.models import EXERCISE_MARKER
from alerts.rendering import render_email, render_push, render_sms, sms_preview, sms_suffix
from tests.paths import path_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Status.EXERCISE, Status.TEST])
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_every_channel_text_of_an_exercise_or_test_is_marked(language, status):
    alert = AlertFactory(status=status)
    marker = alert.marker
    assert EXERCISE_MARKER in marker
    assert render_sms(alert, language).startswith(marker)
    assert render_push(alert, language)["title"].startswith(marker)
    email = render_email(alert, language)
    assert email.subject.startswith(marker)
    assert marker in email.text and marker in email.html


def test_live_alert_texts_carry_no_marker_and_the_language_of_the_recipient():
    alert = AlertFactory()
    assert render_sms(alert, "nl") == "ALARM: ga naar binnen, sluit de ramen." + sms_suffix(
        alert, "nl"
    )
    assert "EXERCI" not in render_email(alert, "fr").text
    assert "Que faire" in render_email(alert, "fr").text
    assert path_in("nl", "alerts:list") in render_push(alert, "nl")["url"]


def test_sms_preview_costs_segments_times_price(settings):
    settings.SMS_PRICE_PER_SEGMENT_EUR = 0.05
    alert = AlertFactory()
    alert.infos.filter(language="fr").update(sms_text="x" * 200)
    preview = sms_preview(alert, "fr")
    assert (preview.length.encoding, preview.length.segments) == ("GSM-7", 2)
    assert preview.cost_per_recipient_eur == 0.1


def test_a_test_alert_sms_stays_in_gsm7():
    """The Test marker is plain ASCII: a Test SMS costs what an Actual one does."""
    from alerts.sms_encoding import sms_length

    alert = AlertFactory(status="Test")
    text = render_sms(alert, "fr")
    assert text.startswith("TEST - EXERCICE / OEFENING / EXERCISE: ")
    assert sms_length(text).encoding == "GSM-7"


def test_decomposed_accents_are_composed_before_counting_and_sending():
    from alerts.sms_encoding import sms_length

    alert = AlertFactory()
    alert.infos.filter(language="fr").update(sms_text="Fene\u0301tres ferme\u0301es")
    text = render_sms(alert, "fr")
    assert text == "Fenétres fermées" + sms_suffix(alert, "fr")
    assert sms_length(text).encoding == "GSM-7"
