"""Reads for the public test-days page, its calendar and the admin report page."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone

from .models import PlannedTest, PublishedReachReport

# Past tests shown on the page and in the calendar.
PAST_WINDOW = timedelta(days=365)
PAST_LIMIT = 20


def _tests():
    return PlannedTest.objects.prefetch_related(
        "communes", Prefetch("reports", queryset=PublishedReachReport.objects.order_by("pk"))
    )


def upcoming_tests(now=None):
    """Tests not yet over (running ones included), soonest first."""
    return _tests().filter(end__gte=now or timezone.now()).order_by("start", "pk")


@dataclass
class PastTest:
    test: PlannedTest | None
    reports: list[PublishedReachReport]

    @property
    def when(self):
        return self.test.start if self.test else self.reports[0].alert_sent


def past_tests(now=None) -> list[PastTest]:
    """Tests over within the last year, newest first, each with its published reports;
    a report published without a planned test stands on its own."""
    now = now or timezone.now()
    since = now - PAST_WINDOW
    items = [
        PastTest(test, list(test.reports.all()))
        for test in _tests().filter(end__lt=now, end__gte=since).order_by("-start")[:PAST_LIMIT]
    ]
    items += [
        PastTest(None, [report])
        for report in PublishedReachReport.objects.filter(
            planned_test__isnull=True, published_at__gte=since
        )[:PAST_LIMIT]
    ]
    items.sort(key=lambda item: item.when or now, reverse=True)
    return items[:PAST_LIMIT]


def calendar_tests(now=None):
    since = (now or timezone.now()) - PAST_WINDOW
    return _tests().filter(end__gte=since).order_by("start", "pk")


def published_report(alert) -> PublishedReachReport | None:
    return PublishedReachReport.objects.filter(alert=alert).select_related("published_by").first()
