import pytest

from alerts.delivery.targeting import target_contact_points
from alerts.factories import AlertFactory
from alerts.subscriptions.admin_forms import AudienceMemberForm
from campaigns import factories as campaign_factories
from tests.campaigns.conftest import Sections

pytestmark = pytest.mark.django_db


def _form(**data):
    fields = {
        "audience": "partner",
        "language": "nl",
        "email": "dispatch@siamu.example.invalid",
        "whole_region": "on",
        "topics": ["Fire"],
    }
    fields.update(data)
    return AudienceMemberForm(data=fields)


def test_a_partner_contact_is_linked_to_its_partner_page_and_gets_restricted_alerts(demo_site):
    sections = Sections(demo_site.homes)
    page = campaign_factories.PartnerPageFactory(parent=sections["partners"]["fr"], title="SIAMU")
    form = _form(partner=page.pk)
    assert form.is_valid(), form.errors
    contact = form.save()

    assert contact.partner == page and contact.organisation == "SIAMU"
    restricted = AlertFactory(scope="Restricted")
    reached = set(target_contact_points(restricted).values_list("subscriber_id", flat=True))
    assert contact.pk in reached
    assert page.network_contacts.get() == contact


def test_a_partner_contact_needs_an_organisation(demo_site):
    form = _form()
    assert not form.is_valid()
    assert "organisation" in form.errors
