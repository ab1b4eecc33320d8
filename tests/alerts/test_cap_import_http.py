"""The CAP import endpoint's answers about the request itself: size and content type."""

import base64
import os
import time

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


def _with_attachment(size):
    """A CAP document grown to `size` bytes by an embedded map, as national alerts carry."""
    document = cap_document()
    shell = (
        b"<parameter><valueName>layer</valueName><value></value></parameter>"
        b"<resource><resourceDesc>Map of the zone</resourceDesc>"
        b"<mimeType>image/png</mimeType><derefUri></derefUri></resource>"
    )
    room = size - len(document) - len(shell)
    payload = base64.b64encode(os.urandom(room))[: room // 2]
    notes = b"n" * (room - len(payload))
    grown = shell.replace(b"</derefUri>", payload + b"</derefUri>").replace(
        b"<value></value>", b"<value>" + notes + b"</value>"
    )
    return document.replace(b"<area>", grown + b"<area>", 1)


def test_a_national_alert_of_nearly_two_mebibytes_is_imported(client, token):
    body = _with_attachment(1_990_000)
    assert len(body) == 1_990_000
    response = _post(client, body, token)
    assert response.status_code == 201, response.content
    assert Alert.objects.get().identifier == response.json()["identifier"]


def test_the_limit_is_two_mebibytes(client, token):
    assert _post(client, _padded(2 * 1024 * 1024), token).status_code == 201
    response = _post(client, _padded(2 * 1024 * 1024 + 1), token)
    assert response.status_code == 413
    assert response.json()["error"] == "The document is larger than 2097152 bytes."


def _timed_post(client, body, token):
    started = time.perf_counter()
    response = _post(client, body, token)
    return response, time.perf_counter() - started


def test_deep_nesting_as_large_as_allowed_is_refused_fast(client, token):
    head = b'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'
    depth = (MAX_DOCUMENT_BYTES - 100) // 7
    body = head + b"<a>" * depth + b"</a>" * depth + b"</alert>"
    response, seconds = _timed_post(client, body, token)
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Elements are nested more than 32 deep: not a CAP document."
    )
    assert seconds < 0.5
    assert not Alert.objects.exists()


def test_an_entity_bomb_as_large_as_allowed_is_refused_fast(client, token):
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY lol0 "lol">{laughs}]><alert>&lol9;</alert>'
    ).encode()
    body = body.replace(b"<alert>", b"<alert>" + b" " * (MAX_DOCUMENT_BYTES - len(body)))
    assert len(body) == MAX_DOCUMENT_BYTES
    response, seconds = _timed_post(client, body, token)
    assert response.status_code == 400
    assert response.json()["error"].startswith("Entity declaration 'lol0' refused")
    assert seconds < 0.5
    assert not Alert.objects.exists()
