"""Test and demo data for subscriptions (factory_boy)."""

import factory
from django.utils import timezone

from .models import ChannelName, ContactPoint, Place, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    language = "fr"
    topics = factory.LazyFunction(lambda: ["Met", "Fire"])


class ContactPointFactory(factory.django.DjangoModelFactory):
    """Confirmed and active by default; pass confirmed_at=None for a pending one."""

    class Meta:
        model = ContactPoint

    subscriber = factory.SubFactory(SubscriberFactory)
    channel = ChannelName.EMAIL
    address = factory.Sequence(lambda n: f"person{n}@example.invalid")
    confirmed_at = factory.LazyFunction(timezone.now)


class SmsContactPointFactory(ContactPointFactory):
    channel = ChannelName.SMS
    address = factory.Sequence(lambda n: f"+3247099{n % 10000:04d}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        skip_postgeneration_save = True

    subscriber = factory.SubFactory(SubscriberFactory)
    label = "Home"

    @factory.post_generation
    def communes(self, create, extracted, **kwargs):
        if create and extracted:
            self.communes.set(extracted)
