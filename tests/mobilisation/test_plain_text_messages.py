"""The partner messages' plain-text parts show outside text as written (escaping would
show &lt; to the reader); their HTML parts escape it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from alerts.delivery.services import delivery_run
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.mobilisation.network_services import partners_remind

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('x')</script> & Co"


def test_the_request_email_keeps_hostile_text_plain_in_text_and_escaped_in_html(send, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    partner = NetworkPartnerFactory()
    partner_contact(partner, 0, email="desk@example.invalid")
    send([partner], need_fr=HOSTILE, place=HOSTILE)

    delivery_run(channel_name="email")

    (email,) = mail.outbox
    assert HOSTILE in email.body
    html = email.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_reminder_keeps_a_hostile_partner_name_plain_in_text_and_escaped_in_html(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    partner = NetworkPartnerFactory(name=HOSTILE, reviewed_at=timezone.now() - timedelta(days=120))
    partner_contact(partner, 0, email="desk@example.invalid")

    assert partners_remind() == 1

    (email,) = mail.outbox
    assert HOSTILE in email.subject and HOSTILE in email.body
    html = email.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html
