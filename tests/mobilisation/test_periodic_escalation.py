"""The periodic worker `make run` starts escalates from the database alone."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from alerts.delivery.models import Delivery

pytestmark = pytest.mark.django_db


def test_the_periodic_worker_asks_the_next_contact_of_a_silent_partner(network, send):
    (partner,) = network(1)
    request = send([partner], escalate_after_minutes=5)
    target = request.targets.get()
    type(target).objects.filter(pk=target.pk).update(
        asked_at=target.asked_at - timedelta(minutes=6)
    )

    call_command("periodic")

    target.refresh_from_db()
    assert target.contact == partner.contacts.get(position=1)
    asked = Delivery.objects.filter(mobilisation=target).values_list(
        "contact_point__address", flat=True
    )
    assert sorted(asked) == ["+32470000000", "+32470000001", "p0c1@example.invalid"]
