"""A drawn-area alert reaches the browsers whose fresh "alert me where I am" position is
inside it, and no others (stale, erased, outside, unsubscribed)."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from alerts.cap_vocab import Severity
from alerts.delivery.targeting import target_contact_points
from alerts.factories import AlertFactory
from alerts.subscriptions import services
from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory

# A square around the Grand-Place; Ixelles (the subscribers' commune) is not in the alert.
SQUARE = "50.84,4.34 50.84,4.36 50.86,4.36 50.86,4.34 50.84,4.34"
# A triangle whose bounding box holds (50.857, 4.343) but whose area does not.
TRIANGLE = "50.84,4.34 50.84,4.36 50.86,4.36 50.84,4.34"
IXELLES = "21009"


def _browser(*, position=None, age=timedelta(0), topics=("Met", "Fire"), language="fr"):
    subscriber = SubscriberFactory(topics=list(topics), language=language)
    PlaceFactory(subscriber=subscriber, communes=[IXELLES])
    point = ContactPointFactory(
        subscriber=subscriber,
        channel="push",
        address=f"https://fcm.googleapis.com/fcm/send/browser-{subscriber.pk}",
    )
    if position is not None:
        point.position_latitude, point.position_longitude = services.round_position(*position)
        point.position_at = timezone.now() - age
        point.save()
    return point


def _drawn(**fields):
    fields.setdefault("severity", Severity.SEVERE)
    alert = AlertFactory(area=[], **fields)
    alert.communes.clear()
    return alert


def _targets(alert):
    return set(target_contact_points(alert).values_list("pk", flat=True))


def _check_polygon_reaches_fresh_positions_only():
    fresh = _browser(position=(50.851, 4.352))
    stale = _browser(position=(50.851, 4.352), age=timedelta(days=8))
    outside = _browser(position=(50.80, 4.35))
    nowhere = _browser()
    alert = _drawn(polygons=SQUARE)

    targets = _targets(alert)
    assert fresh.pk in targets
    assert not {stale.pk, outside.pk, nowhere.pk} & targets


@pytest.mark.django_db
def test_a_polygon_reaches_a_fresh_position_and_not_a_stale_one():
    _check_polygon_reaches_fresh_positions_only()


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_polygon_reaches_a_fresh_position_and_not_a_stale_one_on_postgresql():
    _check_polygon_reaches_fresh_positions_only()
    in_box_not_triangle = _browser(position=(50.857, 4.343))
    in_triangle = _browser(position=(50.842, 4.358))
    assert _targets(_drawn(polygons=TRIANGLE)) >= {in_triangle.pk}
    assert in_box_not_triangle.pk not in _targets(_drawn(polygons=TRIANGLE))


@pytest.mark.django_db
def test_the_exact_test_follows_the_polygon_not_its_bounding_box():
    in_box_not_triangle = _browser(position=(50.857, 4.343))
    in_triangle = _browser(position=(50.842, 4.358))
    targets = _targets(_drawn(polygons=TRIANGLE))
    assert in_triangle.pk in targets
    assert in_box_not_triangle.pk not in targets


@pytest.mark.django_db
def test_a_circle_reaches_a_fresh_position_within_its_radius():
    near = _browser(position=(50.847, 4.352))
    far = _browser(position=(50.80, 4.40))
    alert = _drawn(circles="50.8467,4.3525 1.5", severity=Severity.EXTREME)
    targets = _targets(alert)
    assert near.pk in targets
    assert far.pk not in targets


@pytest.mark.django_db
@override_settings(SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS=2)
def test_the_age_limit_is_a_setting():
    three_days = _browser(position=(50.851, 4.352), age=timedelta(days=3))
    one_day = _browser(position=(50.851, 4.352), age=timedelta(days=1))
    targets = _targets(_drawn(polygons=SQUARE))
    assert one_day.pk in targets
    assert three_days.pk not in targets


@pytest.mark.django_db
def test_topics_still_apply_to_a_positioned_browser():
    weather_only = _browser(position=(50.851, 4.352), topics=["Met"])
    fire = _drawn(polygons=SQUARE, category="Fire", severity=Severity.MODERATE)
    assert weather_only.pk not in _targets(fire)
    met = _drawn(polygons=SQUARE, category="Met", severity=Severity.MODERATE)
    assert weather_only.pk in _targets(met)


@pytest.mark.django_db
def test_an_unsubscribed_or_erased_position_reaches_nothing():
    stopped = _browser(position=(50.851, 4.352))
    erased = _browser(position=(50.851, 4.352))
    services.contact_point_deactivate(
        contact_point=stopped, reason="unsubscribed", method="manage page"
    )
    services.push_position_erase(endpoint=erased.address)
    targets = _targets(_drawn(polygons=SQUARE))
    assert not {stopped.pk, erased.pk} & targets
