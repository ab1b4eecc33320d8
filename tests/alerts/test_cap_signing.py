"""Signed CAP: what we publish verifies with our configured certificate; a partner that
signs is held to the certificate configured for it, never to one its document carries."""

import io

import pytest
from django.core.management import call_command
from lxml import etree
from signxml import SignatureMethod, XMLSigner, XMLVerifier, methods

from alerts import cap_signing
from alerts.cap import validate_cap
from alerts.factories import SentAlertFactory, UserFactory
from alerts.models import Alert, ImportToken
from tests.alerts.test_cap_import import cap_document

pytestmark = pytest.mark.django_db


def _pair(directory, *extra):
    call_command("cap_signing_keypair", str(directory), *extra, stdout=io.StringIO())
    return directory / "cap-signing.key", directory / "cap-signing.crt"


@pytest.fixture(autouse=True)
def _fresh_material():
    cap_signing._material.cache_clear()
    yield
    cap_signing._material.cache_clear()


@pytest.fixture
def our_keys(tmp_path, settings):
    key, cert = _pair(tmp_path / "ours")
    settings.CAP_SIGNING_KEY_FILE, settings.CAP_SIGNING_CERT_FILE = str(key), str(cert)
    return cert.read_text()


@pytest.mark.parametrize("kind", [(), ("--rsa",)], ids=["ecdsa-p256", "rsa-3072"])
def test_a_published_cap_document_verifies_with_the_configured_certificate(
    client, tmp_path, settings, kind
):
    key, cert = _pair(tmp_path / "keys", *kind)
    settings.CAP_SIGNING_KEY_FILE, settings.CAP_SIGNING_CERT_FILE = str(key), str(cert)
    alert = SentAlertFactory()
    body = client.get(f"/alerts/{alert.identifier}.xml").content
    result = XMLVerifier().verify(body, x509_cert=cert.read_text())
    assert result.signed_xml.findtext("{*}identifier") == alert.identifier
    assert validate_cap(body) == []  # the signature sits where CAP 1.2's schema allows it
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_without_keys_the_document_is_published_unsigned(client, settings):
    settings.CAP_SIGNING_KEY_FILE = settings.CAP_SIGNING_CERT_FILE = ""
    alert = SentAlertFactory()
    body = client.get(f"/alerts/{alert.identifier}.xml").content
    assert b"xmldsig" not in body
    assert validate_cap(body) == []


def test_a_certificate_of_another_key_is_refused_at_start(tmp_path, settings):
    key, _cert = _pair(tmp_path / "a")
    _key, other_cert = _pair(tmp_path / "b")
    settings.CAP_SIGNING_KEY_FILE, settings.CAP_SIGNING_CERT_FILE = str(key), str(other_cert)
    with pytest.raises(ValueError, match="is not the certificate of the key"):
        cap_signing.signing_material()


def test_the_keypair_command_never_overwrites_a_key_by_accident(tmp_path):
    _pair(tmp_path)
    with pytest.raises(Exception, match="use --force"):
        _pair(tmp_path)


# -- import from a signing partner ------------------------------------------------------


@pytest.fixture
def partner(tmp_path):
    key, cert = _pair(tmp_path / "partner")
    user = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(
        name="Signing partner", user=user, signing_certificate=cert.read_text()
    )
    return raw, key, cert


def _signed_by(key, cert, document: bytes) -> bytes:
    root = etree.fromstring(document)
    signer = XMLSigner(method=methods.enveloped, signature_algorithm=SignatureMethod.ECDSA_SHA256)
    signed = signer.sign(root, key=key.read_bytes(), cert=cert.read_bytes())
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def _post(client, body, token):
    return client.post(
        "/api/alerts/import",
        data=body,
        content_type="application/cap+xml",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_a_document_signed_by_the_partner_is_imported(client, partner):
    token, key, cert = partner
    response = _post(client, _signed_by(key, cert, cap_document()), token)
    assert response.status_code == 201, response.content
    assert Alert.objects.count() == 1


def test_a_document_changed_after_signing_is_refused_with_the_reason(client, partner):
    token, key, cert = partner
    signed = _signed_by(key, cert, cap_document())
    tampered = signed.replace(b"<severity>Severe</severity>", b"<severity>Minor</severity>")
    assert tampered != signed
    response = _post(client, tampered, token)
    assert response.status_code == 400
    assert "changed after signing" in response.json()["error"]
    assert not Alert.objects.exists()


def test_a_certificate_carried_in_the_document_is_not_trusted(client, partner, tmp_path):
    token, _key, _cert = partner
    other_key, other_cert = _pair(tmp_path / "impostor")
    # Valid in itself: signed by the impostor's key, with the impostor's certificate inside.
    response = _post(client, _signed_by(other_key, other_cert, cap_document()), token)
    assert response.status_code == 400
    assert "not made with the certificate configured for this partner" in (response.json()["error"])
    assert not Alert.objects.exists()


def test_an_unsigned_document_from_a_signing_partner_is_refused(client, partner):
    token, _key, _cert = partner
    response = _post(client, cap_document(), token)
    assert response.status_code == 400
    assert "carries no XML signature" in response.json()["error"]


def test_unsafe_xml_is_refused_before_the_signature_is_read(client, partner):
    token, _key, _cert = partner
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxx">]>'
        b'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&x;'
        b'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/></alert>'
    )
    response = _post(client, bomb, token)
    assert response.status_code == 400
    assert "Entity declaration" in response.json()["error"]


def test_a_partner_without_certificate_may_still_send_signed_documents(client, tmp_path):
    key, cert = _pair(tmp_path / "k")
    user = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(name="Partner", user=user)
    response = _post(client, _signed_by(key, cert, cap_document()), raw)
    assert response.status_code == 201, response.content
