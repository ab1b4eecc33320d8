"""The network in the admin: partners, capabilities, contacts, resource types; only for
alert authors and approvers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from alerts.factories import AuthorFactory, UserFactory
from alerts.mobilisation.factories import (
    NetworkPartnerFactory,
    PartnerCapabilityFactory,
    ResourceTypeFactory,
    partner_contact,
)
from alerts.mobilisation.models import NetworkPartner, PartnerContact, ResourceType
from alerts.subscriptions.models import ContactPoint
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
INDEX = "network_partners:index"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def author_client(client):
    author = AuthorFactory(username="author")
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "en"  # texts are asserted in the source language
    profile.save()
    return login_with_second_factor(client, author)


def partner_form(**fields):
    data = {
        "name": "Croix-Rouge",
        "language": "fr",
        "whole_region": "on",
        "availability": "always",
        "active": "on",
        "capabilities-TOTAL_FORMS": "1",
        "capabilities-INITIAL_FORMS": "0",
        "capabilities-MIN_NUM_FORMS": "0",
        "capabilities-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_plain_editor_is_refused_everywhere(client):
    partner = NetworkPartnerFactory()
    client.force_login(UserFactory(username="editor", groups=["Editors"]))
    for url in (
        reverse(INDEX),
        reverse("network_partners:edit", args=[partner.pk]),
        reverse("network_partners:add"),
        reverse("network_partners:contacts", args=[partner.pk]),
        reverse("network_resource_types:index"),
    ):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
    response = client.post(
        reverse("network_partners:contacts", args=[partner.pk]),
        {
            "action": "contact_add",
            "contact-name": "X",
            "contact-language": "fr",
            "contact-email": "x@example.invalid",
        },
    )
    assert response.status_code in {302, 403}
    assert not PartnerContact.objects.exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Network partners" not in home


def test_an_author_lists_partners_and_sees_the_stale_ones_flagged(author_client):
    NetworkPartnerFactory(name="Fresh partner")
    NetworkPartnerFactory(name="Old partner", reviewed_at=timezone.now() - timedelta(days=200))
    body = author_client.get(reverse(INDEX)).content.decode()
    assert "Fresh partner" in body and "Old partner" in body
    assert body.count("Stale: to review") == 1

    stale = author_client.get(reverse(INDEX), {"stale": "true"}).content.decode()
    assert "Old partner" in stale
    assert "Fresh partner" not in stale


def test_an_author_creates_a_partner_with_its_capabilities(author_client):
    shelter = ResourceTypeFactory(code="shelter")
    response = author_client.post(
        reverse("network_partners:add"),
        partner_form(
            **{"capabilities-0-resource_type": shelter.pk, "capabilities-0-quantity": "30"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    partner = NetworkPartner.objects.get(name="Croix-Rouge")
    [capability] = partner.capabilities.all()
    assert (capability.resource_type, capability.quantity) == (shelter, 30)


def test_hours_are_required_when_available_only_at_set_hours(author_client):
    response = author_client.post(
        reverse("network_partners:add"), partner_form(availability="hours")
    )
    assert response.status_code == 200
    assert "Give the hours" in response.content.decode()
    assert not NetworkPartner.objects.exists()


def test_an_author_edits_quantities(author_client):
    capability = PartnerCapabilityFactory(quantity=10)
    partner = capability.partner
    data = partner_form(
        name=partner.name,
        **{
            "capabilities-TOTAL_FORMS": "2",
            "capabilities-INITIAL_FORMS": "1",
            "capabilities-0-id": capability.pk,
            "capabilities-0-partner": partner.pk,
            "capabilities-0-resource_type": capability.resource_type_id,
            "capabilities-0-quantity": "12",
        },
    )
    response = author_client.post(reverse("network_partners:edit", args=[partner.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    capability.refresh_from_db()
    assert capability.quantity == 12


def test_a_contact_added_in_the_admin_stays_pending_until_confirmed(
    author_client, django_capture_on_commit_callbacks
):
    partner = NetworkPartnerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(
            reverse("network_partners:contacts", args=[partner.pk]),
            {
                "action": "contact_add",
                "contact-name": "Anne",
                "contact-role": "Duty officer",
                "contact-language": "fr",
                "contact-email": "anne@example.invalid",
            },
        )
    assert response.status_code == 302
    contact = PartnerContact.objects.get(partner=partner)
    point = ContactPoint.objects.get(subscriber=contact.subscriber)
    assert point.confirmed_at is None
    assert [m.to for m in mail.outbox] == [["anne@example.invalid"]]
    page = author_client.get(reverse("network_partners:contacts", args=[partner.pk]))
    assert "waiting for confirmation" in page.content.decode()


def test_hostile_partner_and_contact_names_are_escaped_in_the_admin(author_client):
    partner = NetworkPartnerFactory(name=HOSTILE)
    partner_contact(partner, 0, phone="+32470000001", name=HOSTILE)
    for url in (
        reverse(INDEX),
        reverse("network_partners:edit", args=[partner.pk]),
        reverse("network_partners:contacts", args=[partner.pk]),
    ):
        body = author_client.get(url).content.decode()
        assert HOSTILE not in body, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url


def test_an_author_extends_the_resource_vocabulary(author_client):
    response = author_client.post(
        reverse("network_resource_types:add"),
        {"code": "buses", "name_fr": "Bus", "name_nl": "Bussen", "unit_fr": "bus"},
    )
    assert response.status_code == 302
    assert ResourceType.objects.filter(code="buses").exists()


def test_the_dashboard_lists_entries_to_review_for_the_crisis_centre(author_client, client):
    NetworkPartnerFactory(name="Fresh partner")
    NetworkPartnerFactory(name=HOSTILE, reviewed_at=None)
    body = author_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partner entries to review" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert HOSTILE not in body
    assert "Fresh partner" not in body
