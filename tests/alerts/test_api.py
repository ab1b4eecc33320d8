import pytest

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
