import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory
from portal import enrolment
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


def _enrol(client, user):
    """Sign `user` in with the password and open an enrolment link issued for them."""
    link = enrolment.enrolment_link_issue(user=user).url.split("testserver", 1)[1]
    client.force_login(user)
    client.post(link)


def test_a_password_alone_never_opens_the_set_up(client, approver):
    """A stolen password must not enrol the thief's authenticator."""
    client.force_login(approver)
    response = client.get("/admin/alerts/")
    assert response["Location"].startswith("/admin/2fa/setup/")
    page = client.get(response["Location"])
    assert page.status_code == 403
    html = page.content.decode()
    assert "Ask an administrator for an enrolment link" in html
    assert "data:image/svg+xml" not in html and 'name="code"' not in html
    assert not TOTPDevice.objects.filter(user=approver).exists()
    # Nor does a code posted blindly, nor the verify page.
    client.post("/admin/2fa/setup/", {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert client.get("/admin/2fa/verify/")["Location"].startswith("/admin/2fa/setup/")
    # Audited once per session, not at every page the middleware sends there.
    assert LoginEvent.objects.filter(kind=LoginEventKind.SETUP_REFUSED).count() == 1


def test_with_a_link_the_secret_is_shown_until_the_first_code_confirms_it(client, approver):
    _enrol(client, approver)
    page = client.get("/admin/2fa/setup/?next=/admin/alerts/").content.decode()
    secret = _secret(page)
    assert "data:image/svg+xml;base64," in page  # the QR code
    assert "you will be shown recovery codes" in page
    assert client.get("/admin/2fa/setup/").content.decode().count(secret) == 1  # same device

    refused = client.post("/admin/2fa/setup/", {"code": "000000", "next": "/admin/alerts/"})
    assert refused.status_code == 200 and "not valid" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=approver, confirmed=True).exists()

    # django-otp also slows guessing down (a growing delay after each failure).
    TOTPDevice.objects.filter(user=approver).update(throttling_failure_timestamp=None)
    code = f"{totp(base64.b32decode(secret)):06d}"
    response = client.post("/admin/2fa/setup/", {"code": code, "next": "/admin/alerts/"})
    assert response.status_code == 200 and "Your recovery codes" in response.content.decode()
    assert 'href="/admin/alerts/"' in response.content.decode()
    assert TOTPDevice.objects.filter(user=approver, confirmed=True).count() == 1
    kinds = set(LoginEvent.objects.filter(username="approver").values_list("kind", flat=True))
    assert {LoginEventKind.SECOND_FACTOR_SETUP, LoginEventKind.SECOND_FACTOR_FAILED} <= kinds

    # Once the device is confirmed, its secret is never shown again.
    assert secret not in client.get("/admin/2fa/setup/").content.decode()
    client.logout()
    client.force_login(approver)
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/2fa/verify/")
    assert secret not in client.get("/admin/2fa/verify/").content.decode()


def test_a_secret_shown_before_the_link_is_not_the_one_enrolled(client, approver):
    seen = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=False)
    _enrol(client, approver)
    page = client.get("/admin/2fa/setup/").content.decode()
    assert _secret(page) != base64.b32encode(seen.bin_key).decode()
    assert not TOTPDevice.objects.filter(pk=seen.pk).exists()


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
