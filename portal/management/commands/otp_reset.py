from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from portal import login_audit
from portal.models import LoginEventKind


class Command(BaseCommand):
    help = (
        "Remove the authenticator(s) and passkeys of a user who lost theirs; their next "
        "sign-in sets up a new authenticator. Confirm the person's identity out of band first."
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
        login_audit.record(None, LoginEventKind.SECOND_FACTOR_RESET, username=user)
        self.stdout.write(
            f"{removed} authenticator(s) and {passkeys_removed} passkey(s) removed for {username}."
        )
