"""The messages subscriptions send themselves: confirmation link, codes, management link,
and the "you are subscribed" message once an address is confirmed.

Rendered in the subscriber's language and handed to the configured channel sender.
"""

import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.channels.base import Message, Outcome, SendResult
from alerts.channels.registry import get_channel

from . import links, ratelimit
from .models import Audience, ChannelName, ContactPoint, Language, Subscriber

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
    """The double opt-in link; a partner network contact's says whom it is a contact of
    and what it will receive (mobilisation requests), not public alerts."""
    subscriber = contact_point.subscriber
    partner = subscriber.audience == Audience.PARTNER
    message = _render_email(
        "confirm_partner" if partner else "confirm",
        contact_point,
        {
            "confirm_url": links.confirm_url(contact_point),
            "max_age_hours": settings.SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE // 3600,
            "organisation": subscriber.organisation,
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


# ---------------------------------------------------------------- you are subscribed

#: An SMS names at most this many communes; more are counted ("and 5 more").
SMS_COMMUNES_NAMED = 3
#: How long a sent welcome is remembered, so that the same confirmation never sends two.
WELCOME_MEMORY_SECONDS = 7 * 24 * 3600


def _place_descriptions(subscriber: Subscriber) -> list[str]:
    """Each place the subscriber watches, in words of the active language."""
    descriptions = []
    for place in subscriber.places.prefetch_related("communes"):
        if place.whole_region:
            where = _("the whole Brussels-Capital Region")
        else:
            where = ", ".join(commune.name for commune in place.communes.all())
            if place.latitude is not None:
                shared = _("a place you shared (to about 100 m)")
                where = f"{where}, {shared}" if where else shared
        if where:
            descriptions.append(f"{place.label}: {where}" if place.label else where)
    return descriptions


def _commune_names(subscriber: Subscriber) -> list[str]:
    names = []
    for place in subscriber.places.prefetch_related("communes"):
        if place.whole_region:
            return [str(_("the whole Brussels-Capital Region"))]
        names += [commune.name for commune in place.communes.all()]
        if place.latitude is not None:
            names.append(str(_("a place you shared")))
    return list(dict.fromkeys(names))


def _channel_descriptions(subscriber: Subscriber) -> list[dict]:
    return [
        {
            "channel": contact_point.get_channel_display(),
            "address": contact_point.display_address,
            "confirmed": contact_point.is_confirmed,
        }
        for contact_point in subscriber.contact_points.filter(active=True).order_by("pk")
    ]


def welcome_summary(subscriber: Subscriber) -> dict:
    """What the subscriber asked for, in words of the active language: channels, places,
    topics and language of messages."""
    return {
        "channels": _channel_descriptions(subscriber),
        "places": _place_descriptions(subscriber),
        "topics": subscriber.topic_labels,
        "language_name": Language(subscriber.language).label,
    }


def _welcome_reference(contact_point: ContactPoint) -> str:
    return f"subs-welcome-{contact_point.pk}-{int(contact_point.confirmed_at.timestamp())}"


def _welcome_allowed(contact_point: ContactPoint) -> bool:
    """Welcomes to one address are limited like sign-ups (their own count, so that a
    welcome never uses up the citizen's own requests for a link or a code), and an SMS
    also counts against the daily SMS budget; over a limit, none is sent."""
    buckets = [("welcome", f"{contact_point.channel}:{contact_point.address}")]
    if contact_point.channel == ChannelName.SMS:
        buckets.append(("sms_daily", "all"))
    within = [ratelimit.hit(kind, value) for kind, value in buckets]  # count each one
    return all(within)


def _welcome_email(contact_point: ContactPoint) -> Message:
    subscriber = contact_point.subscriber
    with translation.override(subscriber.language):
        summary = welcome_summary(subscriber)
    message = _render_email(
        "welcome",
        contact_point,
        {
            **summary,
            "manage_url": links.manage_url(subscriber),
            "manage_access_url": links.manage_access_url(subscriber.language),
            "unsubscribe_url": links.unsubscribe_url(contact_point),
            "max_age_hours": settings.SUBSCRIPTIONS_MANAGE_LINK_MAX_AGE // 3600,
        },
    )
    message.headers.update(links.unsubscribe_headers(contact_point))
    return message


def _welcome_sms(contact_point: ContactPoint) -> Message:
    subscriber = contact_point.subscriber
    with translation.override(subscriber.language):
        names = _commune_names(subscriber)
        if len(names) > SMS_COMMUNES_NAMED + 1:  # "and 1 more" would be no shorter
            more = len(names) - SMS_COMMUNES_NAMED
            names = [*names[:SMS_COMMUNES_NAMED], _("%(count)s more") % {"count": more}]
        text = _(
            "LUX response: you are subscribed to alerts for %(places)s, in %(language)s. "
            "To change or stop: %(url)s"
        ) % {
            "places": ", ".join(names) or _("no place yet"),
            "language": Language(subscriber.language).label,
            "url": links.manage_access_url(subscriber.language),
        }
    return Message(channel="sms", address=contact_point.address, text=text)


def _welcome_push(contact_point: ContactPoint) -> Message:
    subscriber = contact_point.subscriber
    with translation.override(subscriber.language):
        title = _("You are subscribed to LUX response alerts")
        places = ", ".join(_commune_names(subscriber)) or _("no place yet")
        body = _("Alerts for %(places)s will appear here.") % {"places": places}
    payload = {
        "title": str(title),
        "body": str(body),
        "url": links.manage_access_url(subscriber.language),
        "tag": "lux-welcome",
        "lang": subscriber.language,
    }
    return Message(
        channel="push",
        address=json.dumps(contact_point.subscription_info()),
        text=payload["body"],
        payload=payload,
        ttl=24 * 3600,
    )


WELCOME_BUILDERS = {
    ChannelName.EMAIL: _welcome_email,
    ChannelName.SMS: _welcome_sms,
    ChannelName.PUSH: _welcome_push,
}


def send_welcome(contact_point: ContactPoint) -> SendResult | None:
    """The "you are subscribed" message on the channel just confirmed, restating channels,
    places, topics and language with the way to change them. Once per confirmation (a
    second call for the same one sends nothing); None when nothing was sent."""
    if not contact_point.active or contact_point.confirmed_at is None:
        return None
    if contact_point.subscriber.audience == Audience.PARTNER:
        return None  # a partner contact is no citizen subscriber: no places, no topics
    reference = _welcome_reference(contact_point)
    if not cache.add(f"subs:welcome:{reference}", 1, timeout=WELCOME_MEMORY_SECONDS):
        return None
    if not _welcome_allowed(contact_point):
        logger.warning("welcome to contact point %s not sent: rate limited", contact_point.pk)
        return None
    message = WELCOME_BUILDERS[contact_point.channel](contact_point)
    message.reference = reference
    return _send(str(contact_point.channel), message, contact_point)
