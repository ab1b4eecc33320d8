"""A real SMTP server on a free loopback port (aiosmtpd) that keeps every message.

Plain (`smtp_peer`), or requiring STARTTLS with a self-signed certificate for 127.0.0.1
made at fixture time (`smtp_tls_peer`); `smtp_tls_settings` points Django's SMTP backend at
it and makes the client trust that certificate the way an operator would: SSL_CERT_FILE
names a bundle of the system's CAs plus ours, which `ssl.create_default_context()` (what
Django's backend uses) loads.

In a process of its own, for benchmarks: `python -m tests.peers.smtp --port 0 [--tls DIR]`
prints its port, answers `stats` on stdin with "messages tls_messages connections" and
stops on `quit`.
"""

import argparse
import datetime
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate (and its key) for 127.0.0.1 and localhost."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "LUX response test SMTP peer")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(HOST)), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp-peer.pem", directory / "smtp-peer.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def trust_bundle(cert_path: Path, directory: Path) -> Path:
    """The system's CA bundle plus our certificate, for SSL_CERT_FILE."""
    system = ssl.get_default_verify_paths().cafile
    bundle = directory / "ca-bundle.pem"
    bundle.write_bytes((Path(system).read_bytes() if system else b"") + cert_path.read_bytes())
    return bundle


def server_context(cert_path: Path, key_path: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    tls: bool = False  # arrived over a connection secured by STARTTLS

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


@dataclass
class SMTPPeer:
    host: str
    port: int
    messages: list[Received] = field(default_factory=list)
    sessions: int = 0  # connections (the first EHLO of each)
    refuse: set[str] = field(default_factory=set)  # recipients answered with 550
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if not session.ssl:  # after STARTTLS the client greets again on the same connection
            with self.lock:
                self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        received = Received(
            envelope.mail_from,
            list(envelope.rcpt_tos),
            bytes(envelope.content),
            tls=bool(session.ssl),
        )
        with self.lock:
            self.messages.append(received)
        return "250 Message accepted"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m.message for m in self.messages if address in m.rcpt_tos]


def start(peer: SMTPPeer, tls_context: ssl.SSLContext | None = None) -> Controller:
    options = {"tls_context": tls_context, "require_starttls": True} if tls_context else {}
    controller = Controller(peer, hostname=peer.host, port=peer.port, **options)
    controller.start()
    return controller


@pytest.fixture
def smtp_peer():
    peer = SMTPPeer(HOST, free_port())
    controller = start(peer)
    try:
        yield peer
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_peer):
    """Django's real SMTP backend pointed at the peer."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_peer.host
    settings.EMAIL_PORT = smtp_peer.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    return smtp_peer


@pytest.fixture
def smtp_certificate(tmp_path):
    """(certificate, key, trust bundle) for a peer on 127.0.0.1."""
    cert_path, key_path = make_certificate(tmp_path)
    return cert_path, key_path, trust_bundle(cert_path, tmp_path)


@pytest.fixture
def smtp_tls_peer(smtp_certificate):
    """An SMTP peer that refuses mail until the client has said STARTTLS."""
    cert_path, key_path, _bundle = smtp_certificate
    peer = SMTPPeer(HOST, free_port())
    controller = start(peer, server_context(cert_path, key_path))
    try:
        yield peer
    finally:
        controller.stop()


@pytest.fixture
def smtp_tls_settings(settings, monkeypatch, smtp_certificate, smtp_tls_peer):
    """Django's real SMTP backend with STARTTLS, trusting the peer's certificate."""
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_certificate[2]))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_tls_peer.host
    settings.EMAIL_PORT = smtp_tls_peer.port
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    return smtp_tls_peer


def main():  # a peer in its own process, for benchmarks
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", type=Path, help="directory holding smtp-peer.pem/.key")
    args = parser.parse_args()
    peer = SMTPPeer(HOST, args.port or free_port())
    context = None
    if args.tls:
        context = server_context(args.tls / "smtp-peer.pem", args.tls / "smtp-peer.key")
    controller = start(peer, context)
    print(peer.port, flush=True)
    try:
        for line in iter(input, "quit"):
            if line == "stats":
                with peer.lock:
                    messages = list(peer.messages)
                tls = sum(m.tls for m in messages)
                print(len(messages), tls, peer.sessions, flush=True)
    except EOFError:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
