"""The SMTP peers: plain, and one that insists on STARTTLS with its own certificate."""

import smtplib
import ssl

import pytest

from tests.peers.smtp import smtp_certificate, smtp_tls_peer  # noqa: F401


def test_tls_peer_refuses_mail_before_starttls(smtp_tls_peer):  # noqa: F811
    with smtplib.SMTP(smtp_tls_peer.host, smtp_tls_peer.port) as client:
        client.ehlo()
        assert client.has_extn("starttls")
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.sendmail("a@example.invalid", ["b@example.invalid"], b"Subject: hi\r\n\r\nx")
    assert refused.value.smtp_code == 530
    assert smtp_tls_peer.messages == []


def test_tls_peer_takes_mail_from_a_client_that_trusts_its_certificate(
    smtp_tls_peer,  # noqa: F811
    smtp_certificate,  # noqa: F811
):
    context = ssl.create_default_context(cafile=str(smtp_certificate[2]))
    with smtplib.SMTP(smtp_tls_peer.host, smtp_tls_peer.port) as client:
        client.starttls(context=context)
        client.sendmail("a@example.invalid", ["b@example.invalid"], b"Subject: hi\r\n\r\nx")
    assert smtp_tls_peer.to("b@example.invalid")[0]["Subject"] == "hi"
    assert smtp_tls_peer.messages[0].tls is True
    assert smtp_tls_peer.sessions == 1
