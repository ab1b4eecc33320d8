from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_an_unreachable_database(client):
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_says_pages_still_come_from_the_page_cache_without_the_database(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "database": "unreachable", "pages": "stale"}


def test_healthz_reports_an_error_when_neither_the_database_nor_the_page_cache_answer(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    with (
        mock.patch("portal.views.connection.cursor", side_effect=OperationalError("down")),
        mock.patch("django.core.cache.backends.locmem.LocMemCache.get", side_effect=OSError),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["pages"] == "unavailable"
