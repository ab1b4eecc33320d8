from alerts.channels.base import Message, Outcome
from alerts.channels.email import EmailChannel
from tests.peers.smtp import smtp_certificate, smtp_tls_peer, smtp_tls_settings  # noqa: F401


def _message(address="a@example.invalid", reference="ledger-1"):
    return Message(
        channel="email",
        address=address,
        subject="Alerte",
        text="Texte",
        html="<p>Texte</p>",
        headers={
            "List-Unsubscribe": "<https://example.invalid/u/1/>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        reference=reference,
    )


def test_sends_html_and_text_with_headers_and_a_stable_message_id(smtp_settings):
    result = EmailChannel().send(_message())
    assert result.outcome is Outcome.SENT
    received = smtp_settings.to("a@example.invalid")[0]
    assert received["List-Unsubscribe"] == "<https://example.invalid/u/1/>"
    assert received["Message-ID"] == "<ledger-1@lux-response.brussels>"
    assert result.provider_id == "<ledger-1@lux-response.brussels>"
    types = {part.get_content_type() for part in received.walk()}
    assert {"text/plain", "text/html"} <= types


def test_send_many_uses_one_connection(smtp_settings):
    messages = [_message(f"p{i}@example.invalid", f"ref-{i}") for i in range(5)]
    results = EmailChannel().send_many(messages)
    assert all(r.outcome is Outcome.SENT for r in results)
    assert len(smtp_settings.messages) == 5
    assert smtp_settings.sessions == 1


def test_refused_recipient_fails_only_that_message(smtp_settings):
    smtp_settings.refuse.add("gone@example.invalid")
    results = EmailChannel().send_many(
        [_message("gone@example.invalid", "r1"), _message("ok@example.invalid", "r2")]
    )
    assert [r.outcome for r in results] == [Outcome.FAILED, Outcome.SENT]


def test_unreachable_server_is_a_retry(settings, smtp_settings):
    settings.EMAIL_PORT = 9
    assert EmailChannel().send(_message()).outcome is Outcome.RETRY
    assert all(r.outcome is Outcome.RETRY for r in EmailChannel().send_many([_message()]))


def test_4xx_answer_is_a_retry(smtp_settings):
    original = smtp_settings.handle_RCPT

    async def busy(server, session, envelope, address, rcpt_options):
        return "451 4.3.0 try later"

    smtp_settings.handle_RCPT = busy
    try:
        assert EmailChannel().send(_message()).outcome is Outcome.RETRY
    finally:
        smtp_settings.handle_RCPT = original


def test_starttls_batch_arrives_encrypted_on_one_connection_with_both_parts_and_headers(
    smtp_tls_settings,  # noqa: F811
):
    messages = [_message(f"p{i}@example.invalid", f"ref-{i}") for i in range(3)]
    results = EmailChannel().send_many(messages)
    assert all(r.outcome is Outcome.SENT for r in results)
    assert len(smtp_tls_settings.messages) == 3
    assert all(received.tls for received in smtp_tls_settings.messages)
    assert smtp_tls_settings.sessions == 1
    received = smtp_tls_settings.to("p2@example.invalid")[0]
    assert received["List-Unsubscribe"] == "<https://example.invalid/u/1/>"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received["Message-ID"] == "<ref-2@lux-response.brussels>"
    assert received.get_body(("plain",)).get_content().strip() == "Texte"
    assert received.get_body(("html",)).get_content().strip() == "<p>Texte</p>"


def test_starttls_to_a_server_whose_certificate_is_not_trusted_sends_nothing(
    smtp_tls_settings,  # noqa: F811
    monkeypatch,
):
    monkeypatch.delenv("SSL_CERT_FILE")  # the system's CAs only: the peer's cert is unknown
    results = EmailChannel().send_many([_message()])
    assert results[0].outcome is Outcome.RETRY and "CERTIFICATE_VERIFY_FAILED" in results[0].reason
    assert smtp_tls_settings.messages == []


def test_a_connection_lost_mid_batch_is_reopened_for_the_rest(smtp_settings):
    original = smtp_settings.handle_DATA

    async def accept_then_hang_up(server, session, envelope):
        answer = await original(server, session, envelope)
        if len(smtp_settings.messages) == 2:
            server.loop.call_soon(server.transport.close)
        return answer

    smtp_settings.handle_DATA = accept_then_hang_up
    messages = [_message(f"p{i}@example.invalid", f"ref-{i}") for i in range(5)]
    results = EmailChannel().send_many(messages)
    assert [r.outcome for r in results] == [Outcome.SENT] * 2 + [Outcome.RETRY] + [Outcome.SENT] * 2
    assert results[2].ambiguous is True
    assert len(smtp_settings.messages) == 4 and smtp_settings.sessions == 2


def test_send_many_reports_each_answer_before_the_next_message_goes_out(smtp_settings):
    """The delivery service records each answer as it is reported: a crash then leaves at
    most the message the server was answering in doubt, never the rest of the batch."""
    smtp_settings.refuse.add("p1@example.invalid")
    reported = []

    def on_result(index, result):
        # what the server holds at the moment this answer is reported
        reported.append((index, result.outcome, len(smtp_settings.messages)))

    messages = [_message(f"p{i}@example.invalid", f"ref-{i}") for i in range(4)]
    results = EmailChannel().send_many(messages, on_result=on_result)
    assert reported == [
        (0, Outcome.SENT, 1),
        (1, Outcome.FAILED, 1),
        (2, Outcome.SENT, 2),
        (3, Outcome.SENT, 3),
    ]
    assert [outcome for _index, outcome, _held in reported] == [r.outcome for r in results]


def test_messages_never_sent_for_an_unreachable_server_are_returned_not_reported(
    settings, smtp_settings
):
    settings.EMAIL_PORT = 9
    reported = []
    results = EmailChannel().send_many(
        [_message("a@example.invalid", "r1"), _message("b@example.invalid", "r2")],
        on_result=lambda index, result: reported.append(index),
    )
    assert [r.outcome for r in results] == [Outcome.RETRY, Outcome.RETRY]
    assert not any(r.ambiguous for r in results)  # nothing left: nothing in doubt
    assert reported == []
