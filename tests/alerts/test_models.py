from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from alerts.cap_vocab import Status
from alerts.factories import AlertFactory, SentAlertFactory
from alerts.models import Alert, Audience, audience_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "scope", "audience"),
    [
        ("Actual", "Public", Audience.PUBLIC),
        ("Actual", "Restricted", Audience.PARTNERS),
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
    ("field", "value"),
    [
        ("polygons", "50.8,4.3 50.9,4.3 50.9,4.4"),  # three pairs, not closed
        ("polygons", "50.8,4.3 50.9,4.3 50.9,4.4 50.7,4.3"),  # not closed
        ("circles", "50.8,4.3"),  # no radius
    ],
)
def test_malformed_shapes_are_refused(field, value):
    alert = AlertFactory()
    setattr(alert, field, value)
    with pytest.raises(ValidationError) as error:
        alert.full_clean()
    assert field in error.value.message_dict


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
