"""The iCalendar file of planned tests and exercises, in the reader's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from alerts.delivery.templatetags.delivery_tags import channel_labels
from portal.site_urls import absolute_url

from .selectors import calendar_tests


def tests_calendar() -> bytes:
    language = (translation.get_language() or "fr")[:2]
    page_url = absolute_url(reverse("testdays:index"))
    calendar = Calendar()
    calendar.add("prodid", f"-//LUX response//Planned tests//{language}")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname", f"{settings.WAGTAIL_SITE_NAME} · {_('Planned tests and exercises')}"
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for test in calendar_tests():
        event = Event()
        event.add("uid", f"planned-test-{test.pk}-{language}@lux-response")
        event.add("summary", test.title)
        event.add("dtstart", test.start)
        event.add("dtend", test.end)
        event.add("dtstamp", test.updated_at or timezone.now())
        event.add("location", ", ".join(test.area_names(language)))
        channels = _("Channels tested: %(channels)s") % {"channels": channel_labels(test.channels)}
        event.add("description", "\n\n".join(part for part in (test.description, channels) if part))
        event.add("url", page_url)
        calendar.add_component(event)
    return calendar.to_ical()
