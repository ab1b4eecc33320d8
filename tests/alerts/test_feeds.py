from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from alerts import services
from alerts.cap import validate_cap
from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory
from alerts.models import Alert, AlertState

pytestmark = pytest.mark.django_db


def _send_cancel(original, approver):
    cancel = services.alert_cancel_fast_track(original=original, user=approver, reason="over")
    Alert.objects.filter(pk=cancel.pk).update(state=AlertState.SENT, sent=timezone.now())
    return cancel


def test_atom_feed_lists_active_alerts_whose_cap_files_validate(client, demo_site, approver):
    active = SentAlertFactory()
    exercise = SentAlertFactory(status=Status.EXERCISE)
    ended = SentAlertFactory()
    cancel = _send_cancel(ended, approver)
    expired = SentAlertFactory()
    Alert.objects.filter(pk=expired.pk).update(expires=timezone.now() - timedelta(hours=1))
    response = client.get("/alerts/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    atom = {"a": "http://www.w3.org/2005/Atom"}
    links = feed.xpath("a:entry/a:link[@type='application/cap+xml']/@href", namespaces=atom)
    assert len(links) == 3
    identifiers = set()
    for link in links:
        path = link.replace("http://testserver", "")
        cap = client.get(path)
        assert cap.status_code == 200
        assert validate_cap(cap.content) == []
        identifiers.add(path.rsplit("/", 1)[1].removesuffix(".xml"))
    # The ended alert gives way to its Cancel.
    assert identifiers == {active.identifier, exercise.identifier, cancel.identifier}
