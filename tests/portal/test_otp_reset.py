import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.factories import ApproverFactory
from portal import enrolment
from portal.models import EnrolmentLink, LoginEvent, LoginEventKind

pytestmark = pytest.mark.django_db


def test_a_lost_authenticator_is_removed_and_a_new_one_needs_an_enrolment_link(client, capsys):
    approver = ApproverFactory(username="approver")
    TOTPDevice.objects.create(user=approver, name="lost phone", confirmed=True)
    codes = StaticDevice.objects.create(user=approver, name="recovery codes", confirmed=True)
    StaticToken.objects.create(device=codes, token="abcdefgh")
    old_link = enrolment.enrolment_link_issue(user=approver).url.split("testserver", 1)[1]

    call_command("otp_reset", "approver")
    assert "two_factor_enrolment_link approver" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticDevice.objects.filter(user=approver).exists()  # recovery codes too
    assert not EnrolmentLink.objects.filter(user=approver).exists()
    assert LoginEvent.objects.filter(
        kind=LoginEventKind.SECOND_FACTOR_RESET, username="approver"
    ).exists()

    # The next sign-in is sent to the set-up, which stays closed without a new link.
    client.force_login(approver)
    assert "/admin/2fa/setup/" in client.get("/admin/alerts/")["Location"]
    assert client.get("/admin/2fa/setup/").status_code == 403
    assert client.get(old_link).status_code == 410
    new_link = enrolment.enrolment_link_issue(user=approver).url.split("testserver", 1)[1]
    client.post(new_link)
    assert client.get("/admin/2fa/setup/").status_code == 200


def test_an_unknown_user_is_reported():
    with pytest.raises(CommandError):
        call_command("otp_reset", "nobody")
