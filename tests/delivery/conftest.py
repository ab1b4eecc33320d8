import pytest

from alerts.factories import AlertFactory
from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory


@pytest.fixture
def make_audience(db):
    """n subscribers in Bruxelles-Ville, one contact point each on the given channel."""

    def make(n, channel="email", language="fr", address=None):
        points = []
        for i in range(n):
            subscriber = SubscriberFactory(language=language)
            PlaceFactory(subscriber=subscriber, communes=["21004"])
            fields = {"subscriber": subscriber, "channel": channel}
            if address is not None:
                fields.update(address(i))
            points.append(ContactPointFactory(**fields))
        return points

    return make


@pytest.fixture
def sending_alert(db):
    """An approved alert handed over for sending (state "sending"), not yet dispatched."""

    def make(**fields):
        fields.setdefault("severity", "Severe")
        return AlertFactory(state="sending", **fields)

    return make
