"""A consumer polling the feed or the JSON list learns that an alert ended: its Cancel
is listed while the alert would still have been in force. Tests never appear."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory
from alerts.models import Alert
from tests.alerts.test_feeds import _send_cancel

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _feed_identifiers(client):
    feed = etree.fromstring(client.get("/alerts/feed.atom").content)
    links = feed.xpath("a:entry/a:link[@type='application/cap+xml']/@href", namespaces=ATOM)
    return {link.rsplit("/", 1)[1].removesuffix(".xml") for link in links}


def _api_messages(client):
    return {
        item["identifier"]: item["msgType"] for item in client.get("/api/alerts/").json()["alerts"]
    }


def test_a_cancel_is_listed_while_the_cancelled_alert_would_be_in_force(
    client, demo_site, approver
):
    original = SentAlertFactory(expires=timezone.now() + timedelta(hours=5))
    cancel = _send_cancel(original, approver)
    assert _feed_identifiers(client) == {cancel.identifier}
    assert _api_messages(client) == {cancel.identifier: "Cancel"}


def test_the_cancel_leaves_once_the_cancelled_alert_would_have_expired(client, demo_site, approver):
    original = SentAlertFactory(expires=timezone.now() + timedelta(hours=5))
    _send_cancel(original, approver)
    Alert.objects.filter(pk=original.pk).update(expires=timezone.now() - timedelta(minutes=1))
    assert _feed_identifiers(client) == set()
    assert _api_messages(client) == {}


def test_test_alerts_never_appear_in_the_feed_or_the_list(client, demo_site, approver):
    test = SentAlertFactory(status=Status.TEST)
    _send_cancel(SentAlertFactory(status=Status.TEST), approver)
    real = SentAlertFactory()
    assert _feed_identifiers(client) == {real.identifier}
    assert test.identifier not in _api_messages(client)
    assert set(_api_messages(client)) == {real.identifier}
