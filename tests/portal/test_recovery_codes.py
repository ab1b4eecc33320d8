"""Recovery codes: shown once when the first authenticator is confirmed, each one good for
one sign-in at the code step, audited, renewable from the account menu."""

import base64
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory
from portal import enrolment
from portal.models import LoginEvent, LoginEventKind
from portal.recovery_codes import is_recovery_code, recovery_code_normalise
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

PAGE = "/admin/2fa/recovery-codes/"


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def approver(db):
    return ApproverFactory(username="approver")


def _codes(page: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page)


def _first_enrolment(client, user) -> list[str]:
    """Open an enrolment link, confirm the authenticator; the codes shown."""
    link = enrolment.enrolment_link_issue(user=user).url.split("testserver", 1)[1]
    client.force_login(user)
    client.post(link)
    page = client.get("/admin/2fa/setup/").content.decode()
    secret = page.split("<code>", 1)[1].split("</code>", 1)[0]
    code = f"{totp(base64.b32decode(secret)):06d}"
    response = client.post("/admin/2fa/setup/", {"code": code, "next": "/admin/alerts/"})
    assert response.status_code == 200
    return _codes(response.content.decode())


def _sign_in_again(client, user):
    client.logout()
    client.force_login(user)


def test_the_first_authenticator_comes_with_ten_codes_shown_once(client, approver):
    codes = _first_enrolment(client, approver)
    assert len(codes) == len(set(codes)) == 10
    assert all(is_recovery_code(recovery_code_normalise(code)) for code in codes)
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.RECOVERY_CODES_ISSUED, username="approver"
    ).exists()
    # Never shown again: not on the account page, not on the verify page.
    assert client.get("/admin/alerts/").status_code == 200
    account_page = client.get(PAGE).content.decode()
    assert "10 unused recovery codes" in account_page
    assert _codes(account_page) == []
    _sign_in_again(client, approver)
    assert not any(code in client.get("/admin/2fa/verify/").content.decode() for code in codes)


def test_a_recovery_code_verifies_once_and_says_how_many_are_left(client, approver):
    codes = _first_enrolment(client, approver)
    _sign_in_again(client, approver)
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]

    # Typed as shown, in capitals, with spaces: accepted.
    typed = codes[3].upper().replace("-", " ")
    response = client.post("/admin/2fa/verify/", {"code": typed, "next": "/admin/alerts/"})
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?next=%2Fadmin%2Falerts%2F"
    page = client.get(response["Location"]).content.decode()
    assert "You signed in with a recovery code: 9 codes are left." in page
    assert "Set up a new authenticator" in page and "Generate new recovery codes" in page
    assert 'href="/admin/alerts/"' in page  # continue where they were going
    assert client.get("/admin/alerts/").status_code == 200

    event = LoginEvent.objects.get(kind=LoginEventKind.RECOVERY_CODE)
    assert (event.username, event.detail) == ("approver", "9 recovery codes left")

    # Used: refused the next time, and audited.
    _sign_in_again(client, approver)
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post("/admin/2fa/verify/", {"code": codes[3]})
    assert response.status_code == 200
    assert "already used" in response.content.decode()
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.SECOND_FACTOR_FAILED, detail="recovery code"
    ).exists()
    assert StaticToken.objects.count() == 9


def test_a_made_up_code_is_refused_and_slows_guessing(client, approver):
    _first_enrolment(client, approver)
    _sign_in_again(client, approver)
    client.post("/admin/2fa/verify/", {"code": "aaaa-aaaa"})
    device = StaticDevice.objects.get(user=approver)
    assert device.throttling_failure_count == 1
    # A mistyped authenticator code does not count against the recovery codes.
    client.post("/admin/2fa/verify/", {"code": "000000"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]


def test_a_new_set_replaces_the_old_one_and_is_shown_once(client, approver):
    old = _first_enrolment(client, approver)
    response = client.post(PAGE)
    assert response.status_code == 200
    new = _codes(response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert _codes(client.get(PAGE).content.decode()) == []
    assert (
        LoginEvent.objects.filter(
            kind=LoginEventKind.RECOVERY_CODES_ISSUED, username="approver"
        ).count()
        == 2
    )

    _sign_in_again(client, approver)
    refused = client.post("/admin/2fa/verify/", {"code": old[0]})
    assert refused.status_code == 200
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    assert client.post("/admin/2fa/verify/", {"code": new[0]}).status_code == 302


def test_renewing_after_signing_in_with_a_code_keeps_the_session_verified(client, approver):
    codes = _first_enrolment(client, approver)
    _sign_in_again(client, approver)
    client.post("/admin/2fa/verify/", {"code": codes[0]})
    assert len(_codes(client.post(PAGE).content.decode())) == 10
    assert client.get("/admin/alerts/").status_code == 200


def test_after_a_recovery_code_the_user_sets_up_a_new_authenticator(client, approver):
    codes = _first_enrolment(client, approver)
    lost = TOTPDevice.objects.get(user=approver, confirmed=True)
    _sign_in_again(client, approver)
    client.post("/admin/2fa/verify/", {"code": codes[0]})
    page = client.get("/admin/2fa/setup/").content.decode()
    assert "replaces your previous one" in page
    secret = page.split("<code>", 1)[1].split("</code>", 1)[0]
    response = client.post("/admin/2fa/setup/", {"code": f"{totp(base64.b32decode(secret)):06d}"})
    # Codes are left: none issued this time, straight on.
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert TOTPDevice.objects.filter(user=approver, confirmed=True).count() == 1


def test_the_page_and_a_new_set_need_a_verified_session(client, approver):
    TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    client.force_login(approver)
    for response in (client.get(PAGE), client.post(PAGE)):
        assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    assert not StaticToken.objects.exists()


def test_the_account_menu_offers_recovery_codes_to_a_verified_user(client, approver):
    login_with_second_factor(client, approver)
    assert PAGE in client.get("/admin/account/").content.decode()


def test_someone_enrolled_before_recovery_codes_existed_generates_a_set(client, approver):
    login_with_second_factor(client, approver)
    page = client.get(PAGE).content.decode()
    assert "You have 0 unused recovery codes." in page
    assert len(_codes(client.post(PAGE).content.decode())) == 10
