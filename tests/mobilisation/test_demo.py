import pytest

from alerts.mobilisation import demo
from alerts.mobilisation.models import (
    NetworkPartner,
    PartnerCapability,
    PartnerContact,
    ResourceType,
)
from alerts.subscriptions.models import ContactPoint, Subscriber
from campaigns import factories as campaign_factories
from portal.demo import DemoContext
from tests.campaigns.conftest import Sections

pytestmark = pytest.mark.django_db


def _counts():
    return (
        ResourceType.objects.count(),
        NetworkPartner.objects.count(),
        PartnerCapability.objects.count(),
        PartnerContact.objects.count(),
        Subscriber.objects.count(),
        ContactPoint.objects.count(),
    )


def test_seeding_twice_changes_nothing(demo_site):
    demo.seed(DemoContext())
    first = _counts()
    demo.seed(DemoContext())
    assert _counts() == first
    assert first[1] == len(demo.PARTNERS) >= 8


def test_every_partner_can_be_asked_by_two_confirmed_contacts_and_offers_something(demo_site):
    demo.seed(DemoContext())
    for partner in NetworkPartner.objects.all():
        assert partner.capabilities.exists(), partner
        assert partner.whole_region or partner.communes.exists(), partner
        reachable = [
            contact
            for contact in partner.contacts.filter(active=True)
            if contact.subscriber.contact_points.filter(
                active=True, confirmed_at__isnull=False, channel="sms"
            ).exists()
        ]
        assert len(reachable) >= 2, partner
    addresses = ContactPoint.objects.filter(subscriber__network_contact__isnull=False).values_list(
        "channel", "address"
    )
    for channel, address in addresses:
        if channel == "email":
            assert address.endswith("@example.invalid") and address.isascii()
        else:
            assert address.startswith("+3247000")


def test_every_resource_type_is_named_in_french_and_dutch(demo_site):
    demo.seed(DemoContext())
    types = ResourceType.objects.all()
    assert {"shelter", "buses", "interpreters-ar", "interpreters-sign"} <= {t.code for t in types}
    for resource_type in types:
        assert resource_type.name_fr and resource_type.name_nl and resource_type.name_en
        assert resource_type.name_fr != resource_type.name_nl


def test_partners_are_linked_to_the_public_partner_page_of_the_same_organisation(demo_site):
    sections = Sections(demo_site.homes)
    siamu = campaign_factories.PartnerPageFactory(
        parent=sections["partners"]["fr"], title="SIAMU", slug="siamu"
    )
    demo.seed(DemoContext())
    partner = NetworkPartner.objects.get(page__isnull=False)
    assert partner.page == siamu and "SIAMU" in partner.name
    assert {c.subscriber.partner for c in partner.contacts.all()} == {siamu}
