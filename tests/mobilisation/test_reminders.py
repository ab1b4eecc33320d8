"""Partners are asked every quarter to review their entry, through their self-service link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.channels.outbox import OutboxChannel
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.mobilisation.models import PartnerContact
from alerts.mobilisation.network_services import partners_remind
from alerts.subscriptions.models import ContactPoint, Subscriber
from tests.paths import path_before_token
from tests.subscriptions.helpers import links_in, path_of

pytestmark = pytest.mark.django_db

# Entries last confirmed current more than a quarter ago: due for a reminder.
LONG_AGO = timezone.now() - timedelta(days=120)


def reminder_link(message, language):
    start = path_before_token(language, "mobilisation:partner_update")
    return next(link for link in links_in(message.body) if start in link)


def test_a_partner_is_reminded_once_a_quarter_in_its_language_with_a_working_link(client):
    partner = NetworkPartnerFactory(reviewed_at=LONG_AGO, name="Rode Kruis Brussel", language="nl")
    partner_contact(partner, 0, language="nl", phone="+32470000001", email="eerste@example.invalid")
    partner_contact(partner, 1, language="nl", email="tweede@example.invalid")
    now = timezone.now()

    assert partners_remind(now=now) == 1
    [message] = mail.outbox
    assert message.to == ["eerste@example.invalid"]  # the first contact only
    assert "Rode Kruis Brussel" in message.subject
    link = reminder_link(message, "nl")
    response = client.get(path_of(link))
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
    partner.refresh_from_db()
    assert partner.reminded_at == now

    # Again the same day, and a month later: nothing more.
    assert partners_remind(now=now) == 0
    assert partners_remind(now=now + timedelta(days=30)) == 0
    assert len(mail.outbox) == 1
    # A quarter later: once more.
    assert partners_remind(now=now + timedelta(days=92)) == 1
    assert len(mail.outbox) == 2


def test_a_partner_whose_first_contact_has_no_email_gets_an_sms(settings, tmp_path):
    settings.VAR_DIR = tmp_path  # no SMS provider in tests: the local outbox receives it
    partner = NetworkPartnerFactory(reviewed_at=LONG_AGO, name="Samusocial", language="fr")
    partner_contact(partner, 0, phone="+32470000001")

    assert partners_remind() == 1
    [sms] = OutboxChannel("sms").read_all()
    assert sms["address"] == "+32470000001"
    assert path_before_token("fr", "mobilisation:partner_update") in sms["text"]
    assert not mail.outbox


def test_unconfirmed_addresses_and_inactive_partners_get_no_reminder():
    pending = NetworkPartnerFactory(reviewed_at=LONG_AGO)
    partner_contact(pending, 0, email="pending@example.invalid", confirmed=False)
    retired = NetworkPartnerFactory(reviewed_at=LONG_AGO, active=False)
    partner_contact(retired, 0, email="retired@example.invalid")

    assert partners_remind() == 0
    assert not mail.outbox


def test_the_periodic_worker_sends_the_reminders():
    partner = NetworkPartnerFactory(reviewed_at=LONG_AGO, language="fr")
    partner_contact(partner, 0, email="premier@example.invalid")
    call_command("periodic")
    call_command("periodic")
    assert [m.to for m in mail.outbox] == [["premier@example.invalid"]]


def test_a_partner_contact_never_confirmed_does_not_stop_the_hourly_housekeeping():
    partner = NetworkPartnerFactory(reviewed_at=LONG_AGO)
    contact = partner_contact(partner, 0, phone="+32470000001", confirmed=False)
    partner_contact(partner, 1, email="second@example.invalid")
    days_ago = timezone.now() - timedelta(days=3)
    ContactPoint.objects.filter(subscriber=contact.subscriber).update(created_at=days_ago)
    Subscriber.objects.filter(pk=contact.subscriber_id).update(created_at=days_ago)

    call_command("periodic")

    assert not ContactPoint.objects.filter(subscriber=contact.subscriber).exists()
    assert PartnerContact.objects.filter(pk=contact.pk).exists()
    assert [m.to for m in mail.outbox] == [["second@example.invalid"]]  # reminders still ran


def test_a_partner_that_just_confirmed_its_entry_is_not_asked_again():
    partner = NetworkPartnerFactory(reviewed_at=timezone.now() - timedelta(days=10))
    partner_contact(partner, 0, email="desk@example.invalid")

    assert partners_remind() == 0
    assert partners_remind(now=timezone.now() + timedelta(days=85)) == 1
