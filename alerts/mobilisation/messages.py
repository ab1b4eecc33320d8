"""The texts of a mobilisation request, per contact and channel, in the contact's language.

Every text carries the contact's own answer link (signed: no login); the SMS also names
the reply keywords. An exercise starts every text with the same trilingual marker as
exercise alerts, so nobody takes it for a real mobilisation.
"""

import json

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.channels.base import Message
from alerts.delivery.models import Delivery
from alerts.models.alerts import EXERCISE_MARKER
from portal.localization import format_datetime

from . import links
from .models import MobilisationRequest, MobilisationTarget

TTL_SECONDS = 6 * 3600


def _context(target: MobilisationTarget, contact_id: int, language: str) -> dict:
    request: MobilisationRequest = target.request
    quantity = ""
    if request.resource_type is not None:
        unit = request.resource_type.unit_in(language) or request.resource_type.name_in(language)
        quantity = f"{request.quantity_needed or ''} {unit}".strip()
    return {
        "marker": EXERCISE_MARKER if request.is_exercise else "",
        "request": request,
        "need": request.need_in(language),
        "quantity": quantity,
        "place": request.place,
        "needed_from": format_datetime(request.needed_from, "short", language),
        "answer_url": links.answer_url(target.pk, contact_id, language),
        "centre_phone": request.centre_phone,
    }


def sms_text(context: dict) -> str:
    """GSM-7 only in the fixed words (no "n°", no typographic dash): a partner's SMS should
    not cost twice for our wording."""
    marker = f"{context['marker']}: " if context["marker"] else ""
    need = context["need"].rstrip()
    if need and need[-1] not in ".!?":
        need += "."
    return marker + _(
        "LUX response MOBILISATION #%(id)s: %(need)s Where: %(place)s. From %(from)s. "
        "Reply DISPO <number>, NON or APPEL, or answer here: %(url)s"
    ) % {
        "id": context["request"].pk,
        "need": need,
        "place": context["place"],
        "from": context["needed_from"],
        "url": context["answer_url"],
    }


def subject(context: dict) -> str:
    marker = f"{context['marker']} – " if context["marker"] else ""
    return marker + _("Mobilisation request #%(id)s: can you help?") % {"id": context["request"].pk}


def build_message(delivery: Delivery) -> Message:
    target = MobilisationTarget.objects.select_related("request", "request__resource_type").get(
        pk=delivery.mobilisation_id
    )
    contact_point = delivery.contact_point
    contact = contact_point.subscriber.network_contact
    language = delivery.language
    reference = f"lux-m{target.pk}-{delivery.pk}"
    with translation.override(language):
        context = _context(target, contact.pk, language)
        if delivery.channel == "sms":
            return Message(
                channel="sms",
                address=contact_point.address,
                text=sms_text(context),
                reference=reference,
                ttl=TTL_SECONDS,
            )
        if delivery.channel == "push":
            payload = {
                "title": subject(context),
                "body": context["need"][:240],
                "url": context["answer_url"],
                "tag": f"lux-mobilisation-{target.request_id}",
                "id": reference,
                "severity": "Severe",
            }
            return Message(
                channel="push",
                address=json.dumps(contact_point.subscription_info()),
                text=payload["body"],
                payload=payload,
                ttl=TTL_SECONDS,
                urgency="high",
                topic=f"lux-mobilisation-{target.request_id}"[:32],
                reference=reference,
            )
        return Message(
            channel="email",
            address=contact_point.address,
            subject=subject(context),
            text=render_to_string("mobilisation/messages/request_email.txt", context),
            html=render_to_string("mobilisation/messages/request_email.html", context),
            reference=reference,
        )
