import json

import pytest

from alerts.subscriptions import selectors, services
from alerts.subscriptions.factories import (
    ContactPointFactory,
    PlaceFactory,
    SmsContactPointFactory,
    SubscriberFactory,
)
from alerts.subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db


def test_confirmed_contact_points_never_include_unconfirmed_or_inactive():
    good = ContactPointFactory()
    ContactPointFactory(confirmed_at=None)
    stopped = ContactPointFactory()
    services.contact_point_deactivate(contact_point=stopped, reason="stop", method="test")
    assert list(selectors.confirmed_contact_points()) == [good]


def _subscriber(communes=None, whole_region=False, topics=("Met",), audience="public", **cp):
    subscriber = SubscriberFactory(topics=list(topics), audience=audience)
    PlaceFactory(subscriber=subscriber, communes=communes or [], whole_region=whole_region)
    return ContactPointFactory(subscriber=subscriber, **cp)


def test_subscriber_counts_have_no_personal_data():
    _subscriber(["21004", "21015"])
    _subscriber(whole_region=True, channel="sms", address="+32470990030")
    _subscriber(["21004"], confirmed_at=None)
    counts = selectors.subscriber_counts()
    assert counts["total"] == 2
    assert {c.value: n for c, n in counts["per_channel"]} == {
        "email": 1,
        "sms": 1,
        "push": 0,
        "voice": 0,
    }
    per_commune = {commune.pk: n for commune, n in counts["per_commune"]}
    assert per_commune["21004"] == 1 and per_commune["21015"] == 1 and per_commune["21001"] == 0
    assert counts["region_wide"] == 1 and counts["pending"] == 1
    assert "@" not in repr(counts) and "+3247" not in repr(counts)


def test_export_contains_everything_we_store():
    subscriber = SubscriberFactory(language="nl", topics=["Health"], organisation="Org")
    email = ContactPointFactory(subscriber=subscriber, address="x@example.invalid")
    sms = SmsContactPointFactory(subscriber=subscriber, address="+32470990031", confirmed_at=None)
    PlaceFactory(subscriber=subscriber, label="Work", communes=["21009"], latitude=50.83)
    services._consent(email, "given", "email link")
    services._issue_code(sms, "confirm")

    data = selectors.subscriber_export(subscriber)
    json.dumps(data)  # JSON-ready
    # Every stored column of every row of ours about this person appears in the export.
    subscriber = Subscriber.objects.get()
    for field in ("language", "audience", "organisation", "topics"):
        assert data["subscriber"][field] == getattr(subscriber, field)
    exported = {cp["address"]: cp for cp in data["contact_points"]}
    for cp in subscriber.contact_points.all():
        row = exported[cp.address]
        for field in ("channel", "push_keys", "active", "deactivated_reason"):
            assert row[field] == getattr(cp, field)
        assert len(row["consents"]) == cp.consents.count()
        assert len(row["verifications"]) == cp.verifications.count()
    assert exported["+32470990031"]["verifications"][0]["purpose"] == "confirm"
    assert data["places"][0]["label"] == "Work" and data["places"][0]["latitude"] == 50.83
    assert data["places"][0]["communes"][0]["nis_code"] == "21009"
