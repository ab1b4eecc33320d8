import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory
from portal.models import LoginEvent, LoginEventKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Messages are asserted in English, the language this browser asks for."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def approver(db):
    return ApproverFactory(username="approver")


def _secret(page: str) -> str:
    return page.split("<code>", 1)[1].split("</code>", 1)[0]


def test_first_sign_in_shows_the_secret_once_and_the_first_code_confirms_it(client, approver):
    client.force_login(approver)
    page = client.get("/admin/2fa/setup/?next=/admin/alerts/").content.decode()
    secret = _secret(page)
    assert "data:image/svg+xml;base64," in page  # the QR code
    assert client.get("/admin/2fa/setup/").content.decode().count(secret) == 1  # same device

    refused = client.post("/admin/2fa/setup/", {"code": "000000", "next": "/admin/alerts/"})
    assert refused.status_code == 200 and "not valid" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=approver, confirmed=True).exists()

    # django-otp also slows guessing down (a growing delay after each failure).
    TOTPDevice.objects.filter(user=approver).update(throttling_failure_timestamp=None)
    code = f"{totp(base64.b32decode(secret)):06d}"
    response = client.post("/admin/2fa/setup/", {"code": code, "next": "/admin/alerts/"})
    assert response.status_code == 302 and response["Location"] == "/admin/alerts/"
    assert TOTPDevice.objects.filter(user=approver, confirmed=True).count() == 1
    kinds = set(LoginEvent.objects.filter(username="approver").values_list("kind", flat=True))
    assert {LoginEventKind.SECOND_FACTOR_SETUP, LoginEventKind.SECOND_FACTOR_FAILED} <= kinds

    # Once a device is confirmed, the secret is never shown again.
    again = client.get("/admin/2fa/setup/")
    assert again.status_code == 302 and "/admin/2fa/verify/" in again["Location"]
    assert secret not in client.get("/admin/2fa/verify/").content.decode()


def test_a_wrong_code_keeps_the_user_out(client, approver):
    TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    client.force_login(approver)
    response = client.post("/admin/2fa/verify/", {"code": "123456"})
    assert response.status_code == 200
    assert "not valid" in response.content.decode()
    assert client.get("/admin/alerts/").status_code == 302


def test_verification_never_redirects_to_another_site(client, approver):
    device = TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    client.force_login(approver)
    code = f"{totp(device.bin_key):06d}"
    response = client.post("/admin/2fa/verify/", {"code": code, "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_the_second_factor_pages_need_a_signed_in_user(client):
    response = client.get("/admin/2fa/verify/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_after_the_password_the_approver_is_asked_for_the_code_then_reaches_the_alerts(
    client, approver
):
    device = TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    response = client.post(
        "/admin/login/",
        {"username": "approver", "password": "correct horse battery", "next": "/admin/alerts/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/alerts/"
    response = client.get("/admin/alerts/")
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Falerts%2F"
    page = client.get(response["Location"]).content.decode()
    assert 'name="next" value="/admin/alerts/"' in page
    code = f"{totp(device.bin_key):06d}"
    response = client.post("/admin/2fa/verify/", {"code": code, "next": "/admin/alerts/"})
    assert client.get(response["Location"]).status_code == 200
