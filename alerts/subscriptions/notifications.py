"""The messages subscriptions send themselves: confirmation link, codes, management link.

Rendered in the subscriber's language and handed to the configured channel sender.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.channels.base import Message, Outcome, SendResult
from alerts.channels.registry import get_channel

from . import links
from .models import ContactPoint

logger = logging.getLogger(__name__)


def _send(channel: str, message: Message, contact_point: ContactPoint) -> SendResult:
    result = get_channel(channel).send(message)
    if result.outcome is not Outcome.SENT:
        # The citizen was told to look for the message: make the failure visible to ops.
        logger.warning(
            "subscription %s to contact point %s not sent: %s %s",
            channel,
            contact_point.pk,
            result.outcome,
            result.reason,
        )
    return result


def _render_email(template: str, contact_point: ContactPoint, context: dict) -> Message:
    language = contact_point.subscriber.language
    with translation.override(language):
        context = {"site_name": settings.SITE_NAME, "language": language, **context}
        subject = render_to_string(f"subscriptions/email/{template}_subject.txt", context)
        text = render_to_string(f"subscriptions/email/{template}.txt", context)
        html = render_to_string(f"subscriptions/email/{template}.html", context)
    return Message(
        channel="email",
        address=contact_point.address,
        subject=" ".join(subject.split()),
        text=text,
        html=html,
    )


def send_email_confirmation(contact_point: ContactPoint) -> SendResult:
    message = _render_email(
        "confirm",
        contact_point,
        {
            "confirm_url": links.confirm_url(contact_point),
            "max_age_hours": settings.SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE // 3600,
        },
    )
    message.reference = (
        f"subs-confirm-{contact_point.pk}-{int(contact_point.created_at.timestamp())}"
    )
    return _send("email", message, contact_point)


def send_manage_link(contact_point: ContactPoint) -> SendResult:
    message = _render_email(
        "manage",
        contact_point,
        {
            "manage_url": links.manage_url(contact_point.subscriber),
            "unsubscribe_url": links.unsubscribe_url(contact_point),
            "max_age_hours": settings.SUBSCRIPTIONS_MANAGE_LINK_MAX_AGE // 3600,
        },
    )
    message.headers.update(links.unsubscribe_headers(contact_point))
    return _send("email", message, contact_point)


def send_code(contact_point: ContactPoint, code: str, purpose: str) -> SendResult:
    minutes = settings.SUBSCRIPTIONS_CODE_TTL // 60
    with translation.override(contact_point.subscriber.language):
        if purpose == "manage":
            text = _(
                "LUX response: your code to manage your alert subscription is %(code)s. "
                "It expires in %(minutes)s minutes. Never share it."
            ) % {"code": code, "minutes": minutes}
        else:
            text = _(
                "LUX response: your confirmation code is %(code)s. It expires in "
                "%(minutes)s minutes. If you did not ask for alerts, ignore this message."
            ) % {"code": code, "minutes": minutes}
    message = Message(channel="sms", address=contact_point.address, text=text)
    return _send("sms", message, contact_point)
