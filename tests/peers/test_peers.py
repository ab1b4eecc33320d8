"""The peers themselves: they must speak the protocol the real libraries expect."""

import smtplib

from twilio.rest import Client

from tests.peers.smtp import smtp_peer  # noqa: F401
from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN, twilio_peer  # noqa: F401


def test_smtp_peer_keeps_real_messages(smtp_peer):  # noqa: F811
    with smtplib.SMTP(smtp_peer.host, smtp_peer.port) as client:
        client.sendmail("a@example.invalid", ["b@example.invalid"], b"Subject: hi\r\n\r\nbody")
    assert smtp_peer.to("b@example.invalid")[0]["Subject"] == "hi"


def test_twilio_peer_answers_the_real_sdk(twilio_peer):  # noqa: F811
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.api.base_url = twilio_peer.base_url
    message = client.messages.create(to="+32470990001", from_="LUX", body="hello")
    assert message.sid.startswith("SM") and message.status == "queued"
    assert twilio_peer.to("+32470990001") == ["hello"]


def test_twilio_peer_refuses_a_wrong_token(twilio_peer):  # noqa: F811
    client = Client(ACCOUNT_SID, "wrong")
    client.api.base_url = twilio_peer.base_url
    try:
        client.messages.create(to="+32470990001", from_="LUX", body="hello")
    except Exception as error:  # noqa: BLE001
        assert getattr(error, "status", None) == 401
    else:
        raise AssertionError("the peer accepted a wrong token")
    assert twilio_peer.messages == []
