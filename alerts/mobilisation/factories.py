"""Test and demo data for the partner network (factory_boy)."""

import factory
from django.utils import timezone

from alerts.audiences import Audience
from alerts.subscriptions.factories import ContactPointFactory, SubscriberFactory
from alerts.subscriptions.models import ChannelName

from .models import NetworkPartner, PartnerCapability, PartnerContact, ResourceType


class ResourceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"resource-{n}")
    name_fr = factory.Sequence(lambda n: f"Ressource {n}")
    name_nl = factory.Sequence(lambda n: f"Middel {n}")
    unit_fr = "places"
    unit_nl = "plaatsen"


class NetworkPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkPartner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner {n}")
    whole_region = True
    reviewed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def communes(self, create, extracted, **kwargs):
        if create and extracted:
            self.communes.set(extracted)


class PartnerCapabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCapability

    partner = factory.SubFactory(NetworkPartnerFactory)
    resource_type = factory.SubFactory(ResourceTypeFactory)
    quantity = 10


def partner_contact(
    partner: NetworkPartner,
    position: int,
    *,
    language: str = "fr",
    phone: str | None = None,
    email: str | None = None,
    confirmed: bool = True,
    name: str = "",
) -> PartnerContact:
    """A contact with a partner-audience subscriber and its SMS and/or email addresses
    (confirmed unless `confirmed=False`)."""
    subscriber = SubscriberFactory(
        language=language, audience=Audience.PARTNER, organisation=partner.name, topics=[]
    )
    when = timezone.now() if confirmed else None
    if phone:
        ContactPointFactory(
            subscriber=subscriber, channel=ChannelName.SMS, address=phone, confirmed_at=when
        )
    if email:
        ContactPointFactory(
            subscriber=subscriber, channel=ChannelName.EMAIL, address=email, confirmed_at=when
        )
    return PartnerContact.objects.create(
        partner=partner,
        position=position,
        name=name or f"Contact {position} of {partner.name}",
        subscriber=subscriber,
    )
