"""The "Second factor" page of a user: superusers see what the account has and issue an
enrolment link, shown once; nobody else reaches it."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory, AuthorFactory
from portal.models import EnrolmentLink, LoginEvent, LoginEventKind
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")


def _link_on(page: str) -> str:
    return re.search(r'id="enrolment-link" readonly value="([^"]+)"', page).group(1)


def test_a_superuser_issues_an_enrolment_link_shown_once(client, boss):
    newcomer = ApproverFactory(username="newcomer")
    login_with_second_factor(client, boss)
    url = f"/admin/second-factor/{newcomer.pk}/"
    page = client.get(url).content.decode()
    assert "Issue an enrolment link" in page
    assert 'id="enrolment-link"' not in page

    page = client.post(url).content.decode()
    link = _link_on(page)
    assert link.startswith("http://testserver/admin/2fa/enrol/")
    assert EnrolmentLink.objects.get(user=newcomer).created_by == boss
    event = LoginEvent.objects.get(kind=LoginEventKind.ENROLMENT_LINK_ISSUED)
    assert event.username == "newcomer"
    assert event.detail.startswith("issued by root, valid until ")

    again = client.get(url).content.decode()
    assert link not in again
    assert "Enrolment link waiting to be opened" in again and "yes, until" in again

    # The link works for the newcomer, after their own password.
    newcomer_client = type(client)()
    newcomer_client.force_login(newcomer)
    newcomer_client.post(urlsplit(link).path)
    assert newcomer_client.get("/admin/2fa/setup/").status_code == 200


def test_the_users_listing_offers_the_page_to_superusers(client, boss):
    member = AuthorFactory(username="member")
    login_with_second_factor(client, boss)
    assert f"/admin/second-factor/{member.pk}/" in client.get("/admin/users/").content.decode()


@pytest.mark.parametrize("who", ["editor", "approver"])
def test_nobody_else_reaches_it_nor_issues_a_link(client, django_user_model, who):
    target = AuthorFactory(username="target")
    if who == "editor":
        user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        user.user_permissions.add(Permission.objects.get(codename="change_user"))
        client.force_login(user)
        listing = client.get("/admin/users/")
        assert listing.status_code == 200 and "target" in listing.content.decode()
        assert "/admin/second-factor/" not in listing.content.decode()
    else:
        login_with_second_factor(client, ApproverFactory(username="approver"))
    url = f"/admin/second-factor/{target.pk}/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert not EnrolmentLink.objects.exists()


def test_an_unverified_superuser_issues_nothing(client, boss):
    TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)
    target = AuthorFactory(username="target")
    client.force_login(boss)
    response = client.post(f"/admin/second-factor/{target.pk}/")
    assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    assert not EnrolmentLink.objects.exists()


def test_an_unknown_user_is_not_found(client, boss):
    login_with_second_factor(client, boss)
    # (LocaleMiddleware answers any 404 outside the language prefixes with a redirect to
    # the same path under one; that one is not found either.)
    assert client.get("/admin/second-factor/999999/", follow=True).status_code == 404
    assert client.post("/admin/second-factor/999999/", follow=True).status_code == 404
    assert not EnrolmentLink.objects.exists()
