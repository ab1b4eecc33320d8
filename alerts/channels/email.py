"""Email through Django's mail framework: HTML + text, headers passed through (List-Unsubscribe),
a stable Message-ID from the message reference, one connection per batch (STARTTLS once per
batch when EMAIL_USE_TLS); a connection lost mid-batch is reopened for the next message.

SMTP carries one message at a time and gives no way to ask later whether one went out, so
`send_many` reports each answer as soon as the server gave it (`on_result`), before the next
message is sent: the delivery service records it at once, and a worker killed mid-batch
leaves only the message the server was answering in doubt. That one is sent again after
the lease runs out, with the same Message-ID."""

import smtplib
from collections.abc import Callable
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from .base import Channel, Message, SendResult


def _message_id(reference: str) -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{reference}@{domain}>"


class EmailChannel(Channel):
    name = "email"
    reports_each_answer = True

    def __init__(self, connection=None):
        self._connection = connection

    def _build(self, message: Message, connection) -> EmailMultiAlternatives:
        headers = dict(message.headers)
        if message.reference:
            headers.setdefault("Message-ID", _message_id(message.reference))
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.address],
            headers=headers,
            connection=connection,
        )
        if message.html:
            email.attach_alternative(message.html, "text/html")
        return email

    def _send_with(self, message: Message, connection) -> tuple[SendResult, bool]:
        """The result, and whether the connection is lost (closed here, to be reopened)."""
        try:
            self._build(message, connection).send()
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _text in error.recipients.values()]
            if any(400 <= code < 500 for code in codes):
                return SendResult.retry(f"recipient refused for now: {codes}"), False
            return SendResult.failed(f"recipient refused: {codes}"), False
        except smtplib.SMTPResponseException as error:
            if 400 <= error.smtp_code < 500:
                return SendResult.retry(f"SMTP {error.smtp_code}"), False
            return SendResult.failed(f"SMTP {error.smtp_code}: {error.smtp_error!r}"), False
        except (smtplib.SMTPServerDisconnected, TimeoutError) as error:
            connection.close()
            return SendResult.retry(f"SMTP connection lost: {error}", ambiguous=True), True
        except (smtplib.SMTPException, OSError) as error:
            connection.close()
            return SendResult.retry(f"SMTP unavailable: {error}"), True
        return SendResult.sent(
            provider_id=_message_id(message.reference) if message.reference else ""
        ), False

    def send(self, message: Message) -> SendResult:
        connection = self._connection or get_connection()
        return self._send_with(message, connection)[0]

    def send_many(
        self,
        messages: list[Message],
        on_result: Callable[[int, SendResult], None] | None = None,
    ) -> list[SendResult]:
        connection = self._connection or get_connection()
        results: list[SendResult] = []
        lost = True  # no connection yet
        try:
            for index, message in enumerate(messages):
                if lost:
                    # once per batch, and again only after the server dropped it (Django's
                    # backend would otherwise open and close one for each message)
                    try:
                        connection.open()
                    except (smtplib.SMTPException, OSError) as error:
                        # none of the rest left: nothing in doubt, returned, not reported
                        unsent = len(messages) - index
                        return results + [SendResult.retry(f"SMTP unavailable: {error}")] * unsent
                result, lost = self._send_with(message, connection)
                results.append(result)
                if on_result is not None:
                    on_result(index, result)
            return results
        finally:
            if self._connection is None:
                connection.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
