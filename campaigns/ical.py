"""The iCalendar feed of planned events, one per language."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from portal.site_urls import page_absolute_url

PAST_WINDOW = timedelta(days=90)


def events_calendar(index_page, request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//LUX response//Planned events//" + index_page.locale.language_code)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{settings.WAGTAIL_SITE_NAME} · {index_page.title}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    since = timezone.now() - PAST_WINDOW
    for page in index_page.events().filter(end__gte=since).order_by("start"):
        event = Event()
        event.add("uid", f"{page.translation_key}-{page.locale.language_code}@lux-response")
        event.add("summary", page.title)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("location", page.location)
        event.add("description", page.intro)
        # The public address (SITE_BASE_URL): a calendar is read outside the site, and the
        # Site record's host (localhost, no port) or the request's may not be it.
        event.add("url", page_absolute_url(page))
        if page.organiser_email:
            event.add("organizer", f"mailto:{page.organiser_email}", {"CN": page.organiser_name})
        calendar.add_component(event)
    return calendar.to_ical()
