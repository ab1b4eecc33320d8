"""Alert roles and superusers need a verified second factor for the admin and the alert
services; other editors do not."""

import pytest
from django.contrib.auth.models import Permission
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts import services
from alerts.exceptions import AlertPermissionDenied
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory, UserFactory
from alerts.models import AlertState
from alerts.outgoing import alert_fingerprint
from portal.two_factor import requires_second_factor
from tests.alerts.test_admin_views import fingerprint_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(db):
    return ApproverFactory(username="approver")


@pytest.fixture
def submitted(db):
    return AlertFactory(created_by=AuthorFactory(username="writer"), state=AlertState.SUBMITTED)


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}"


def test_only_alert_roles_and_superusers_need_a_second_factor(approver):
    editor = UserFactory(username="editor")
    boss = UserFactory(username="boss")
    boss.is_superuser = True
    assert requires_second_factor(approver)
    assert requires_second_factor(AuthorFactory(username="author"))
    assert requires_second_factor(boss)
    assert not requires_second_factor(editor)


def test_approver_without_a_device_is_sent_to_set_one_up(client, approver):
    client.force_login(approver)
    response = client.get("/admin/alerts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=%2Fadmin%2Falerts%2F")


def test_unverified_approver_is_refused_and_a_direct_post_approves_nothing(
    client, approver, submitted, django_capture_on_commit_callbacks
):
    TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    client.force_login(approver)
    response = client.get(f"/admin/alerts/{submitted.pk}/approve/")
    assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/alerts/{submitted.pk}/approve/")
    assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    submitted.refresh_from_db()
    assert submitted.state == AlertState.SUBMITTED
    assert not submitted.events.filter(user=approver).exists()


def test_approver_with_a_verified_code_gets_through_and_approves(
    client, approver, submitted, django_capture_on_commit_callbacks
):
    device = TOTPDevice.objects.create(user=approver, name="phone", confirmed=True)
    client.force_login(approver)
    url = f"/admin/alerts/{submitted.pk}/approve/"
    response = client.post("/admin/2fa/verify/", {"code": _code(device), "next": url})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"fingerprint": fingerprint_on(page.content.decode())})
    submitted.refresh_from_db()
    assert submitted.state == AlertState.SENT and submitted.approved_by == approver


def test_unverified_superuser_cannot_reach_any_admin_page(client, django_user_model):
    boss = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)
    client.force_login(boss)
    for url in ("/admin/", "/admin/users/", "/admin/sign-ins/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]


def test_a_plain_editor_is_not_asked_for_a_second_factor(client):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


class _UnverifiedRequestUser:
    """What OTPMiddleware makes of request.user before a code is entered."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        return getattr(self._user, name)

    def is_verified(self):
        return False


def test_services_refuse_a_request_user_without_second_factor(approver, submitted):
    with pytest.raises(AlertPermissionDenied):
        services.alert_approve(
            alert=submitted,
            user=_UnverifiedRequestUser(approver),
            fingerprint=alert_fingerprint(submitted),
        )
    with pytest.raises(AlertPermissionDenied):
        services.alert_reject(
            alert=submitted, user=_UnverifiedRequestUser(approver), reason="Wrong commune"
        )
    submitted.refresh_from_db()
    assert submitted.state == AlertState.SUBMITTED
