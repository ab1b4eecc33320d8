"""HEAD and conditional GET on the machine documents: the Atom feed, the CAP documents
and the JSON API, which partner systems and feed readers poll every minute."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.factories import SentAlertFactory
from alerts.models import Alert
from tests.alerts.test_feeds import _send_cancel

pytestmark = pytest.mark.django_db


def _urls(alert):
    return [
        "/alerts/feed.atom",
        f"/alerts/{alert.identifier}.xml",
        "/api/alerts/",
        f"/api/alerts/{alert.identifier}/",
    ]


@pytest.fixture
def alert(demo_site):
    return SentAlertFactory()


@pytest.mark.parametrize("which", range(4), ids=["feed", "cap", "api-list", "api-detail"])
def test_head_is_answered_like_get_without_a_body(client, alert, which):
    url = _urls(alert)[which]
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]
    assert head["ETag"] == got["ETag"]


@pytest.mark.parametrize("which", range(4), ids=["feed", "cap", "api-list", "api-detail"])
def test_an_unchanged_document_answers_304(client, alert, which):
    url = _urls(alert)[which]
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_cancel_changes_the_lists_and_the_timeline(client, alert, approver):
    urls = ["/alerts/feed.atom", "/api/alerts/", f"/api/alerts/{alert.identifier}/"]
    tags = {url: client.get(url)["ETag"] for url in urls}
    _send_cancel(alert, approver)
    for url in urls:
        response = client.get(url, HTTP_IF_NONE_MATCH=tags[url])
        assert response.status_code == 200, url
        assert response["ETag"] != tags[url]


def test_an_alert_running_out_changes_the_lists(client, alert):
    Alert.objects.update(updated_at=timezone.now() - timedelta(hours=1))  # saved long ago
    tags = {url: client.get(url)["ETag"] for url in ("/alerts/feed.atom", "/api/alerts/")}
    # Its expiry passes between two polls, without the alert being saved again.
    Alert.objects.filter(pk=alert.pk).update(expires=timezone.now())
    for url, tag in tags.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=tag)
        assert response.status_code == 200, url
        assert alert.identifier not in response.content.decode()


def test_an_unknown_alert_is_still_a_404(client, demo_site):
    assert client.head("/alerts/UNKNOWN.xml", follow=True).status_code == 404
    unknown = client.get("/api/alerts/UNKNOWN/", HTTP_IF_NONE_MATCH="*", follow=True)
    assert unknown.status_code == 404
