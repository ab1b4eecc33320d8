import logging

import pytest
from django.core import mail

from alerts.channels.outbox import NOT_SENT, OutboxChannel
from alerts.subscriptions import notifications
from alerts.subscriptions.factories import (
    ContactPointFactory,
    SmsContactPointFactory,
    SubscriberFactory,
)
from tests.paths import path_before_token

pytestmark = pytest.mark.django_db


def test_confirmation_email_in_dutch_with_text_and_html():
    contact_point = ContactPointFactory(
        subscriber=SubscriberFactory(language="nl"), confirmed_at=None
    )
    notifications.send_email_confirmation(contact_point)
    [message] = mail.outbox
    assert message.to == [contact_point.address]
    assert "Bevestig" in message.subject
    confirm = path_before_token("nl", "subscriptions:confirm_email")
    assert confirm in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and confirm in html
    assert message.extra_headers["Message-ID"].startswith(f"<subs-confirm-{contact_point.pk}-")


def test_manage_link_email_carries_one_click_unsubscribe():
    contact_point = ContactPointFactory()
    notifications.send_manage_link(contact_point)
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = path_before_token(contact_point.subscriber.language, "subscriptions:unsubscribe")
    assert unsubscribe in message.extra_headers["List-Unsubscribe"]


def test_without_twilio_codes_go_to_the_outbox_marked_not_sent(settings):
    settings.TWILIO_ACCOUNT_SID = ""
    contact_point = SmsContactPointFactory(subscriber=SubscriberFactory(language="fr"))
    notifications.send_code(contact_point, "123456", "confirm")
    [record] = OutboxChannel("sms").read_all()
    assert record["status"] == NOT_SENT
    assert "123456" in record["text"] and "code de confirmation" in record["text"]


def test_code_by_sms_through_twilio(twilio_settings):
    contact_point = SmsContactPointFactory(subscriber=SubscriberFactory(language="en"))
    result = notifications.send_code(contact_point, "654321", "manage")
    assert result.provider_id.startswith("SM")
    [body] = twilio_settings.to(contact_point.address)
    assert "654321" in body and "manage" in body


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_a_failed_send_is_logged_for_operations(twilio_settings):
    twilio_settings.fail_next(400, 21211)
    contact_point = SmsContactPointFactory()
    handler = _Collect()
    logger = logging.getLogger("alerts.subscriptions.notifications")
    logger.addHandler(handler)
    try:
        result = notifications.send_code(contact_point, "111111", "confirm")
    finally:
        logger.removeHandler(handler)
    assert result.outcome == "failed"
    text = "\n".join(handler.lines)
    assert f"contact point {contact_point.pk} not sent: failed" in text
    assert "111111" not in text
