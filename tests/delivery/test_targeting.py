import pytest

from alerts.cap_vocab import Scope, Severity, Status
from alerts.delivery.targeting import (
    audience_estimate,
    point_in_polygon,
    target_contact_points,
)
from alerts.factories import AlertFactory
from alerts.models import Alert
from alerts.subscriptions.factories import (
    ContactPointFactory,
    PlaceFactory,
    SmsContactPointFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db

BRUXELLES, IXELLES = "21004", "21009"


def _subscriber(*, communes=(), whole_region=False, point=None, **fields):
    subscriber = SubscriberFactory(**fields)
    PlaceFactory(
        subscriber=subscriber,
        communes=list(communes),
        whole_region=whole_region,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )
    return ContactPointFactory(subscriber=subscriber)


def _targets(alert):
    return set(target_contact_points(alert).values_list("pk", flat=True))


def test_public_alert_reaches_its_communes_and_the_whole_region_only():
    in_commune = _subscriber(communes=[BRUXELLES])
    whole_region = _subscriber(whole_region=True)
    elsewhere = _subscriber(communes=[IXELLES])
    alert = AlertFactory(area=[BRUXELLES], severity=Severity.SEVERE)

    assert _targets(alert) == {in_commune.pk, whole_region.pk}
    assert elsewhere.pk not in _targets(alert)


def test_unconfirmed_and_inactive_contact_points_never_receive_anything():
    subscriber = SubscriberFactory()
    PlaceFactory(subscriber=subscriber, communes=[BRUXELLES])
    pending = ContactPointFactory(subscriber=subscriber, confirmed_at=None)
    stopped = SmsContactPointFactory(subscriber=subscriber, active=False)
    alert = AlertFactory(area=[BRUXELLES], severity=Severity.EXTREME)

    assert not {pending.pk, stopped.pk} & _targets(alert)


def test_topics_filter_only_below_severe():
    weather_fan = _subscriber(communes=[BRUXELLES], topics=["Met"])
    fire_fan = _subscriber(communes=[BRUXELLES], topics=["Fire"])
    moderate = AlertFactory(area=[BRUXELLES], category="Met", severity=Severity.MODERATE)
    severe = AlertFactory(area=[BRUXELLES], category="Met", severity=Severity.SEVERE)

    assert _targets(moderate) == {weather_fan.pk}
    assert _targets(severe) == {weather_fan.pk, fire_fan.pk}


def test_exercise_reaches_the_test_audience_only_wherever_they_live():
    citizen = _subscriber(communes=[BRUXELLES])
    volunteer = _subscriber(communes=[IXELLES], audience="test")
    exercise = AlertFactory(area=[BRUXELLES], status=Status.EXERCISE)

    assert _targets(exercise) == {volunteer.pk}
    assert citizen.pk not in _targets(exercise)


def test_an_exercise_whose_row_says_public_still_reaches_the_test_audience_only():
    citizen = _subscriber(communes=[BRUXELLES])
    volunteer = _subscriber(communes=[IXELLES], audience="test")
    exercise = AlertFactory(area=[BRUXELLES], status=Status.EXERCISE)
    Alert.objects.filter(pk=exercise.pk).update(audience="public")  # a tampered row
    exercise.refresh_from_db()

    assert _targets(exercise) == {volunteer.pk}
    assert citizen.pk not in _targets(exercise)


def test_restricted_alert_reaches_the_partner_network_only():
    citizen = _subscriber(communes=[BRUXELLES])
    partner = _subscriber(audience="partner", organisation="SIAMU")
    restricted = AlertFactory(area=[BRUXELLES], scope=Scope.RESTRICTED)

    assert _targets(restricted) == {partner.pk}
    assert citizen.pk not in _targets(restricted)


def test_public_alert_also_reaches_staff_who_subscribed_for_the_area():
    volunteer = _subscriber(communes=[BRUXELLES], audience="test")
    alert = AlertFactory(area=[BRUXELLES], severity=Severity.SEVERE)
    assert volunteer.pk in _targets(alert)


SQUARE = "50.84,4.34 50.84,4.36 50.86,4.36 50.86,4.34 50.84,4.34"


def test_drawn_polygon_reaches_precise_locations_inside_it():
    inside = _subscriber(point=(50.85, 4.35))
    outside = _subscriber(point=(50.80, 4.35))
    alert = AlertFactory(polygons=SQUARE, area=[], severity=Severity.SEVERE)
    alert.communes.clear()

    assert _targets(alert) == {inside.pk}
    assert outside.pk not in _targets(alert)


def test_drawn_circle_reaches_precise_locations_within_its_radius():
    near = _subscriber(point=(50.846, 4.352))
    far = _subscriber(point=(50.80, 4.40))
    alert = AlertFactory(circles="50.8467,4.3525 1.5", severity=Severity.EXTREME)
    alert.communes.clear()

    assert _targets(alert) == {near.pk}
    assert far.pk not in _targets(alert)


def test_point_in_polygon():
    square = [(0, 0), (0, 2), (2, 2), (2, 0), (0, 0)]
    assert point_in_polygon(1, 1, square)
    assert not point_in_polygon(3, 1, square)


def test_estimate_counts_contact_points_per_channel_and_language():
    _subscriber(communes=[BRUXELLES], language="nl")
    _subscriber(communes=[BRUXELLES], language="fr")
    english = SubscriberFactory(language="en")
    PlaceFactory(subscriber=english, communes=[BRUXELLES])
    SmsContactPointFactory(subscriber=english)
    alert = AlertFactory(area=[BRUXELLES], severity=Severity.SEVERE, languages=("fr", "nl"))

    # no English text: the English speaker gets French
    assert audience_estimate(alert) == {"email": {"fr": 1, "nl": 1}, "sms": {"fr": 1}}
