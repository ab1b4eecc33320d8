from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from alerts.cap_vocab import Status
from alerts.factories import AlertFactory, SentAlertFactory
from alerts.models import Alert, Audience, audience_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "scope", "audience"),
    [
        ("Actual", "Public", Audience.PUBLIC),
        ("Actual", "Restricted", Audience.PARTNER),
        ("Exercise", "Public", Audience.TEST),
        ("Test", "Public", Audience.TEST),
        ("Exercise", "Restricted", Audience.TEST),
    ],
)
def test_audience_follows_status_and_scope(status, scope, audience):
    assert audience_for(status, scope) == audience
    assert AlertFactory(status=status, scope=scope).audience == audience


def test_audience_cannot_be_forced_to_public_for_an_exercise():
    alert = AlertFactory(status=Status.EXERCISE)
    alert.audience = Audience.PUBLIC
    alert.save()
    assert Alert.objects.get(pk=alert.pk).audience == Audience.TEST


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("polygons", "50.8,4.3 50.9,4.3 50.9,4.4", "at least four"),  # three pairs, not closed
        ("polygons", "50.8,4.3 50.9,4.3 50.9,4.4 50.7,4.3", "not closed"),
        ("polygons", "99,999 1,1 2,2 99,999", "A latitude lies between -90 and 90"),
        ("polygons", "50.83,4.36 50.82,4.38 50.83,4.38 50.82,4.36 50.83,4.36", "cross"),
        ("polygons", "4.36,50.83 4.38,50.83 4.38,50.82 4.36,50.82 4.36,50.83", "swapped"),
        ("polygons", "50.83,4.36 50.83,4.38 50.83,4.38 50.82,4.38 50.83,4.36", "twice in a row"),
        ("circles", "50.8,4.3", "Each circle is"),  # no radius
        ("circles", "50.8272,4.3717 999999999", "at most 50 km"),
        ("circles", "4.3717,50.8272 1.5", "swapped"),
    ],
)
def test_malformed_shapes_are_refused_with_their_reason(field, value, reason):
    alert = AlertFactory()
    setattr(alert, field, value)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        alert.full_clean()
    (message,) = error.value.message_dict[field]
    assert reason in message and value[:30] in message


def test_a_polygon_and_a_circle_over_ixelles_pass_full_clean():
    alert = AlertFactory(
        polygons="50.8275,4.3700 50.8275,4.3760 50.8225,4.3760 50.8225,4.3700 50.8275,4.3700",
        circles="50.8272,4.3717 1.5",
    )
    alert.full_clean()


def test_commune_names_follow_the_language():
    alert = AlertFactory(area=["21015"])
    assert alert.area_description("fr") == "Schaerbeek"
    assert alert.area_description("nl") == "Schaarbeek"


def test_identifier_and_sent_are_frozen_once_sent():
    alert = SentAlertFactory()
    alert.identifier = "BE-BRU-LUX-other"
    with pytest.raises(ValidationError):
        alert.save()
    alert.refresh_from_db()
    alert.sent = alert.sent - timedelta(hours=1)
    with pytest.raises(ValidationError):
        alert.save()
    alert.refresh_from_db()
    alert.event = "Corrected event label"
    alert.save()  # other fields may still change (e.g. by the delivery engine)
