"""A partner contact answers a mobilisation request by SMS ("DISPO 40", "NEE", "BEL").

Registered with the incoming-SMS webhook (alerts/subscriptions/inbound.py), which has
already checked Twilio's signature and handles each MessageSid once. The number must be a
confirmed address of a partner contact that was asked by an open request; the answer goes
to the latest such request. The reply is in the contact's language."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.delivery.models import Delivery
from alerts.subscriptions.inbound import Reply
from alerts.subscriptions.models import ChannelName, ContactPoint

from . import keywords, services
from .models import Answer, PartnerContact, RequestState


def _contact_for(number: str) -> PartnerContact | None:
    point = (
        ContactPoint.objects.filter(
            channel=ChannelName.SMS,
            address=number,
            active=True,
            confirmed_at__isnull=False,
            subscriber__network_contact__isnull=False,
        )
        .select_related("subscriber__network_contact")
        .order_by("-pk")
        .first()
    )
    return point.subscriber.network_contact if point else None


def handle(*, from_number: str, body: str) -> Reply | None:
    parsed = keywords.parse(body)
    if parsed is None:
        return None
    contact = _contact_for(from_number)
    if contact is None:
        return None  # not a partner contact: the subscriptions keywords decide
    answer, quantity = parsed
    asked = (
        Delivery.objects.filter(
            mobilisation__request__state=RequestState.OPEN,
            mobilisation__partner_id=contact.partner_id,
            contact_point__subscriber_id=contact.subscriber_id,
        )
        .select_related("mobilisation")
        .order_by("-created_at", "-pk")
        .first()
    )
    with translation.override(contact.language):
        if asked is None:
            return Reply(_("LUX response: no open mobilisation request awaits your answer."))
        try:
            target = services.mobilisation_answer(
                target=asked.mobilisation,
                contact=contact,
                answer=answer,
                quantity=quantity,
                via="sms keyword",
            )
        except (ValidationError, PermissionDenied):
            return Reply(_("LUX response: this request is closed; your answer was not recorded."))
        label = str(Answer(target.answer).label)
        if target.quantity is not None:
            label = f"{label} ({target.quantity})"
        return Reply(
            _("LUX response: thank you, answer recorded for request #%(id)s: %(answer)s.")
            % {"id": target.request_id, "answer": label}
        )
