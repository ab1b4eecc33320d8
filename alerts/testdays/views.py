"""Public pages: planned tests and exercises, past ones with their reach, the calendar.
Both are served from the page cache; a change to a test or a report makes them stale
(services.public_page_scopes)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_safe

from . import selectors
from .ical import tests_calendar


@require_GET
def index(request):
    return render(
        request,
        "testdays/index.html",
        {"upcoming": selectors.upcoming_tests(), "past": selectors.past_tests()},
    )


@require_safe
def ical(request):
    response = HttpResponse(tests_calendar(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="tests.ics"'
    return response
