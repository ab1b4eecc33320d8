"""Passkeys as a second factor: which WebAuthn endpoints are open before verification, and
that none lets anyone add a passkey with a password alone."""

import hashlib
import json

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from alerts.factories import ApproverFactory, AuthorFactory, UserFactory
from portal.models import LoginEvent, LoginEventKind
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

API = "/admin/2fa/webauthn/"
AUTH_BEGIN = API + "authentication/begin/"
AUTH_COMPLETE = API + "authentication/complete/"
REGISTER_BEGIN = API + "registration/begin/"
REGISTER_COMPLETE = API + "registration/complete/"
PAGE = "/admin/2fa/passkeys/"


def _passkey(user, seed=b"1") -> WebAuthnCredential:
    credential_id = hashlib.sha256(seed).digest()
    return WebAuthnCredential.objects.create(
        user=user,
        name="",
        confirmed=True,
        credential_id=credential_id,
        credential_id_sha256=hashlib.sha256(credential_id).hexdigest(),
        public_key=b"not a real key",
        aaguid="00000000-0000-0000-0000-000000000000",
    )


@pytest.fixture
def approver(db):
    approver = ApproverFactory(username="approver")
    TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    return approver


def test_signing_in_with_a_passkey_is_open_to_a_user_not_yet_verified(client, approver):
    client.force_login(approver)
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]
    response = client.post(AUTH_BEGIN)
    assert response.status_code == 200
    assert response.json()["challenge"]
    assert client.get(API + "jsi18n/").status_code == 200


def test_a_failed_passkey_sign_in_is_audited_and_verifies_nothing(client, approver):
    client.force_login(approver)
    response = client.post(AUTH_COMPLETE, data="{}", content_type="application/json")
    assert response.status_code == 400
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.PASSKEY_FAILED, username="approver"
    ).exists()
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]


def test_a_passkey_never_replaces_the_password(client):
    response = client.post(AUTH_BEGIN)
    assert response.status_code == 403
    assert response.json()["code"] == "password_first"


def test_registration_stays_behind_the_second_factor(client, approver):
    client.force_login(approver)
    for url in (REGISTER_BEGIN, REGISTER_COMPLETE, PAGE):
        response = client.post(url)
        assert response.status_code == 302
        assert "/admin/2fa/verify/" in response["Location"]
    assert not WebAuthnCredential.objects.exists()


@pytest.mark.parametrize("with_totp", [False, True])
def test_registration_is_refused_without_a_verified_session(client, with_totp):
    """An editor is not forced through the middleware: the views refuse them themselves,
    with or without another device (the package alone would accept a user who has none)."""
    editor = UserFactory(username="editor")
    if with_totp:
        TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    for url in (REGISTER_BEGIN, REGISTER_COMPLETE):
        response = client.post(url)
        assert response.status_code == 403
        assert response.json()["code"] == "user_not_verified"
    assert "/admin/2fa/verify/" in client.get(PAGE)["Location"]
    assert not WebAuthnCredential.objects.exists()


def test_anonymous_registration_is_refused(client):
    response = client.post(REGISTER_BEGIN)
    assert response.status_code == 403


def test_a_verified_user_may_begin_registering_a_passkey(client):
    author = AuthorFactory(username="author")
    login_with_second_factor(client, author)
    response = client.post(REGISTER_BEGIN)
    assert response.status_code == 200
    options = response.json()
    assert options["rp"] == {"id": "localhost", "name": "LUX response"}
    assert options["challenge"]


def test_the_verify_page_offers_a_passkey_only_to_who_has_one(client, approver):
    client.force_login(approver)
    page = client.get("/admin/2fa/verify/").content.decode()
    assert "passkey-verification-button" not in page
    _passkey(approver)
    page = client.get("/admin/2fa/verify/").content.decode()
    assert 'id="passkey-verification-button"' in page
    assert 'id="otp_webauthn_config"' in page
    assert "django_otp_webauthn/otp_webauthn_auth.js" in page
    # TOTP stays available.
    assert 'name="code"' in page


def test_a_verified_user_lists_and_removes_their_own_passkeys_only(client):
    author = AuthorFactory(username="author")
    other = AuthorFactory(username="other")
    mine = _passkey(author, b"mine")
    theirs = _passkey(other, b"theirs")
    login_with_second_factor(client, author)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert f'name="remove" value="{mine.pk}"' in page.content.decode()
    assert f'value="{theirs.pk}"' not in page.content.decode()
    assert "django_otp_webauthn/otp_webauthn_register.js" in page.content.decode()

    client.post(PAGE, {"remove": theirs.pk})
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()
    client.post(PAGE, {"remove": "not a number"})
    response = client.post(PAGE, {"remove": mine.pk})
    assert response.status_code == 302
    assert not WebAuthnCredential.objects.filter(pk=mine.pk).exists()
    assert (
        LoginEvent.objects.filter(kind=LoginEventKind.PASSKEY_REMOVED, username="author").count()
        == 1
    )


def test_the_account_page_links_to_the_passkeys(client):
    login_with_second_factor(client, AuthorFactory(username="author"))
    assert PAGE in client.get("/admin/account/").content.decode()


def test_a_lost_device_reset_removes_the_passkeys_too(approver):
    _passkey(approver)
    call_command("otp_reset", "approver")
    assert not WebAuthnCredential.objects.filter(user=approver).exists()


@pytest.mark.parametrize(
    ("base_url", "rp_id", "origins"),
    [
        ("https://alerte.brussels", "alerte.brussels", ["https://alerte.brussels"]),
        ("http://127.0.0.1:8000", "localhost", ["http://localhost:8000"]),
        ("http://localhost:8000", "localhost", ["http://localhost:8000"]),
        ("http://[::1]", "localhost", ["http://localhost"]),
    ],
)
def test_passkey_defaults_follow_the_site_address(base_url, rp_id, origins):
    from portal.settings.base import _passkey_defaults

    assert _passkey_defaults(base_url) == (rp_id, origins)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Vérification réussie !"), ("nl", "Verificatie geslaagd!")],
)
def test_the_passkey_script_speaks_french_and_dutch(client, language, expected):
    """The package ships no French for its script: our djangojs catalogue supplies it."""
    catalogue = client.get(API + "jsi18n/", HTTP_ACCEPT_LANGUAGE=language)
    assert catalogue.status_code == 200
    assert json.dumps(expected)[1:-1] in catalogue.content.decode()  # as the script has it
