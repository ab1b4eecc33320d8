from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from alerts.cap_vocab import Status
from alerts.delivery.models import Delivery
from alerts.factories import AlertFactory, SentAlertFactory, UserFactory
from alerts.testdays.models import PlannedTest, PublishedReachReport
from alerts.testdays.services import (
    REPORT_PUBLISH_ACTION,
    planned_test_save,
    reach_report_publish,
)

pytestmark = pytest.mark.django_db


def test_published_figures_do_not_change_when_the_ledger_does(exercise, ledger_row, author):
    late = ledger_row(exercise, "sms", "fr", "sent", seconds_after=4)
    ledger_row(exercise, "sms", "fr", "delivered", seconds_after=30)
    report = reach_report_publish(user=author, alert=exercise)

    Delivery.objects.filter(pk=late.pk).update(state="delivered", delivered_at=exercise.sent)
    ledger_row(exercise, "email", "en", "delivered", seconds_after=600)

    report = PublishedReachReport.objects.get(pk=report.pk)
    assert report.figures == [
        {"channel": "sms", "language": "fr", "targeted": 2, "handed_over": 2, "delivered": 1,
         "failed": 0, "last_delivery_seconds": 30},
    ]  # fmt: skip
    assert report.published_by == author and report.published_by_name == author.username
    assert report.headlines["nl"] == "Chemische lozing: ga naar binnen"
    entry = ModelLogEntry.objects.get(action=REPORT_PUBLISH_ACTION)
    assert entry.user_id == author.pk and entry.object_id == str(report.pk)


def test_a_test_alert_may_be_published_too(ledger_row, author):
    alert = SentAlertFactory(status=Status.TEST)
    ledger_row(alert, "push", "nl", "delivered", seconds_after=1)
    assert reach_report_publish(user=author, alert=alert).figures[0]["delivered"] == 1


def test_the_reach_of_a_real_alert_is_never_published(author):
    alert = SentAlertFactory(status=Status.ACTUAL)
    with pytest.raises(ValidationError) as refused:
        reach_report_publish(user=author, alert=alert)
    assert "exercise or a test" in refused.value.messages[0]
    assert not PublishedReachReport.objects.exists()


def test_an_exercise_not_yet_sent_has_no_reach_to_publish(author):
    with pytest.raises(ValidationError, match="not been sent"):
        reach_report_publish(user=author, alert=AlertFactory(status=Status.EXERCISE))


def test_a_report_is_published_once(exercise, author):
    reach_report_publish(user=author, alert=exercise)
    with pytest.raises(ValidationError, match="already published"):
        reach_report_publish(user=author, alert=exercise)


def test_only_alert_roles_publish_or_plan(exercise, planned_test):
    someone = UserFactory()
    with pytest.raises(PermissionDenied):
        reach_report_publish(user=someone, alert=exercise)
    with pytest.raises(PermissionDenied):
        planned_test_save(user=someone, test=PlannedTest(title_fr="x", title_nl="y"))
    assert not PublishedReachReport.objects.exists() and not PlannedTest.objects.exists()


def test_a_test_must_end_after_it_starts_and_name_its_area(author, planned_test):
    test = planned_test()
    test.end = test.start
    with pytest.raises(ValidationError):
        planned_test_save(user=author, test=test)
    test = PlannedTest(
        title_fr="Test",
        title_nl="Test",
        start=test.start,
        end=test.start + timedelta(hours=1),
        channels=["sms"],
    )
    with pytest.raises(ValidationError, match="communes"):
        planned_test_save(user=author, test=test, communes=[])
    saved = planned_test_save(user=author, test=test, communes=["21004"])
    assert [c.name_fr for c in saved.communes.all()] == ["Bruxelles"]
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(saved.pk)).exists()


def test_a_restricted_exercise_publishes_its_figures_without_its_words(ledger_row, author):
    alert = SentAlertFactory(status=Status.EXERCISE, scope="Restricted")
    ledger_row(alert, "sms", "fr", "delivered", seconds_after=3)
    report = reach_report_publish(user=author, alert=alert)
    assert report.headlines == {} and report.figures[0]["delivered"] == 1
