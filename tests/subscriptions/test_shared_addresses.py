"""A citizen and a partner contact may share a phone number: each keeps their own
subscription, confirming one never folds the other into it (the citizen's places are not
lost, the partner contact is not deleted)."""

import pytest

from alerts.delivery.targeting import target_contact_points
from alerts.factories import AlertFactory
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.subscriptions import services
from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory
from alerts.subscriptions.models import ContactPoint, Subscriber

pytestmark = pytest.mark.django_db

PHONE = "+32470123456"


def _citizen(confirmed=True):
    subscriber = SubscriberFactory()
    PlaceFactory(subscriber=subscriber, communes=["21004"])
    point = ContactPointFactory(
        subscriber=subscriber, channel="sms", address=PHONE, confirmed_at=None
    )
    if confirmed:
        services.contact_point_confirm(contact_point=point, method="sms code")
    return point


def _partner_point(confirmed=True):
    contact = partner_contact(NetworkPartnerFactory(), 0, phone=PHONE, confirmed=False)
    point = contact.subscriber.contact_points.get()
    if confirmed:
        services.contact_point_confirm(contact_point=point, method="sms code")
    return point


def test_a_partner_contact_confirming_a_citizens_number_leaves_the_citizen_whole():
    citizen = _citizen()

    partner = _partner_point()

    citizen.refresh_from_db()
    assert citizen.active and citizen.confirmed_at is not None
    assert citizen.subscriber.places.get().communes.get().pk == "21004"
    assert partner.subscriber.audience == "partner"
    assert ContactPoint.objects.filter(address=PHONE, active=True).count() == 2


def test_a_citizen_confirming_a_partner_contacts_number_leaves_the_contact_whole():
    partner = _partner_point()

    citizen = _citizen()

    partner.refresh_from_db()
    assert partner.active and partner.subscriber.network_contact is not None
    assert Subscriber.objects.filter(pk=citizen.subscriber_id).exists()


def test_each_subscription_gets_the_alerts_of_its_audience():
    citizen = _citizen()
    partner = _partner_point()
    PlaceFactory(subscriber=partner.subscriber, communes=["21004"])

    public = set(target_contact_points(AlertFactory(state="sending")).values_list("pk", flat=True))
    restricted = set(
        target_contact_points(AlertFactory(state="sending", scope="Restricted")).values_list(
            "pk", flat=True
        )
    )

    assert citizen.pk in public and partner.pk not in public
    assert partner.pk in restricted and citizen.pk not in restricted


def test_two_citizens_with_one_number_are_still_merged_into_one_subscription():
    first = _citizen()
    second = _citizen()

    assert ContactPoint.objects.filter(address=PHONE, active=True).get().pk == second.pk
    assert not ContactPoint.objects.filter(pk=first.pk).exists()
