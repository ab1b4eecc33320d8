"""The citizen journeys, end to end, through real SMTP and the real twilio SDK."""

import json

import pytest
from django.core import signing
from twilio.request_validator import RequestValidator

from alerts.subscriptions import selectors, tokens
from alerts.subscriptions.models import ChannelName, ConsentRecord, ContactPoint, Subscriber
from tests.paths import path_before_token, path_in, path_in_lazy
from tests.peers.twilio import AUTH_TOKEN
from tests.subscriptions.helpers import (
    browser_subscription,
    code_from,
    links_in,
    path_of,
    subscribe_data,
)

# Sending happens on commit, so these journeys run in real transactions.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBSCRIBE = path_in_lazy("fr", "subscriptions:subscribe")
INBOUND = "/webhooks/twilio/inbound"


def _signed_post(client, params, token=AUTH_TOKEN, signature=None):
    url = "http://testserver" + INBOUND
    if signature is None:
        signature = RequestValidator(token).compute_signature(url, params)
    return client.post(INBOUND, params, HTTP_X_TWILIO_SIGNATURE=signature)


# ------------------------------------------------------------------ email


def test_email_journey_subscribe_confirm_manage_and_one_click_unsubscribe(client, smtp_settings):
    response = client.post(SUBSCRIBE, subscribe_data(email="Anna@Example.INVALID"))
    assert response.status_code == 302
    contact_point = ContactPoint.objects.get()
    assert contact_point.address == "anna@example.invalid"
    assert contact_point.confirmed_at is None
    assert not selectors.confirmed_contact_points().exists()

    [mail] = smtp_settings.to("anna@example.invalid")
    text = mail.get_body(preferencelist=("plain",)).get_content()
    confirm_link = next(
        link
        for link in links_in(text)
        if path_before_token("fr", "subscriptions:confirm_email") in link
    )
    assert client.get(path_of(confirm_link)).status_code == 200
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is None  # GET only shows the button
    response = client.post(path_of(confirm_link))
    assert response.status_code == 200
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is not None
    assert list(selectors.confirmed_contact_points()) == [contact_point]
    assert ConsentRecord.objects.get().action == "given"

    # Management link by email, then change the communes.
    response = client.post(
        path_in("fr", "subscriptions:manage_access"), {"address": "anna@example.invalid"}
    )
    assert response.status_code == 200
    manage_mail = smtp_settings.to("anna@example.invalid")[-1]
    assert manage_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    manage_text = manage_mail.get_body(preferencelist=("plain",)).get_content()
    manage = path_before_token("fr", "subscriptions:manage")
    manage_link = next(link for link in links_in(manage_text) if manage in link)
    manage_path = path_of(manage_link)
    assert client.get(manage_path).status_code == 200
    response = client.post(
        manage_path,
        {
            "language": "nl",
            "topics": ["Met"],
            "places-TOTAL_FORMS": "2",
            "places-INITIAL_FORMS": "1",
            "places-MIN_NUM_FORMS": "1",
            "places-MAX_NUM_FORMS": "10",
            "places-0-label": "Thuis",
            "places-0-communes": ["21015", "21010"],
            "places-1-label": "",
        },
    )
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "nl" and subscriber.topics == ["Met"]
    [place] = subscriber.places.all()
    assert sorted(place.communes.values_list("pk", flat=True)) == ["21010", "21015"]

    # One-click unsubscribe, as a mail provider does it (RFC 8058).
    unsubscribe = manage_mail["List-Unsubscribe"].strip().strip("<>")
    assert client.get(path_of(unsubscribe)).status_code == 200
    assert ContactPoint.objects.get().active  # GET unsubscribes nothing
    response = client.post(
        path_of(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    contact_point.refresh_from_db()
    assert contact_point.active is False and contact_point.deactivated_reason == "unsubscribed"
    assert not selectors.confirmed_contact_points().exists()
    assert ConsentRecord.objects.filter(action="withdrawn").count() == 1


def test_the_confirmation_email_is_in_the_subscribers_language(client, smtp_settings):
    client.post(
        path_in("fr", "subscriptions:subscribe"),
        subscribe_data(email="bram@example.invalid", language="nl"),
    )
    [mail] = smtp_settings.to("bram@example.invalid")
    assert "Bevestig" in mail["Subject"]
    assert (
        path_before_token("nl", "subscriptions:confirm_email")
        in mail.get_body(preferencelist=("plain",)).get_content()
    )


def test_an_expired_confirmation_link_is_refused_with_a_clear_message(
    client, settings, smtp_settings
):
    client.post(SUBSCRIBE, subscribe_data(email="late@example.invalid"))
    contact_point = ContactPoint.objects.get()
    link = path_of(
        links_in(smtp_settings.messages[0].message.get_body(("plain",)).get_content())[0]
    )
    settings.SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE = -1
    response = client.post(link)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is None


def test_a_tampered_confirmation_link_is_refused(client):
    client.post(SUBSCRIBE, subscribe_data(email="t@example.invalid"))
    contact_point = ContactPoint.objects.get()
    token = tokens.confirm_token(contact_point)
    forged = signing.TimestampSigner(salt="another").sign_object({"c": contact_point.pk})
    for bad in (token[:-2] + "xx", forged, "nonsense"):
        response = client.post(path_in("fr", "subscriptions:confirm_email", bad))
        assert response.status_code == 400
        assert "pas valide" in response.content.decode()
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is None


def test_unsubscribe_get_changes_nothing_and_the_button_post_unsubscribes(client):
    client.post(SUBSCRIBE, subscribe_data(email="u@example.invalid"))
    contact_point = ContactPoint.objects.get()
    client.post(path_in("fr", "subscriptions:confirm_email", tokens.confirm_token(contact_point)))
    path = path_in("en", "subscriptions:unsubscribe", tokens.unsubscribe_token(contact_point))
    response = client.get(path)
    assert b"Yes, unsubscribe" in response.content
    contact_point.refresh_from_db()
    assert contact_point.active
    response = client.post(path)
    contact_point.refresh_from_db()
    assert not contact_point.active
    assert b"You are unsubscribed" in response.content


def test_managing_an_unknown_address_looks_the_same_and_sends_nothing(client, smtp_settings):
    response = client.post(
        path_in("fr", "subscriptions:manage_access"), {"address": "nobody@example.invalid"}
    )
    assert response.status_code == 200
    assert smtp_settings.messages == []
    client.post(SUBSCRIBE, subscribe_data(email="known@example.invalid"))
    cp = ContactPoint.objects.get()
    client.post(path_in("fr", "subscriptions:confirm_email", tokens.confirm_token(cp)))
    known = client.post(
        path_in("fr", "subscriptions:manage_access"), {"address": "known@example.invalid"}
    )
    assert known.content.replace(b"known", b"") == response.content.replace(b"known", b"")


# ------------------------------------------------------------------ SMS


def test_sms_journey_code_manage_and_stop_over_a_signed_webhook(client, twilio_settings):
    response = client.post(SUBSCRIBE, subscribe_data(phone="0470 99 00 11", language="nl"))
    assert response.status_code == 302
    contact_point = ContactPoint.objects.get()
    assert contact_point.address == "+32470990011"
    [body] = twilio_settings.to("+32470990011")
    assert "bevestigingscode" in body
    assert not selectors.confirmed_contact_points().exists()

    wrong = client.post(
        path_in("fr", "subscriptions:pending"),
        {"code": "000000" if "000000" not in body else "111111"},
    )
    assert wrong.status_code == 400
    response = client.post(path_in("fr", "subscriptions:pending"), {"code": code_from(body)})
    assert response.status_code == 200
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is not None

    # Manage by SMS code.
    client.post(path_in("fr", "subscriptions:manage_access"), {"address": "+32 470 99 00 11"})
    manage_body = twilio_settings.to("+32470990011")[-1]
    response = client.post(
        path_in("fr", "subscriptions:manage_code"), {"code": code_from(manage_body)}
    )
    assert response.status_code == 302
    manage_path = response["Location"]
    response = client.post(
        manage_path,
        {
            "language": "fr",
            "topics": ["Health"],
            "places-TOTAL_FORMS": "1",
            "places-INITIAL_FORMS": "1",
            "places-MIN_NUM_FORMS": "1",
            "places-MAX_NUM_FORMS": "10",
            "places-0-whole_region": "on",
        },
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().places.get().whole_region

    # STOP over a correctly signed webhook.
    response = _signed_post(client, {"From": "+32470990011", "Body": "  arrêt ", "To": "LUX"})
    assert response.status_code == 200
    assert b"<Response><Message>" in response.content
    contact_point.refresh_from_db()
    assert contact_point.active is False and contact_point.deactivated_reason == "stop"
    assert not selectors.confirmed_contact_points().exists()

    # START brings it back.
    _signed_post(client, {"From": "+32470990011", "Body": "Start", "To": "LUX"})
    contact_point.refresh_from_db()
    assert contact_point.active is True


@pytest.mark.parametrize("keyword", ["STOP", "stop", " Arret", "ARRÊT", "stoppen", "Unsubscribe"])
def test_every_stop_keyword_works(client, twilio_settings, keyword):
    from alerts.subscriptions.factories import SmsContactPointFactory

    contact_point = SmsContactPointFactory(address="+32470990012")
    _signed_post(client, {"From": "+32470990012", "Body": keyword})
    contact_point.refresh_from_db()
    assert contact_point.active is False


@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl", None])
def test_an_unsigned_or_wrongly_signed_webhook_changes_nothing(client, twilio_settings, signature):
    from alerts.subscriptions.factories import SmsContactPointFactory

    contact_point = SmsContactPointFactory(address="+32470990013")
    params = {"From": "+32470990013", "Body": "STOP"}
    if signature is None:  # signed, but with somebody else's token
        response = _signed_post(client, params, token="not-our-token")
    elif signature == "":
        response = client.post(INBOUND, params)
    else:
        response = _signed_post(client, params, signature=signature)
    assert response.status_code == 403
    contact_point.refresh_from_db()
    assert contact_point.active is True


def test_a_signature_for_other_parameters_is_refused(client, twilio_settings):
    from alerts.subscriptions.factories import SmsContactPointFactory

    contact_point = SmsContactPointFactory(address="+32470990014")
    url = "http://testserver" + INBOUND
    signature = RequestValidator(AUTH_TOKEN).compute_signature(
        url, {"From": "+32470990099", "Body": "STOP"}
    )
    response = client.post(
        INBOUND, {"From": "+32470990014", "Body": "STOP"}, HTTP_X_TWILIO_SIGNATURE=signature
    )
    assert response.status_code == 403
    contact_point.refresh_from_db()
    assert contact_point.active


def test_too_many_wrong_codes_kill_the_code(client, twilio_settings, settings):
    client.post(SUBSCRIBE, subscribe_data(phone="0470990015"))
    [body] = twilio_settings.to("+32470990015")
    good = code_from(body)
    bad = "123456" if good != "123456" else "654321"
    for _ in range(settings.SUBSCRIPTIONS_CODE_MAX_ATTEMPTS):
        client.post(path_in("fr", "subscriptions:pending"), {"code": bad})
    response = client.post(path_in("fr", "subscriptions:pending"), {"code": good})
    assert response.status_code == 400
    assert ContactPoint.objects.get().confirmed_at is None


def test_an_expired_code_is_refused(client, twilio_settings, settings):
    settings.SUBSCRIPTIONS_CODE_TTL = -1
    client.post(SUBSCRIBE, subscribe_data(phone="0470990016"))
    [body] = twilio_settings.to("+32470990016")
    response = client.post(path_in("fr", "subscriptions:pending"), {"code": code_from(body)})
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert ContactPoint.objects.get().confirmed_at is None


# ------------------------------------------------------------------ abuse


def test_100_signups_from_one_ip_send_at_most_the_ip_limit(client, settings, twilio_settings):
    limit = settings.SUBSCRIPTIONS_RATE_LIMITS["ip"][0]
    statuses = []
    for i in range(100):
        number = f"+3249{i % 10}99{i:04d}"
        statuses.append(client.post(SUBSCRIBE, subscribe_data(phone=number)).status_code)
    assert len(twilio_settings.messages) <= limit
    assert len(twilio_settings.messages) == limit
    assert statuses.count(429) == 100 - limit


def test_behind_the_reverse_proxy_each_citizen_has_their_own_ip_limit(
    client, settings, smtp_settings
):
    """All requests come from the proxy's address; the limit counts the real clients."""
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "ip": (1, 3600)}
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    first = client.post(
        SUBSCRIBE, subscribe_data(email="a@example.invalid"), HTTP_X_REAL_IP="192.0.2.1", **proxy
    )
    second = client.post(
        SUBSCRIBE, subscribe_data(email="b@example.invalid"), HTTP_X_REAL_IP="192.0.2.2", **proxy
    )
    again = client.post(
        SUBSCRIBE, subscribe_data(email="c@example.invalid"), HTTP_X_REAL_IP="192.0.2.1", **proxy
    )
    assert 429 not in (first.status_code, second.status_code)
    assert again.status_code == 429
    assert len(smtp_settings.messages) == 2


def test_100_signups_from_one_number_prefix_send_at_most_the_prefix_limit(
    client, settings, twilio_settings
):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "ip": (1000, 3600),
        "phone_prefix": (7, 3600),
    }
    for i in range(100):
        client.post(
            SUBSCRIBE,
            subscribe_data(phone=f"+324709{i:05d}"),
            REMOTE_ADDR=f"10.0.{i // 200}.{i % 200}",
        )
    assert len(twilio_settings.messages) == 7


def test_the_daily_sms_cap_holds_across_everyone(client, settings, twilio_settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "ip": (1000, 3600),
        "phone_prefix": (1000, 3600),
        "sms_daily": (3, 86400),
    }
    for i in range(10):
        client.post(SUBSCRIBE, subscribe_data(phone=f"+3247{i}990000"), REMOTE_ADDR=f"10.1.0.{i}")
    assert len(twilio_settings.messages) == 3


def test_rate_limited_form_keeps_the_data_and_sends_nothing(client, settings, smtp_settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "email": (1, 3600)}
    client.post(SUBSCRIBE, subscribe_data(email="same@example.invalid"))
    response = client.post(SUBSCRIBE, subscribe_data(email="same@example.invalid"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de demandes" in page
    assert 'value="same@example.invalid"' in page
    assert len(smtp_settings.messages) == 1
    assert ContactPoint.objects.count() == 1


def test_manage_requests_are_rate_limited_per_address(client, settings, smtp_settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "email": (2, 3600)}
    client.post(SUBSCRIBE, subscribe_data(email="m@example.invalid"))
    cp = ContactPoint.objects.get()
    client.post(path_in("fr", "subscriptions:confirm_email", tokens.confirm_token(cp)))
    codes = [
        client.post(
            path_in("fr", "subscriptions:manage_access"), {"address": "m@example.invalid"}
        ).status_code
        for _ in range(3)
    ]
    assert codes == [200, 429, 429]
    assert len(smtp_settings.messages) == 3  # confirmation, "you are subscribed", one link


def test_the_honeypot_stores_and_sends_nothing(client, smtp_settings):
    response = client.post(
        SUBSCRIBE, subscribe_data(email="bot@example.invalid", website="http://spam")
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert smtp_settings.messages == []


# ------------------------------------------------------------------ form


def test_the_subscribe_page_speaks_plainly_in_each_language(client):
    for language, phrase in (
        ("fr", "alertes extrêmes et graves"),
        ("nl", "extreme en ernstige"),
        ("en", "Extreme and severe alerts"),
    ):
        response = client.get(path_in(language, "subscriptions:subscribe"))
        assert response.status_code == 200
        assert phrase.lower() in response.content.decode().lower()


def test_form_errors_are_in_the_users_language(client):
    response = client.post(path_in("nl", "subscriptions:subscribe"), subscribe_data(phone="12"))
    assert response.status_code == 400
    assert "geen geldig telefoonnummer" in response.content.decode()
    response = client.post(path_in("fr", "subscriptions:subscribe"), subscribe_data(communes=None))
    assert "au moins une commune" in response.content.decode()


def test_a_landline_is_refused_for_sms(client):
    response = client.post(SUBSCRIBE, subscribe_data(phone="02 279 22 11"))
    assert response.status_code == 400
    assert not ContactPoint.objects.exists()


def test_push_subscription_from_the_browser(client, push_dns):
    subscription = browser_subscription()
    response = client.post(
        path_in("fr", "subscriptions:push_subscription"),
        json.dumps({"subscription": subscription}),
        content_type="application/json",
    )
    assert response.status_code == 200
    response = client.post(SUBSCRIBE, subscribe_data(push_subscription=json.dumps(subscription)))
    assert response.status_code == 302
    push = ContactPoint.objects.get(channel=ChannelName.PUSH)
    assert push.confirmed_at is not None and push.push_keys == subscription["keys"]
    assert push.address == subscription["endpoint"]


def test_push_endpoint_needs_csrf(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        path_in("fr", "subscriptions:push_subscription"),
        json.dumps({"subscription": {"endpoint": "https://x.invalid/1", "keys": {}}}),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_pushsubscriptionchange_moves_the_subscription(client, push_dns):
    from alerts.subscriptions.factories import ContactPointFactory

    push = ContactPointFactory(
        channel=ChannelName.PUSH, address="https://push.example.invalid/old", push_keys={"a": 1}
    )
    new = browser_subscription("https://fcm.googleapis.com/fcm/send/new")
    response = client.post(
        "/webhooks/push/subscription-change",
        json.dumps({"old_endpoint": "https://push.example.invalid/unknown", "subscription": new}),
        content_type="application/json",
    )
    assert response.status_code == 410
    response = client.post(
        "/webhooks/push/subscription-change",
        json.dumps({"old_endpoint": push.address, "subscription": new}),
        content_type="application/json",
    )
    assert response.status_code == 200
    push.refresh_from_db()
    assert push.address == new["endpoint"] and push.push_keys == new["keys"]


def test_service_worker_is_served_at_the_root_with_scope_header(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Content-Type"].startswith("application/javascript")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    for needle in (b"notificationclick", b"pushsubscriptionchange", b"showNotification"):
        assert needle in body


# ------------------------------------------------------------------ privacy


def test_export_and_erasure_from_the_manage_page(client, twilio_settings):
    client.post(
        SUBSCRIBE,
        subscribe_data(
            email="e@example.invalid", phone="0470990017", latitude="50.8467", longitude="4.3525"
        ),
    )
    subscriber = Subscriber.objects.get()
    sms = subscriber.contact_points.get(channel="sms")
    client.post(
        path_in("fr", "subscriptions:pending"),
        {"code": code_from(twilio_settings.to(sms.address)[0])},
    )
    token = tokens.manage_token(subscriber)
    response = client.get(path_in("fr", "subscriptions:manage_export", token))
    assert response["Content-Type"] == "application/json"
    data = json.loads(b"".join([response.content]))
    addresses = {cp["address"] for cp in data["contact_points"]}
    assert addresses == {"e@example.invalid", "+32470990017"}
    assert data["places"][0]["latitude"] == 50.847
    assert data["places"][0]["communes"][0]["nis_code"] == "21004"

    assert client.post(path_in("fr", "subscriptions:manage_erase", token), {}).status_code == 200
    assert Subscriber.objects.exists()  # not without the confirmation box
    response = client.post(path_in("fr", "subscriptions:manage_erase", token), {"confirm": "on"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not ContactPoint.objects.exists()
    assert client.get(path_in("fr", "subscriptions:manage", token)).status_code == 400


def test_manage_page_adds_a_phone_and_stops_a_channel(client, twilio_settings, smtp_settings):
    client.post(SUBSCRIBE, subscribe_data(email="add@example.invalid"))
    email = ContactPoint.objects.get()
    client.post(path_in("fr", "subscriptions:confirm_email", tokens.confirm_token(email)))
    token = tokens.manage_token(email.subscriber)

    response = client.post(
        path_in("fr", "subscriptions:manage_add", token), {"phone": "0470 99 00 60", "email": ""}
    )
    assert response.status_code == 302 and response["Location"] == path_in(
        "fr", "subscriptions:pending"
    )
    [body] = twilio_settings.to("+32470990060")
    client.post(path_in("fr", "subscriptions:pending"), {"code": code_from(body)})
    phone = ContactPoint.objects.get(channel="sms")
    assert phone.subscriber_id == email.subscriber_id and phone.confirmed_at is not None

    response = client.post(path_in("fr", "subscriptions:manage_stop", token, email.pk))
    assert response.status_code == 302
    email.refresh_from_db()
    assert not email.active
    assert list(selectors.confirmed_contact_points()) == [phone]


def test_a_new_code_can_be_asked_for_within_the_limits(client, settings, twilio_settings):
    client.post(SUBSCRIBE, subscribe_data(phone="0470990061"))
    response = client.post(path_in("fr", "subscriptions:pending"), {"resend": "1"})
    assert response.status_code == 200
    first, second = twilio_settings.to("+32470990061")
    # Only the latest code works.
    if code_from(first) != code_from(second):
        assert (
            client.post(
                path_in("fr", "subscriptions:pending"), {"code": code_from(first)}
            ).status_code
            == 400
        )
    assert (
        client.post(path_in("fr", "subscriptions:pending"), {"code": code_from(second)}).status_code
        == 200
    )


def test_asking_for_new_codes_is_rate_limited_per_number(client, settings, twilio_settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "phone": (2, 3600)}
    client.post(SUBSCRIBE, subscribe_data(phone="0470990062"))
    assert client.post(path_in("fr", "subscriptions:pending"), {"resend": "1"}).status_code == 200
    response = client.post(path_in("fr", "subscriptions:pending"), {"resend": "1"})
    assert response.status_code == 429 and "Trop de demandes" in response.content.decode()
    assert len(twilio_settings.to("+32470990062")) == 2


@pytest.mark.parametrize(
    "body", ["not json", "[1, 2]", '{"subscription": 5}', '{"old_endpoint": 1}']
)
def test_malformed_push_bodies_are_a_plain_400(client, body):
    for url in (
        path_in("fr", "subscriptions:push_subscription"),
        "/webhooks/push/subscription-change",
    ):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400, (url, body)


def test_a_replayed_stop_or_start_is_applied_once(client, twilio_settings):
    from alerts.subscriptions.factories import SmsContactPointFactory

    contact_point = SmsContactPointFactory(address="+32470990016")
    stop = {"From": "+32470990016", "Body": "STOP", "MessageSid": "SM" + "1" * 32}
    start = {"From": "+32470990016", "Body": "START", "MessageSid": "SM" + "2" * 32}
    assert b"<Message>" in _signed_post(client, stop).content
    assert b"<Message>" in _signed_post(client, start).content
    contact_point.refresh_from_db()
    assert contact_point.active is True
    consents = ConsentRecord.objects.filter(contact_point=contact_point).count()

    # The same signed STOP again (a signature carries no time): answered, but no effect.
    for message in (stop, start, stop):
        replay = _signed_post(client, message)
        assert replay.status_code == 200
        assert b"<Message>" not in replay.content
    contact_point.refresh_from_db()
    assert contact_point.active is True
    assert ConsentRecord.objects.filter(contact_point=contact_point).count() == consents
