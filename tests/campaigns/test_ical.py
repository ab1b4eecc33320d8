"""The iCalendar feed of each language, read back with icalendar."""

import pytest
from icalendar import Calendar

from campaigns import factories
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


def _feed(client, index):
    response = client.get(index.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].endswith('.ics"')
    return Calendar.from_ical(response.content)


def test_feed_lists_the_events_of_its_language(client, sections):
    event = publish(
        factories.PlannedEventPageFactory(
            parent=sections["events"]["fr"],
            title="Manifestation nationale",
            location="Gare du Nord",
        )
    )
    dutch = translate(event, "nl", title="Nationale betoging", location="Noordstation")

    calendar = _feed(client, sections["events"]["fr"])
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Manifestation nationale"
    assert str(entry["LOCATION"]) == "Gare du Nord"
    assert entry.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert entry.decoded("DTEND") == event.end.replace(microsecond=0)
    assert str(entry["URL"]).endswith(event.url)
    assert str(entry["ORGANIZER"]) == "mailto:info@example.org"

    (dutch_entry,) = _feed(client, sections["events"]["nl"]).walk("VEVENT")
    assert str(dutch_entry["SUMMARY"]) == "Nationale betoging"
    assert str(dutch_entry["URL"]).endswith(dutch.url)
    assert dutch_entry["UID"] != entry["UID"]


def test_event_index_advertises_its_feed(client, sections):
    index = sections["events"]["fr"]
    html = client.get(index.url).content.decode()
    assert f'type="text/calendar" title="{index.title}" href="{index.url}ics/"' in html
