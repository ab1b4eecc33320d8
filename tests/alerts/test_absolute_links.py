"""Every link read outside a browser tab is on the public address (SITE_BASE_URL, host and
port), never the Site record's `http://localhost/`: CAP <web>, push payloads, alert emails
and the iCalendar feed's URL lines."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from lxml import etree

from alerts.cap import alert_to_cap
from alerts.cap_vocab import CAP_NAMESPACE
from alerts.factories import SentAlertFactory
from alerts.rendering import render_email, render_push
from campaigns import factories as page_factories
from campaigns.ical import events_calendar
from tests.campaigns.conftest import Sections, publish

pytestmark = pytest.mark.django_db
NS = {"cap": CAP_NAMESPACE}
PUBLIC = "https://alerte.example.be:8443"
# The admin's own address may differ (an internal host): public links never use it.
ADMIN = "http://admin.internal"


@pytest.fixture
def sections(demo_site):
    return Sections(demo_site.homes)


def _detail_url(alert, language):
    with translation.override(language):
        return PUBLIC + reverse("alerts:detail", kwargs={"identifier": alert.identifier})


@override_settings(SITE_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=ADMIN)
def test_cap_web_is_the_alert_page_on_the_public_address():
    alert = SentAlertFactory()
    root = etree.fromstring(alert_to_cap(alert))
    webs = [e.text for e in root.findall("cap:info/cap:web", NS)]
    assert webs == [_detail_url(alert, "fr"), _detail_url(alert, "nl"), _detail_url(alert, "en")]


@override_settings(SITE_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=ADMIN)
def test_cap_web_of_a_guidance_page_is_on_the_public_address_not_the_site_record(sections):
    guide = publish(
        page_factories.GuidePageFactory(parent=sections["guides"]["fr"], title="Se confiner")
    )
    alert = SentAlertFactory()
    info = alert.infos.get(language="fr")
    info.web_page = guide
    info.save()
    root = etree.fromstring(alert_to_cap(alert))
    web = root.find("cap:info/cap:web", NS).text
    assert web == PUBLIC + guide.url
    assert "localhost" not in web


@override_settings(SITE_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=ADMIN)
def test_push_payload_links_to_the_alert_page_on_the_public_address():
    alert = SentAlertFactory()
    assert render_push(alert, "nl")["url"] == _detail_url(alert, "nl")


@override_settings(SITE_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=ADMIN)
def test_alert_email_links_are_on_the_public_address():
    alert = SentAlertFactory()
    email = render_email(alert, "fr")
    assert _detail_url(alert, "fr") in email.text
    assert f'href="{_detail_url(alert, "fr")}"' in email.html
    assert "localhost" not in email.text + email.html


@override_settings(SITE_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=ADMIN)
def test_ical_url_lines_are_on_the_public_address(sections, rf):
    index = sections["events"]["fr"]
    event = publish(page_factories.PlannedEventPageFactory(parent=index, title="Exercice"))
    # A request from another host (a proxy, a worker) must not decide the address either.
    request = rf.get("/", HTTP_HOST="127.0.0.1")
    (entry,) = Calendar.from_ical(events_calendar(index, request)).walk("VEVENT")
    assert str(entry["URL"]) == PUBLIC + event.url
