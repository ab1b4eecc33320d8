"""A key and a self-signed certificate for signing published CAP, for a test deployment.

A production deployment signs with a key whose certificate its partners already trust
(issued by the region's PKI); this command gives a test or demo deployment a pair of its
own and prints the two settings that point at it.
"""

import datetime
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a private key (ECDSA P-256, or RSA 3072 with --rsa) and a self-signed "
        "certificate for signing published CAP documents; prints the settings to use."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write cap-signing.key and .crt")
        parser.add_argument("--rsa", action="store_true", help="RSA 3072 instead of P-256")
        parser.add_argument("--days", type=int, default=365, help="Certificate validity")
        parser.add_argument(
            "--name", default="LUX response CAP signing (test)", help="Certificate subject CN"
        )
        parser.add_argument("--force", action="store_true", help="Replace an existing pair")

    def handle(self, *args, directory, rsa, days, name, force, **options):
        folder = Path(directory)
        key_path, cert_path = folder / "cap-signing.key", folder / "cap-signing.crt"
        if not force and (key_path.exists() or cert_path.exists()):
            raise CommandError(f"{key_path} or {cert_path} exists: use --force to replace.")
        if days < 1:
            raise CommandError("--days must be at least 1.")
        folder.mkdir(parents=True, exist_ok=True)
        key = _rsa_key() if rsa else ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.UTC)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(key, hashes.SHA256())
        )
        key_bytes = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key_bytes)
        cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        self.stdout.write(f"CAP_SIGNING_KEY_FILE={key_path.resolve()}")
        self.stdout.write(f"CAP_SIGNING_CERT_FILE={cert_path.resolve()}")


def _rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)
