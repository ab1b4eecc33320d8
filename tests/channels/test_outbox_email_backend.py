"""Without an SMTP server every email, whatever sends it (Django's send_mail too: training
confirmations, password resets), lands in the local outbox as the same marked JSON."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives, send_mail

from alerts.channels.base import Message
from alerts.channels.outbox import NOT_SENT, OutboxChannel
from alerts.channels.registry import OUTBOX_BACKEND, email_configured, get_channel


def test_send_mail_writes_the_marked_json_of_the_outbox(settings):
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    sent = send_mail(
        "Inscription confirmée",
        "Votre place est réservée.",
        "LUX response <alerte@example.invalid>",
        ["citoyen@example.invalid"],
        html_message="<p>Votre place est réservée.</p>",
    )
    assert sent == 1
    [record] = OutboxChannel("email").read_all()
    assert record["status"] == NOT_SENT
    assert record["address"] == "citoyen@example.invalid"
    assert record["subject"] == "Inscription confirmée"
    assert record["text"] == "Votre place est réservée."
    assert record["html"] == "<p>Votre place est réservée.</p>"
    assert record["headers"]["From"] == "LUX response <alerte@example.invalid>"

    # The same fields as an email written by the outbox channel itself.
    OutboxChannel("email").send(Message(channel="email", address="a@example.invalid", text="x"))
    records = OutboxChannel("email").read_all()
    assert set(records[0]) == set(records[1])


def test_one_file_per_recipient_with_headers_kept(settings):
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    email = EmailMultiAlternatives(
        "Sujet",
        "Texte",
        "alerte@example.invalid",
        ["a@example.invalid", "b@example.invalid"],
        reply_to=["organisateur@example.invalid"],
        headers={"List-Unsubscribe": "<https://example.invalid/u/>"},
    )
    assert email.send() == 1
    records = OutboxChannel("email").read_all()
    assert sorted(r["address"] for r in records) == ["a@example.invalid", "b@example.invalid"]
    assert all(r["headers"]["Reply-To"] == "organisateur@example.invalid" for r in records)
    assert all(r["headers"]["List-Unsubscribe"] == "<https://example.invalid/u/>" for r in records)


def test_with_the_outbox_backend_alert_email_goes_to_the_outbox_channel(settings):
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    assert not email_configured()
    assert isinstance(get_channel("email"), OutboxChannel)


def test_without_email_host_the_outbox_backend_is_the_default():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_HOST", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    backend = subprocess.run(  # noqa: S603 - our own settings, fixed arguments
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert backend == OUTBOX_BACKEND
