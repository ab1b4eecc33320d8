"""Enrolment links: a password alone never sets up a second factor; a link issued by a
superuser (or the management command) does, once, for its own user, after that user's own
password, before it expires."""

import base64
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory, AuthorFactory
from portal import enrolment
from portal.models import EnrolmentLink, LoginEvent, LoginEventKind
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # alerts.factories


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def approver(db):
    return ApproverFactory(username="approver")


def _path(url: str) -> str:
    return urlsplit(url).path


def _secret(page: str) -> str:
    return page.split("<code>", 1)[1].split("</code>", 1)[0]


def _events(kind, **filters):
    return list(LoginEvent.objects.filter(kind=kind, **filters).order_by("pk"))


def test_the_link_never_signs_in_it_sends_to_the_password_then_opens_the_set_up(client, approver):
    link = _path(enrolment.enrolment_link_issue(user=approver).url)

    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=%2Fadmin%2F2fa%2Fenrol%2F")
    assert "_auth_user_id" not in client.session
    assert not EnrolmentLink.objects.get(user=approver).used_at  # a preview spends nothing

    response = client.post(
        "/admin/login/", {"username": "approver", "password": PASSWORD, "next": link}
    )
    assert response["Location"] == link
    page = client.get(link)
    assert page.status_code == 200
    assert "approver" in page.content.decode()
    assert not EnrolmentLink.objects.get(user=approver).used_at  # GET spends nothing

    response = client.post(link)
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/setup/")
    setup = client.get(response["Location"]).content.decode()
    secret = _secret(setup)
    assert "data:image/svg+xml;base64," in setup
    code = f"{totp(base64.b32decode(secret)):06d}"
    confirmed = client.post("/admin/2fa/setup/", {"code": code, "next": "/admin/alerts/"})
    assert confirmed.status_code == 200  # the recovery codes, shown once
    assert TOTPDevice.objects.filter(user=approver, confirmed=True).count() == 1
    assert client.get("/admin/alerts/").status_code == 200

    assert _events(LoginEventKind.ENROLMENT_LINK_USED, username="approver")
    setup_event = _events(LoginEventKind.SECOND_FACTOR_SETUP, username="approver")[0]
    assert setup_event.detail == "with an enrolment link"


def test_a_link_works_once(client, approver):
    link = _path(enrolment.enrolment_link_issue(user=approver).url)
    client.force_login(approver)
    client.post(link)
    assert "data:image/svg+xml" in client.get("/admin/2fa/setup/").content.decode()

    # The same link again, from another browser of the same person (or a thief who has
    # both the link and the password): refused, audited, and that session sets up nothing.
    other = type(client)()
    other.force_login(approver)
    assert other.get(link).status_code == 410
    assert other.post(link).status_code == 410
    assert other.get("/admin/2fa/setup/").status_code == 403
    refused = _events(LoginEventKind.ENROLMENT_LINK_REFUSED, username="approver")
    assert [event.detail for event in refused] == ["used link of approver"] * 2


def test_an_expired_link_is_refused_and_audited(client, approver, settings):
    settings.TWO_FACTOR_ENROLMENT_LINK_HOURS = 1
    issued = enrolment.enrolment_link_issue(user=approver)
    assert timedelta(minutes=59) < issued.expires_at - timezone.now() <= timedelta(hours=1)
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(approver)
    response = client.get(_path(issued.url))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert client.post(_path(issued.url)).status_code == 410
    assert client.get("/admin/2fa/setup/").status_code == 403
    assert _events(LoginEventKind.ENROLMENT_LINK_REFUSED)[0].detail == "expired link of approver"


def test_the_set_up_it_opened_closes_when_the_link_expires(client, approver):
    issued = enrolment.enrolment_link_issue(user=approver)
    client.force_login(approver)
    client.post(_path(issued.url))
    assert client.get("/admin/2fa/setup/").status_code == 200
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/admin/2fa/setup/").status_code == 403


def test_another_accounts_link_is_refused_revoked_and_audited(client, approver):
    author = AuthorFactory(username="author")
    link = _path(enrolment.enrolment_link_issue(user=approver).url)
    client.force_login(author)
    response = client.get(link)
    assert response.status_code == 403
    assert "another account" in response.content.decode()
    assert client.get("/admin/2fa/setup/").status_code == 403
    event = _events(LoginEventKind.ENROLMENT_LINK_REFUSED)[0]
    assert event.username == "author"
    assert event.detail == "other account link of approver; revoked"

    # Seen by someone else, the link is dead for its owner too.
    assert not EnrolmentLink.objects.filter(user=approver).exists()
    owner = type(client)()
    owner.force_login(approver)
    assert owner.get(link).status_code == 410


def test_an_unknown_or_hostile_token_is_refused_and_audited(client):
    for token in ("not-a-token", "x" * 500, "%3Cscript%3E"):
        response = client.get(f"/admin/2fa/enrol/{token}/")
        assert response.status_code == 410
        assert "<script>" not in response.content.decode()
    assert len(_events(LoginEventKind.ENROLMENT_LINK_REFUSED, detail="unknown link")) == 3


def test_only_the_hash_of_the_token_is_stored(approver):
    issued = enrolment.enrolment_link_issue(user=approver)
    token = _path(issued.url).rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    link = EnrolmentLink.objects.get(user=approver)
    assert token not in link.token_hash
    assert token not in str(list(EnrolmentLink.objects.values()))
    assert token not in str(list(LoginEvent.objects.values()))


def test_a_new_link_revokes_the_earlier_one(client, approver):
    first = _path(enrolment.enrolment_link_issue(user=approver).url)
    second = _path(enrolment.enrolment_link_issue(user=approver).url)
    client.force_login(approver)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_only_a_verified_superuser_issues_links(approver, django_user_model):
    with pytest.raises(PermissionDenied):
        enrolment.enrolment_link_issue(user=approver, issued_by=AuthorFactory(username="a"))
    assert not EnrolmentLink.objects.exists()


def test_the_command_prints_a_working_link_for_the_first_superuser(
    client, capsys, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", PASSWORD)
    call_command("two_factor_enrolment_link", "root")
    out = capsys.readouterr().out
    url = next(line for line in out.splitlines() if line.startswith("http"))
    assert url.startswith("http://testserver/admin/2fa/enrol/")

    client.login(username="root", password=PASSWORD)
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/2fa/setup/").status_code == 403
    client.post(_path(url))
    assert client.get("/admin/2fa/setup/").status_code == 200
    issued = _events(LoginEventKind.ENROLMENT_LINK_ISSUED, username="root")[0]
    assert issued.detail.startswith("issued by manage.py, valid until ")
    assert issued.user == root


def test_the_command_reports_an_unknown_or_inactive_user(django_user_model):
    with pytest.raises(CommandError):
        call_command("two_factor_enrolment_link", "nobody")
    django_user_model.objects.create_user("gone", is_active=False)
    with pytest.raises(CommandError):
        call_command("two_factor_enrolment_link", "gone")
    assert not EnrolmentLink.objects.exists()


def test_a_verified_user_follows_a_link_to_replace_a_lost_phone(client, approver):
    """A link also lets someone who still has a device (but lost it) set up a new one;
    the new one replaces the old, which stops working."""
    old = TOTPDevice.objects.create(user=approver, name="lost phone", confirmed=True)
    link = _path(enrolment.enrolment_link_issue(user=approver).url)
    client.force_login(approver)
    assert "/admin/2fa/verify/" in client.get("/admin/alerts/")["Location"]
    client.post(link)
    page = client.get("/admin/2fa/verify/").content.decode()
    assert "Set up a new authenticator with your enrolment link" in page
    secret = _secret(client.get("/admin/2fa/setup/").content.decode())
    code = f"{totp(base64.b32decode(secret)):06d}"
    client.post("/admin/2fa/setup/", {"code": code})
    assert list(TOTPDevice.objects.filter(user=approver, confirmed=True)) != [old]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get("/admin/alerts/").status_code == 200


def test_the_enrolment_page_needs_no_verified_factor_but_the_admin_does(client, approver):
    link = _path(enrolment.enrolment_link_issue(user=approver).url)
    client.force_login(approver)
    assert client.get(link).status_code == 200
    assert "/admin/2fa/setup/" in client.get("/admin/")["Location"]
    login_with_second_factor(client, approver)
    assert client.get("/admin/").status_code == 200
