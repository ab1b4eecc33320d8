"""Reads for the home page: what a citizen needs first, gathered from the feature apps."""

import logging

from django.db import DatabaseError
from wagtail.models import Locale

from alerts.models import Alert
from alerts.selectors import active_alerts
from campaigns.models import RiskIndexPage, RiskPage

logger = logging.getLogger(__name__)

#: The home page lists at most this many alerts in force (the alert list has them all).
HOME_ALERTS = 5


def home_alerts() -> list[Alert]:
    """The alerts in force, most severe first. A database failure leaves the list empty
    (logged) rather than the home page broken, as for the banner."""
    try:
        return list(active_alerts()[:HOME_ALERTS])
    except DatabaseError:
        logger.exception("home page: active alerts could not be read")
        return []


def home_risks(locale: Locale) -> tuple[RiskIndexPage | None, list[RiskPage]]:
    """The risk listing of `locale` and its live risk pages, in the editors' order."""
    index = RiskIndexPage.objects.live().public().filter(locale=locale).order_by("path").first()
    if index is None:
        return None, []
    return index, list(RiskPage.objects.child_of(index).live().public().order_by("path"))
