"""The position of "alert me where I am": never kept finer than about 500 m, stored only
for a live push subscription, and erased on request, on unsubscription and on erasure."""

import math
from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.subscriptions import services
from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.ratelimit import RateLimited

pytestmark = pytest.mark.django_db

ENDPOINT = "https://fcm.googleapis.com/fcm/send/position-test"
KM_PER_DEGREE = 6371.0 * math.pi / 180


def _push(**fields):
    fields.setdefault("address", ENDPOINT)
    return ContactPointFactory(channel="push", **fields)


def _update(latitude=50.8467, longitude=4.3525, endpoint=ENDPOINT, ip="192.0.2.1"):
    return services.push_position_update(
        endpoint=endpoint, latitude=latitude, longitude=longitude, client_ip=ip
    )


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(50.8467, 4.3525), (50.8201, 4.4012), (51.2194, 4.4025), (-33.8688, 151.2093), (0.0, 0.0)],
)
def test_a_position_is_never_kept_finer_than_about_500_m(latitude, longitude):
    # Every point of a neighbourhood lands on the same stored point: moving 200 m changes
    # nothing, and the grid's cells are at least 500 m across in both directions.
    lat, lon = services.round_position(latitude, longitude)
    assert abs(lat - latitude) * KM_PER_DEGREE <= 0.28
    east_km = KM_PER_DEGREE * math.cos(math.radians(latitude))
    assert abs(lon - longitude) * east_km <= 0.29
    lats = {services.round_position(latitude + d, longitude)[0] for d in (0.0, 0.0005, 0.001)}
    assert len(lats) <= 2
    grid = {services.round_position(lat + k * 0.0009, lon)[0] for k in range(-2, 3)}
    assert grid == {lat}  # ±200 m north-south: the same stored latitude
    steps = {
        round(abs(services.round_position(lat, lon + k * 0.002)[1] - lon), 6) for k in range(20)
    }
    smallest_step = min(step for step in steps if step > 0)
    assert smallest_step * east_km >= 0.5


def test_the_stored_position_is_the_rounded_one():
    point = _push()
    stored = _update(latitude=50.84671234, longitude=4.35251234)
    point.refresh_from_db()
    assert (point.position_latitude, point.position_longitude) == (50.845, stored.longitude)
    assert point.position_latitude == services.round_position(50.84671234, 4.35251234)[0]
    assert point.position_at is not None


@pytest.mark.parametrize(
    ("latitude", "longitude", "said"),
    [
        (91, 4.35, "latitude must be between -90 and 90"),
        (50.8, -181, "longitude must be between -180 and 180"),
        (float("nan"), 4.35, "latitude must be a finite number"),
        (50.8, float("inf"), "longitude must be a finite number"),
        ("50.8", 4.35, "latitude must be a number"),
        (True, 4.35, "latitude must be a number"),
        (None, 4.35, "latitude must be a number"),
    ],
)
def test_a_bad_position_is_refused_with_its_reason(latitude, longitude, said):
    point = _push()
    with pytest.raises(services.PositionError, match=said):
        _update(latitude=latitude, longitude=longitude)
    point.refresh_from_db()
    assert point.position_at is None


def test_only_a_live_confirmed_push_subscription_takes_a_position():
    _push(address=ENDPOINT + "-stopped", active=False)
    _push(address=ENDPOINT + "-pending", confirmed_at=None)
    assert _update(endpoint=ENDPOINT + "-stopped") is None
    assert _update(endpoint=ENDPOINT + "-pending") is None
    assert _update(endpoint=ENDPOINT + "-unknown") is None
    assert not ContactPoint.objects.filter(position_at__isnull=False).exists()


def test_position_updates_are_rate_limited_per_endpoint(settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "position": (2, 3600),
    }
    _push()
    _update()
    _update()
    with pytest.raises(RateLimited):
        _update()


def test_erased_on_request():
    point = _push()
    _update()
    assert services.push_position_erase(endpoint=ENDPOINT)
    point.refresh_from_db()
    assert (point.position_latitude, point.position_longitude, point.position_at) == (
        None,
        None,
        None,
    )


def test_erased_when_the_browser_is_unsubscribed():
    point = _push()
    _update()
    services.contact_point_deactivate(
        contact_point=point, reason="unsubscribed", method="manage page"
    )
    point.refresh_from_db()
    assert point.position_at is None and point.position_latitude is None


def test_erased_when_the_provider_says_the_browser_is_gone():
    point = _push()
    _update()
    services.contact_point_mark_gone(contact_point=point, reason="410")
    point.refresh_from_db()
    assert point.position_latitude is None


def test_erased_with_the_subscriber():
    point = _push()
    _update()
    services.subscriber_erase(subscriber=point.subscriber)
    assert not ContactPoint.objects.filter(position_at__isnull=False).exists()


def test_a_fresh_position_is_one_within_the_setting(settings):
    settings.SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS = 7
    point = _push(position_at=timezone.now() - timedelta(days=6))
    assert services.position_is_fresh(point)
    point.position_at = timezone.now() - timedelta(days=8)
    assert not services.position_is_fresh(point)
