from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from portal import enrolment, login_audit
from portal.models import LoginEventKind


class Command(BaseCommand):
    help = (
        "Remove the authenticator(s), passkeys and recovery codes of a user who lost theirs, "
        "and revoke their enrolment links; they set up a new authenticator with a new "
        "enrolment link (two_factor_enrolment_link, or the admin). Confirm the person's "
        "identity out of band first."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username}.")
        removed, _detail = TOTPDevice.objects.filter(user=user).delete()
        passkeys = WebAuthnCredential.objects.filter(user=user)
        passkeys_removed = passkeys.count()
        passkeys.delete()
        StaticDevice.objects.filter(user=user).delete()
        links_revoked = enrolment.enrolment_links_revoke(user=user)
        login_audit.record(
            None,
            LoginEventKind.SECOND_FACTOR_RESET,
            username=user,
            detail=(
                f"{removed} authenticator(s), {passkeys_removed} passkey(s), recovery codes, "
                f"{links_revoked} enrolment link(s)"
            ),
        )
        self.stdout.write(
            f"{removed} authenticator(s) and {passkeys_removed} passkey(s) removed for "
            f"{username}, their recovery codes and enrolment links revoked. They need a new "
            f"enrolment link to set up a second factor: manage.py two_factor_enrolment_link "
            f"{username}, or the admin (Users, More, Second factor)."
        )
