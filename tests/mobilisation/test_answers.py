"""A partner contact answers from the message: the signed link's page, or an SMS keyword
over the signed Twilio webhook (replay safe, like STOP)."""

import html
import re

import pytest
from twilio.request_validator import RequestValidator

from alerts.delivery.services import delivery_run
from alerts.factories import SentAlertFactory
from alerts.mobilisation import links, tokens
from alerts.mobilisation.models import Answer, MobilisationEvent, TargetState
from alerts.mobilisation.services import mobilisation_close
from alerts.sms_encoding import sms_length
from tests.peers.twilio import AUTH_TOKEN

pytestmark = pytest.mark.django_db

INBOUND = "/webhooks/twilio/inbound"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _sms(client, number, body, sid="SM" + "a" * 32, token=AUTH_TOKEN):
    params = {"From": number, "Body": body, "To": "LUX", "MessageSid": sid}
    signature = RequestValidator(token).compute_signature("http://testserver" + INBOUND, params)
    return client.post(INBOUND, params, HTTP_X_TWILIO_SIGNATURE=signature)


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


# ------------------------------------------------------------------ the message


def test_each_contact_gets_the_request_by_sms_with_its_own_answer_link(
    network, send, twilio_settings
):
    first, second = network(2)
    request = send([first, second], need_fr="Bus pour évacuer l'école")

    delivery_run(channel_name="sms")

    texts = {m["To"]: m["Body"] for m in twilio_settings.messages}
    assert set(texts) == {"+32470000000", "+32470001000"}
    body = texts["+32470000000"]
    assert "Bus pour évacuer l'école. Lieu" in body
    assert f"MOBILISATION #{request.pk}" in body
    assert sms_length(body).encoding == "GSM-7"  # our wording never makes it cost double
    target = request.targets.get(partner=first)
    assert links.answer_url(target.pk, target.contact_id, "fr") in body


def test_an_exercise_request_says_so_first(network, send, twilio_settings):
    send(network(1), status="Exercise")

    delivery_run(channel_name="sms")

    assert twilio_settings.messages[0]["Body"].startswith("EXERCICE / OEFENING / EXERCISE: ")


# ------------------------------------------------------------------ the answer page


def test_the_link_opens_the_request_and_one_tap_answers_for_the_partner(client, network, send):
    (partner,) = network(1)
    request = send([partner], need_fr=HOSTILE, place=HOSTILE)
    target = request.targets.get()
    url = _path(links.answer_url(target.pk, target.contact_id, "fr"))

    page = client.get(url)
    assert page.status_code == 200
    assert "<script>alert" not in page.content.decode()
    assert html.escape(HOSTILE, quote=False)[:20] in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    assert page["X-Robots-Tag"].startswith("noindex")

    done = client.post(url, {"answer": "available", "quantity": "40"})
    assert done.status_code == 200
    target.refresh_from_db()
    assert (target.state, target.answer, target.quantity) == (
        TargetState.ANSWERED,
        Answer.AVAILABLE,
        40,
    )
    assert "no-store" in done["Cache-Control"] or "private" in done["Cache-Control"]


def test_a_tampered_or_foreign_link_is_not_found(client, network, send):
    first, second = network(2)
    request = send([first, second])
    target = request.targets.get(partner=first)
    good = _path(links.answer_url(target.pk, target.contact_id, "fr"))

    assert client.get(good[:-3] + "xx/").status_code == 404
    other = second.contacts.first()
    foreign = tokens.answer_token(target.pk, other.pk)
    assert client.get(good.replace(good.split("/")[-2], foreign)).status_code == 404


def test_bad_input_gets_a_clear_error_and_records_nothing(client, network, send):
    (partner,) = network(1)
    target = send([partner]).targets.get()
    url = _path(links.answer_url(target.pk, target.contact_id, "fr"))

    response = client.post(url, {"answer": "maybe", "quantity": "-4"})

    assert response.status_code == 400
    assert not MobilisationEvent.objects.filter(action="answered").exists()


def test_after_closing_the_page_says_answers_are_no_longer_taken(client, network, send, author):
    (partner,) = network(1)
    request = send([partner])
    target = request.targets.get()
    mobilisation_close(user=author, request=request)

    response = client.post(
        _path(links.answer_url(target.pk, target.contact_id, "fr")), {"answer": "available"}
    )

    assert response.status_code in (200, 409)
    assert "ne sont plus" in html.unescape(response.content.decode()) or (
        "no longer" in response.content.decode()
    )
    target.refresh_from_db()
    assert target.answer == ""


# ------------------------------------------------------------------ the situation page


def test_the_situation_page_is_only_for_partners_that_said_available(client, network, send):
    (partner,) = network(1)
    incident = SentAlertFactory()
    request = send([partner], incident=incident)
    target = request.targets.get()
    situation = _path(links.situation_url(target.pk, target.contact_id, "fr"))
    answer = _path(links.answer_url(target.pk, target.contact_id, "fr"))

    assert client.get(situation).status_code == 404
    client.post(answer, {"answer": "unavailable"})
    assert client.get(situation).status_code == 404
    client.post(answer, {"answer": "available"})

    page = client.get(situation)
    assert page.status_code == 200
    assert incident.infos_by_language()["fr"].headline in html.unescape(page.content.decode())
    assert "private" in page["Cache-Control"] or "no-store" in page["Cache-Control"]
    assert client.get(situation.replace("/situation/", "x/situation/")).status_code == 404


# ------------------------------------------------------------------ SMS keywords


def test_an_sms_keyword_answers_with_a_quantity_in_any_language(client, network, send, settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    first, second = network(2)
    request = send([first, second])

    reply = _sms(client, "+32470000000", "dispo 40 lits", sid="SM" + "1" * 32)
    _sms(client, "+32470001000", "NEE", sid="SM" + "2" * 32)

    assert reply.status_code == 200
    assert f"n° {request.pk}" in reply.content.decode()
    answers = dict(request.targets.values_list("partner_id", "answer"))
    assert answers == {first.pk: Answer.AVAILABLE, second.pk: Answer.UNAVAILABLE}
    assert request.targets.get(partner=first).quantity == 40


def test_a_replayed_sms_answer_changes_nothing(client, network, send, settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    request = send(network(1))

    _sms(client, "+32470000000", "APPEL", sid="SM" + "3" * 32)
    _sms(client, "+32470000000", "APPEL", sid="SM" + "3" * 32)

    assert MobilisationEvent.objects.filter(request=request, action="answered").count() == 1


def test_an_unsigned_sms_answer_is_refused(client, network, send, settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    request = send(network(1))

    response = _sms(client, "+32470000000", "DISPO", token="not-our-token")

    assert response.status_code == 403
    assert request.targets.get().answer == ""


def test_a_contact_not_yet_asked_cannot_answer_by_sms(client, network, send, settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    request = send(network(1))

    _sms(client, "+32470000002", "DISPO 5")  # the third contact: not asked yet

    assert request.targets.get().answer == ""


def test_stop_from_a_partner_contact_still_unsubscribes(client, network, send, settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    (partner,) = network(1)
    send([partner])

    _sms(client, "+32470000000", "STOP")

    contact = partner.contacts.get(position=0)
    assert not contact.subscriber.contact_points.get(channel="sms").active


def test_a_dutch_contact_reads_the_request_and_the_keywords_in_dutch(
    network, send, twilio_settings
):
    send(network(1, language="nl"))

    delivery_run(channel_name="sms")

    body = twilio_settings.messages[0]["Body"]
    assert body.startswith("LUX response MOBILISATIE nr. ")
    assert "Noodopvang voor 40 personen. Waar: Gare du Midi." in body
    assert "BESCHIKBAAR <aantal>, NEE of BEL" in body
    assert "/nl/mobilisatie/" in body
