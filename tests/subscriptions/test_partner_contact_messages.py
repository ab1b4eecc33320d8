"""A partner network contact's double opt-in speaks of the partner network and its
mobilisation requests, not of public alerts, and no citizen welcome follows."""

import html

import pytest
from django.core import mail

from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.subscriptions import links, notifications, services
from tests.subscriptions.helpers import path_of

pytestmark = pytest.mark.django_db


def _pending_email():
    partner = NetworkPartnerFactory(name="Croix-Rouge <b>Bruxelles</b>")
    contact = partner_contact(
        partner, 0, email="desk@example.invalid", confirmed=False, language="en"
    )
    return contact.subscriber.contact_points.get()


def test_the_confirmation_email_names_the_partner_and_the_mobilisation_requests(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    point = _pending_email()

    notifications.send_email_confirmation(point)

    (email,) = mail.outbox
    assert "Croix-Rouge <b>Bruxelles</b>" in email.subject
    assert "mobilisation requests" in email.body
    assert "public alerts" not in email.body
    assert links.confirm_url(point) in email.body
    page_html = email.alternatives[0][0]
    assert "Croix-Rouge &lt;b&gt;Bruxelles&lt;/b&gt;" in page_html  # escaped in the HTML part


def test_the_confirmation_page_speaks_of_the_partner_network_and_no_welcome_follows(
    client, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    point = _pending_email()
    url = path_of(links.confirm_url(point))

    raw = client.get(url).content.decode()
    assert "Croix-Rouge <b>" not in raw  # the organisation's name is escaped
    page = html.unescape(raw)
    assert "as a contact of Croix-Rouge <b>Bruxelles</b> in the partner network" in page
    assert "public alerts" not in page
    services.contact_point_confirm(contact_point=point, method="email link")
    point.refresh_from_db()

    assert notifications.send_welcome(point) is None
