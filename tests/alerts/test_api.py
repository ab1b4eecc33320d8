from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory

pytestmark = pytest.mark.django_db


def test_json_api_lists_active_alerts_with_every_language(client, demo_site):
    alert = SentAlertFactory(status=Status.EXERCISE)
    data = client.get("/api/alerts/").json()
    assert [item["identifier"] for item in data["alerts"]] == [alert.identifier]
    item = data["alerts"][0]
    assert item["exercise"] is True
    assert item["info"]["nl"]["headline"].startswith("EXERCICE / OEFENING / EXERCISE")
    assert item["area"]["communes"][0]["nis"] == "21004"
    detail = client.get(f"/api/alerts/{alert.identifier}/").json()
    assert detail["active"] is True and len(detail["timeline"]) == 1
    assert client.get("/api/alerts/unknown/", follow=True).status_code == 404


def test_api_never_shows_unpublished_alerts(client, demo_site):
    restricted = SentAlertFactory(scope="Restricted")
    assert client.get("/api/alerts/").json()["alerts"] == []
    response = client.get(f"/api/alerts/{restricted.identifier}/", follow=True)
    assert response.status_code == 404


HOSTILE = ['"', 'a"', '">', "\x00", "a\x00b", "*", "NEAR(", "-", "AND", "%", "'", "\\", "..", " "]


@pytest.mark.parametrize("value", HOSTILE)
def test_api_answers_hostile_identifiers_and_query_strings_without_an_error(client, value):
    assert client.get("/api/alerts/", {"q": value, value: value}).status_code == 200
    response = client.get(f"/api/alerts/{quote(value, safe='')}/", follow=True)
    assert response.status_code == 404


@settings(
    max_examples=150,
    deadline=None,
    # The alert is only read: one for every example is enough.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(segment=st.text(min_size=1, max_size=40), query=st.dictionaries(st.text(), st.text()))
def test_api_never_fails_whatever_the_path_or_query(demo_site, segment, query):
    client = Client()
    assert client.get("/api/alerts/", query).status_code == 200
    response = client.get(f"/api/alerts/{quote(segment, safe='')}/", query, follow=True)
    assert response.status_code < 500
