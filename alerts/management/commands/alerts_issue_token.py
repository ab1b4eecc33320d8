from pathlib import Path

from cryptography import x509
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from alerts import roles
from alerts.models import ImportToken


class Command(BaseCommand):
    help = (
        "Issue a token for the CAP import endpoint (POST /api/alerts/import). The token is "
        "printed once; only its hash is stored. Imported alerts are authored by --user."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Who uses the token, e.g. the partner system")
        parser.add_argument("--user", required=True, help="Account the imports act as")
        parser.add_argument(
            "--signing-certificate",
            metavar="PEM_FILE",
            help="The partner signs its CAP documents with this certificate's key: every "
            "document posted with the token must carry a valid signature by it",
        )
        parser.add_argument(
            "--sender",
            action="append",
            default=[],
            dest="senders",
            help="A CAP <sender> this partner sends as (repeat for several); documents "
            "with another sender are refused",
        )

    def handle(self, *args, name, user, signing_certificate=None, senders=(), **options):
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"No user {user!r}.")
        if not roles.is_author(account):
            raise CommandError(f"{user!r} must be in the group “{roles.AUTHORS_GROUP}”.")
        certificate = ""
        if signing_certificate:
            try:
                certificate = Path(signing_certificate).read_text()
                x509.load_pem_x509_certificate(certificate.encode())
            except (OSError, ValueError) as error:
                raise CommandError(
                    f"{signing_certificate}: not a readable PEM certificate ({error})."
                ) from None
        _token, raw = ImportToken.issue(
            name=name, user=account, signing_certificate=certificate, senders=senders
        )
        self.stdout.write(raw)
