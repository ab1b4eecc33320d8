import pytest

from alerts.subscriptions import demo, selectors
from alerts.subscriptions.models import Subscriber
from portal.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_confirmed():
    demo.seed(DemoContext())
    counts = (Subscriber.objects.count(), selectors.confirmed_contact_points().count())
    demo.seed(DemoContext())
    assert (Subscriber.objects.count(), selectors.confirmed_contact_points().count()) == counts
    assert Subscriber.objects.filter(audience="test").count() == 3
    assert set(Subscriber.objects.values_list("language", flat=True)) == {"fr", "nl", "en"}
    channels = set(selectors.confirmed_contact_points().values_list("channel", flat=True))
    assert channels == {"email", "sms", "push"}
    emails = selectors.confirmed_contact_points().filter(channel="email")
    assert all(a.endswith("@example.invalid") for a in emails.values_list("address", flat=True))
