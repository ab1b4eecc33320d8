import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory
from portal.models import LoginEvent, LoginEventKind

pytestmark = pytest.mark.django_db


def test_a_lost_authenticator_is_removed_and_the_next_sign_in_sets_up_a_new_one(client):
    approver = ApproverFactory(username="approver")
    TOTPDevice.objects.create(user=approver, name="lost phone", confirmed=True)
    call_command("otp_reset", "approver")
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.SECOND_FACTOR_RESET, username="approver"
    ).exists()
    client.force_login(approver)
    assert "/admin/2fa/setup/" in client.get("/admin/alerts/")["Location"]


def test_an_unknown_user_is_reported():
    with pytest.raises(CommandError):
        call_command("otp_reset", "nobody")
