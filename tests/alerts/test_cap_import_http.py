"""The CAP import endpoint's answers about the request itself: size and content type."""

import pytest
from django.conf import settings

from alerts.cap_import import MAX_DOCUMENT_BYTES
from alerts.factories import UserFactory
from alerts.models import Alert, ImportToken
from tests.alerts.test_cap_import import cap_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(db):
    user = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(name="Partner", user=user)
    return raw


def _post(client, body, token, content_type="application/cap+xml", **extra):
    return client.post(
        "/api/alerts/import",
        data=body,
        content_type=content_type,
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **extra,
    )


def _padded(size):
    """A CAP document grown to `size` bytes by an XML comment."""
    document = cap_document()
    return document + b"<!--" + b"x" * (size - len(document) - 7) + b"-->"


@pytest.mark.parametrize(
    "size",
    [MAX_DOCUMENT_BYTES + 1, settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1],
    ids=["over-the-cap-limit", "over-django-limit"],
)
def test_a_document_over_the_size_limit_gets_a_413_in_json(client, token, size):
    response = _post(client, _padded(size), token)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == f"The document is larger than {MAX_DOCUMENT_BYTES} bytes."
    assert not Alert.objects.exists()


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read(client, token):
    response = _post(client, cap_document(), token, CONTENT_LENGTH=str(MAX_DOCUMENT_BYTES + 1))
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


def test_a_document_at_the_size_limit_is_read_whole(client, token):
    response = _post(client, _padded(MAX_DOCUMENT_BYTES), token)
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/json", "application/x-www-form-urlencoded", "text/html", ""],
)
def test_a_body_that_is_not_xml_gets_a_415_in_json(client, token, content_type):
    response = _post(client, cap_document(), token, content_type=content_type)
    assert response.status_code == 415
    assert "application/cap+xml" in response.json()["error"]
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    "content_type",
    [
        "application/cap+xml",
        "application/cap+xml; charset=utf-8",
        "application/xml",
        "Application/XML; charset=UTF-8",
        "text/xml",
        "text/xml;charset=utf-8",
    ],
)
def test_the_xml_content_types_are_accepted(client, token, content_type):
    response = _post(client, cap_document(), token, content_type=content_type)
    assert response.status_code == 201, response.content


def test_a_missing_token_is_refused_before_the_content_type(client):
    response = client.post("/api/alerts/import", data=b"hello", content_type="text/plain")
    assert response.status_code == 401
