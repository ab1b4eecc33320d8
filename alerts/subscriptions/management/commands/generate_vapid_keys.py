import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.core.management.base import BaseCommand


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def generate() -> tuple[str, str]:
    """A new P-256 key pair for VAPID: (public key as the uncompressed point, private key as
    the raw 32-byte scalar), both base64url without padding, as browsers and pywebpush
    expect them."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    public = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    scalar = private_key.private_numbers().private_value.to_bytes(32, "big")
    return _b64url(public), _b64url(scalar)


class Command(BaseCommand):
    help = "Print a new VAPID key pair for web push, as environment lines."

    def add_arguments(self, parser):
        parser.add_argument("--subject", default=settings.VAPID_SUBJECT)

    def handle(self, *args, **options):
        public, private = generate()
        self.stdout.write(f"VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"VAPID_PRIVATE_KEY={private}")
        self.stdout.write(f"VAPID_SUBJECT={options['subject']}")
