"""The partner's self-service page, from the signed link in its reminders."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from alerts.channels.outbox import OutboxChannel
from alerts.mobilisation import tokens
from alerts.mobilisation.factories import (
    NetworkPartnerFactory,
    PartnerCapabilityFactory,
    ResourceTypeFactory,
    partner_contact,
)
from alerts.mobilisation.models import PartnerContact
from alerts.models import Commune
from alerts.subscriptions.models import ContactPoint
from tests.paths import path_before_token, path_in
from tests.subscriptions.helpers import code_from, links_in, path_of

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"


def page(partner, language="en"):
    return path_in(language, "mobilisation:partner_update", tokens.partner_token(partner.pk))


def details(partner, **fields):
    data = {"action": "details", "whole_region": "on", "availability": "always"}
    for capability in partner.capabilities.all():
        data[f"quantity_{capability.pk}"] = capability.quantity
    data.update(fields)
    return data


@pytest.fixture
def partner(db):
    partner = NetworkPartnerFactory(name="Croix-Rouge Bruxelles", language="fr")
    PartnerCapabilityFactory(
        partner=partner,
        resource_type=ResourceTypeFactory(code="shelter", name_fr="Hébergement"),
        quantity=40,
    )
    partner_contact(partner, 0, phone="+32470000001", email="first@example.invalid")
    partner_contact(partner, 1, phone="+32470000002")
    return partner


def test_the_link_updates_quantities_communes_and_hours(client, partner):
    capability = partner.capabilities.get()
    commune = Commune.objects.first()
    response = client.post(
        page(partner),
        details(
            partner,
            **{f"quantity_{capability.pk}": "25"},
            whole_region="",
            communes=[commune.pk],
            availability="hours",
            available_from="08:00",
            available_until="18:00",
        ),
    )
    assert response.status_code == 302
    capability.refresh_from_db()
    partner.refresh_from_db()
    assert capability.quantity == 25
    assert list(partner.communes.all()) == [commune]
    assert partner.availability == "hours"
    assert str(partner.available_from) == "08:00:00"
    assert ModelLogEntry.objects.filter(action="mobilisation.partner_update").exists()
    assert "saved" in client.get(response["Location"]).content.decode()


def test_bad_input_is_refused_with_a_clear_error(client, partner):
    capability = partner.capabilities.get()
    response = client.post(
        page(partner),
        details(partner, **{f"quantity_{capability.pk}": "-3"}, availability="hours"),
    )
    assert response.status_code == 400
    capability.refresh_from_db()
    assert capability.quantity == 40
    body = response.content.decode()
    assert "Give the hours" in body
    assert 'class="field-error"' in body


def test_the_page_is_never_cached_nor_indexed_and_speaks_the_link_language(client, partner):
    response = client.get(page(partner, "nl"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert 'lang="nl"' in response.content.decode()
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_confirm_all_is_current_clears_the_stale_flag(client, partner):
    partner.reviewed_at = timezone.now() - timedelta(days=200)
    partner.save()
    assert partner.is_stale_at(timezone.now())
    assert client.post(page(partner), {"action": "confirm"}).status_code == 302
    partner.refresh_from_db()
    assert not partner.is_stale_at(timezone.now())


def test_an_expired_link_explains_to_ask_for_a_new_one(client, partner):
    long_ago = timezone.now() - timedelta(days=31)
    with mock.patch("django.core.signing.time.time", return_value=long_ago.timestamp()):
        old = tokens.partner_token(partner.pk)
    response = client.get(path_in("en", "mobilisation:partner_update", old))
    assert response.status_code == 410
    assert "Ask the crisis centre for a new link" in response.content.decode()
    capability = partner.capabilities.get()
    response = client.post(
        path_in("en", "mobilisation:partner_update", old),
        details(partner, **{f"quantity_{capability.pk}": "1"}),
    )
    assert response.status_code == 410
    capability.refresh_from_db()
    assert capability.quantity == 40


def test_a_tampered_link_is_refused(client, partner):
    other = NetworkPartnerFactory()
    token = tokens.partner_token(partner.pk)
    forged = tokens.partner_token(other.pk).split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (token[:-2] + "xx", forged, "nothing"):
        response = client.get(path_in("en", "mobilisation:partner_update", bad))
        assert response.status_code == 404
        assert "Ask the crisis centre for a new link" in response.content.decode()


def test_a_new_contact_email_stays_pending_until_the_link_is_opened(
    client, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(partner),
            {
                "action": "contact_add",
                "contact-name": "Jan Peeters",
                "contact-role": "Coordinator",
                "contact-language": "nl",
                "contact-email": "Jan@Example.INVALID",
            },
        )
    assert response.status_code == 302
    contact = PartnerContact.objects.get(name="Jan Peeters")
    assert contact.position == 2  # last in the order of calls
    point = ContactPoint.objects.get(address="jan@example.invalid")
    assert point.confirmed_at is None
    assert point.subscriber == contact.subscriber
    assert "waiting for confirmation" in client.get(page(partner, "en")).content.decode()

    [message] = [m for m in mail.outbox if "jan@example.invalid" in m.to]
    confirm = next(
        link
        for link in links_in(message.body)
        if path_before_token("nl", "subscriptions:confirm_email") in link
    )
    client.get(path_of(confirm))
    point.refresh_from_db()
    assert point.confirmed_at is None  # opening shows the button; the click confirms
    client.post(path_of(confirm))
    point.refresh_from_db()
    assert point.confirmed_at is not None


def test_a_contact_without_any_address_is_refused(client, partner):
    response = client.post(
        page(partner), {"action": "contact_add", "contact-name": "X", "contact-language": "fr"}
    )
    assert response.status_code == 400
    assert "Give an email address or a mobile number." in response.content.decode()
    assert not PartnerContact.objects.filter(name="X").exists()


def test_contacts_are_reordered_and_removed_but_never_the_last(client, partner):
    first, second = partner.contacts.order_by("position")
    client.post(page(partner), {"action": "down", "contact": first.pk})
    assert [c.pk for c in partner.contacts.order_by("position")] == [second.pk, first.pk]
    assert client.post(page(partner), {"action": "remove", "contact": first.pk}).status_code == 302
    first.refresh_from_db()
    assert not first.active
    assert not first.subscriber.contact_points.filter(active=True).exists()
    response = client.post(page(partner), {"action": "remove", "contact": second.pk})
    assert response.status_code == 400
    assert "before removing the last one" in response.content.decode()
    second.refresh_from_db()
    assert second.active


def test_another_partners_contact_cannot_be_touched(client, partner):
    other = NetworkPartnerFactory()
    foreign = partner_contact(other, 0, phone="+32470000099")
    response = client.post(page(partner), {"action": "remove", "contact": foreign.pk})
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.active


def test_a_hostile_partner_name_and_contact_are_escaped(client, partner):
    partner.name = HOSTILE
    partner.save()
    partner_contact(partner, 2, phone="+32470000003", name=HOSTILE)
    body = client.get(page(partner)).content.decode()
    assert HOSTILE not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_new_phone_is_confirmed_with_the_sms_code_on_the_page(
    client, partner, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.VAR_DIR = tmp_path  # no SMS provider in tests: the local outbox receives it
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            page(partner),
            {
                "action": "contact_add",
                "contact-name": "Nadia",
                "contact-language": "fr",
                "contact-phone": "0470 12 34 56",
            },
        )
    contact = PartnerContact.objects.get(name="Nadia")
    point = contact.subscriber.contact_points.get()
    assert point.confirmed_at is None
    [sms] = OutboxChannel("sms").read_all()
    code = code_from(sms["text"])

    wrong = "000000" if code != "000000" else "111111"
    fields = {"action": "code", "contact": contact.pk, "contact_point": point.pk}
    response = client.post(page(partner), {**fields, "code": wrong})
    assert response.status_code == 400
    assert "This code is not right" in response.content.decode()
    point.refresh_from_db()
    assert point.confirmed_at is None

    assert client.post(page(partner), {**fields, "code": code}).status_code == 302
    point.refresh_from_db()
    assert point.confirmed_at is not None
