from datetime import timedelta

import pytest
from django.utils import translation
from icalendar import Calendar

from alerts.cap_vocab import Status
from alerts.delivery.templatetags.delivery_tags import channel_labels
from alerts.factories import SentAlertFactory
from alerts.testdays.services import planned_test_save, reach_report_publish
from tests.paths import path_in

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("language", "title", "where"),
    [("fr", "Test des sirènes SMS", "Bruxelles"), ("nl", "Test van de sms-kanalen", "Brussel")],
)
def test_the_page_announces_coming_tests_in_the_readers_language(
    client, planned_test, language, title, where
):
    test = planned_test(whole_region=False)
    test.communes.set(["21004"])
    planned_test(days_ahead=-30, title_fr="Ancien test", title_nl="Oude test")
    response = client.get(path_in(language, "testdays:index"))
    html = response.content.decode()
    assert response.status_code == 200
    upcoming, past = html.split('id="past-tests"')
    assert title in upcoming and where in upcoming
    with translation.override(language):
        assert f"<dd>{channel_labels(['sms', 'email'])}</dd>" in upcoming
    assert ("Ancien test" if language == "fr" else "Oude test") in past
    assert f'href="{path_in(language, "testdays:ical")}"' in html


def test_the_page_escapes_what_authors_typed(client, planned_test):
    planned_test(title_fr=HOSTILE, description_fr=HOSTILE)
    html = client.get(path_in("fr", "testdays:index")).content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_past_test_shows_its_report_as_published(
    client, planned_test, exercise, ledger_row, author
):
    test = planned_test(days_ahead=-1)
    ledger_row(exercise, "sms", "nl", "delivered", seconds_after=77)
    exercise.infos.filter(language="nl").update(headline=HOSTILE)
    reach_report_publish(user=author, alert=exercise, planned_test=test)
    ledger_row(exercise, "sms", "nl", "delivered", seconds_after=900)  # after publication
    html = client.get(path_in("nl", "testdays:index")).content.decode()
    past = html.split('id="past-tests"')[1]
    assert "Test van de sms-kanalen" in past
    assert "77 s" in past and "900 s" not in past
    assert HOSTILE not in html and "&lt;script&gt;" in past


def test_the_calendar_is_valid_icalendar(client, planned_test):
    planned_test(title_nl=HOSTILE + "\nDTSTART:19700101T000000Z")
    response = client.get(path_in("nl", "testdays:ical"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")  # every line ends in CRLF
    calendar = Calendar.from_ical(body)
    [event] = calendar.walk("VEVENT")
    # A line break in a title cannot add a property: it stays inside the summary.
    assert str(event["summary"]).startswith(HOSTILE)
    assert body.count(b"\r\nDTSTART") == 1
    assert event["dtend"].dt - event["dtstart"].dt == timedelta(hours=1)
    assert "Brussels Hoofdstedelijk Gewest" in str(event["location"])


def test_a_changed_test_makes_the_cached_page_stale_once_committed(
    client, settings, planned_test, author, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 60
    test = planned_test()
    path = path_in("nl", "testdays:index")
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    test.title_nl = "Verplaatste test"
    with django_capture_on_commit_callbacks(execute=True):
        planned_test_save(user=author, test=test)
    response = client.get(path)
    assert response["X-Page-Cache"] == "miss"
    assert "Verplaatste test" in response.content.decode()


def test_a_report_without_planned_test_stands_on_its_own(client, ledger_row, author):
    alert = SentAlertFactory(status=Status.TEST, scope="Restricted")
    ledger_row(alert, "email", "fr", "delivered", seconds_after=42)
    reach_report_publish(user=author, alert=alert)
    past = client.get(path_in("fr", "testdays:index")).content.decode().split('id="past-tests"')[1]
    assert "42 s" in past
    assert "Rejet chimique" not in past  # a restricted alert's headline stays in the admin
