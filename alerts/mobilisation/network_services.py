"""Writes to the partner network: what a partner (from its self-service link) or the crisis
centre (from the admin) changes, and the quarterly reminders.

Contacts' addresses are contact points of a partner-audience subscriber, added through
the subscriptions services: a new email or phone stays pending until its owner confirms
it (link in the email, code by SMS), exactly like a citizen's.

Audit: each write is one Wagtail log entry on the partner (ModelLogEntry, through
wagtail.log_actions.log; the actions are registered in network_hooks.py), with the staff
user when there is one and "self-service" / "reminder" otherwise. The entries show in the
partner's history in the admin.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from alerts.audiences import Audience
from alerts.channels.base import Message, Outcome
from alerts.channels.registry import get_channel
from alerts.models import Commune
from alerts.subscriptions import services as subscriptions
from alerts.subscriptions.models import ChannelName, ContactPoint, DeactivationReason

from . import links
from .models import Availability, NetworkPartner, PartnerContact

logger = logging.getLogger(__name__)

ACTION_UPDATE = "mobilisation.partner_update"
ACTION_CONFIRM = "mobilisation.partner_confirm"
ACTION_CONTACT_ADD = "mobilisation.contact_add"
ACTION_CONTACT_REMOVE = "mobilisation.contact_remove"
ACTION_CONTACT_ORDER = "mobilisation.contact_order"
ACTION_REMIND = "mobilisation.partner_remind"


@dataclass
class PartnerData:
    """What a partner may change about itself."""

    quantities: dict[int, int] = field(default_factory=dict)  # capability id -> quantity
    whole_region: bool = False
    communes: list = field(default_factory=list)  # Commune instances or NIS codes
    availability: str = Availability.ALWAYS
    available_from: time | None = None
    available_until: time | None = None


def _audit(partner: NetworkPartner, action: str, user=None, **data) -> None:
    log(partner, action, user=user, data=data)


def partner_update(*, partner: NetworkPartner, data: PartnerData, user=None) -> NetworkPartner:
    """Quantities of the partner's capabilities, communes and availability. Hours are
    required when the partner is available only during set hours."""
    if data.availability == Availability.HOURS and (
        data.available_from is None or data.available_until is None
    ):
        raise ValidationError(_("Give the hours: from and until."), code="hours")
    with transaction.atomic():
        partner = NetworkPartner.objects.select_for_update().get(pk=partner.pk)
        capabilities = {c.pk: c for c in partner.capabilities.all()}
        for capability_id, quantity in data.quantities.items():
            capability = capabilities.get(capability_id)
            if capability is None or quantity is None or quantity < 0:
                continue  # not this partner's: ignore rather than touch someone else's
            if capability.quantity != quantity:
                capability.quantity = quantity
                capability.save(update_fields=["quantity"])
        partner.whole_region = data.whole_region
        partner.availability = data.availability
        hours = data.availability == Availability.HOURS
        partner.available_from = data.available_from if hours else None
        partner.available_until = data.available_until if hours else None
        partner.save(
            update_fields=["whole_region", "availability", "available_from", "available_until"]
        )
        codes = [getattr(c, "pk", c) for c in data.communes]
        partner.communes.set([] if data.whole_region else Commune.objects.filter(pk__in=codes))
        _audit(
            partner,
            ACTION_UPDATE,
            user,
            quantities={str(k): v for k, v in data.quantities.items()},
            communes=sorted(str(c) for c in codes),
            whole_region=data.whole_region,
            availability=data.availability,
        )
    return partner


def partner_confirm_current(*, partner: NetworkPartner, now: datetime | None = None, user=None):
    """ "All is current": the entry is no longer stale."""
    now = now or timezone.now()
    with transaction.atomic():
        NetworkPartner.objects.filter(pk=partner.pk).update(reviewed_at=now)
        partner.reviewed_at = now
        _audit(partner, ACTION_CONFIRM, user)
    return partner


def _active_contacts(partner: NetworkPartner):
    return partner.contacts.filter(active=True).order_by("position", "pk")


def _renumber(partner: NetworkPartner, ordered: list[PartnerContact]) -> None:
    for position, contact in enumerate(ordered):
        if contact.position != position:
            contact.position = position
            contact.save(update_fields=["position"])


def partner_contact_add(
    *,
    partner: NetworkPartner,
    name: str,
    role: str = "",
    language: str = "",
    email: str = "",
    phone: str = "",
    client_ip: str,
    user=None,
) -> PartnerContact:
    """A new contact, last in order, whose email / phone stay pending until confirmed
    (double opt-in through the subscriptions services: link by email, code by SMS).
    Raises ValidationError without any address, RateLimited like a citizen's sign-up."""
    if not email and not phone:
        raise ValidationError(_("Give an email address or a mobile number."), code="address")
    with transaction.atomic():
        subscriber = subscriptions.subscription_create(
            language=language or partner.language,
            topics=[],
            places=[],
            client_ip=client_ip,
            email=email,
            phone=phone,
            audience=Audience.PARTNER,
            organisation=partner.name[:200],
        )
        last = _active_contacts(partner).last()
        contact = PartnerContact.objects.create(
            partner=partner,
            position=(last.position + 1) if last else 0,
            name=name,
            role=role,
            subscriber=subscriber,
        )
        _audit(partner, ACTION_CONTACT_ADD, user, contact=contact.pk, name=name)
    return contact


def partner_contact_address_add(
    *, contact: PartnerContact, email: str = "", phone: str = "", client_ip: str, user=None
) -> list[ContactPoint]:
    """A new or changed address for an existing contact: pending until confirmed; the
    old address of the same channel keeps working until then."""
    if not email and not phone:
        raise ValidationError(_("Give an email address or a mobile number."), code="address")
    with transaction.atomic():
        added = subscriptions.contact_point_add(
            subscriber=contact.subscriber, client_ip=client_ip, email=email, phone=phone
        )
        _audit(contact.partner, ACTION_CONTACT_ADD, user, contact=contact.pk, name=contact.name)
    return added


def partner_contact_code_check(*, contact_point: ContactPoint, code: str) -> None:
    """The SMS code a contact received, entered on the self-service page. Raises
    subscriptions.CodeError (expired, attempts, wrong)."""
    subscriptions.verification_check(contact_point=contact_point, purpose="confirm", code=code)


def partner_contact_remove(*, contact: PartnerContact, user=None) -> PartnerContact:
    """The contact is no longer asked; their addresses stop receiving. The last active
    contact cannot be removed (the partner would be unreachable)."""
    with transaction.atomic():
        partner = NetworkPartner.objects.select_for_update().get(pk=contact.partner_id)
        others = _active_contacts(partner).exclude(pk=contact.pk)
        if not others.exists():
            raise ValidationError(
                _("Add another contact before removing the last one."), code="last"
            )
        contact.active = False
        contact.save(update_fields=["active"])
        for contact_point in contact.subscriber.contact_points.filter(active=True):
            subscriptions.contact_point_deactivate(
                contact_point=contact_point,
                reason=DeactivationReason.UNSUBSCRIBED,
                method="partner self-service" if user is None else "admin",
            )
        _renumber(partner, list(others))
        _audit(partner, ACTION_CONTACT_REMOVE, user, contact=contact.pk, name=contact.name)
    return contact


def partner_contact_move(*, contact: PartnerContact, offset: int, user=None) -> None:
    """Move a contact up (-1) or down (+1) in the order of calls."""
    with transaction.atomic():
        partner = NetworkPartner.objects.select_for_update().get(pk=contact.partner_id)
        ordered = list(_active_contacts(partner))
        index = next((i for i, c in enumerate(ordered) if c.pk == contact.pk), None)
        if index is None:
            return
        other = index + (1 if offset > 0 else -1)
        if not 0 <= other < len(ordered):
            return
        ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(partner, ordered)
        _audit(partner, ACTION_CONTACT_ORDER, user, order=[c.pk for c in ordered])


# ---------------------------------------------------------------- reminders


def _not_reminded_since(cutoff: datetime) -> Q:
    """Neither reminded nor confirmed current since `cutoff`: a partner that has just
    confirmed its entry (or was just added by staff) is not asked to confirm it again."""
    return (Q(reminded_at__isnull=True) | Q(reminded_at__lte=cutoff)) & (
        Q(reviewed_at__isnull=True) | Q(reviewed_at__lte=cutoff)
    )


def _reminder_address(partner: NetworkPartner) -> ContactPoint | None:
    """The first contact's confirmed email, or their confirmed phone when they have none."""
    for contact in _active_contacts(partner).select_related("subscriber"):
        points = contact.subscriber.contact_points.filter(
            active=True, confirmed_at__isnull=False, channel__in=["email", "sms"]
        )
        by_channel = {p.channel: p for p in points}
        point = by_channel.get(ChannelName.EMAIL) or by_channel.get(ChannelName.SMS)
        if point is not None:
            return point
    return None


def _reminder_message(partner: NetworkPartner, contact_point: ContactPoint) -> Message:
    language = partner.language
    with translation.override(language):
        context = {
            "partner": partner,
            "url": links.self_service_url(partner.pk, language),
            "days": settings.MOBILISATION_SELF_SERVICE_DAYS,
            "site_name": settings.SITE_NAME,
        }
        if contact_point.channel == ChannelName.EMAIL:
            subject = render_to_string("mobilisation/messages/reminder_subject.txt", context)
            return Message(
                channel="email",
                address=contact_point.address,
                subject=" ".join(subject.split()),
                text=render_to_string("mobilisation/messages/reminder_email.txt", context),
                html=render_to_string("mobilisation/messages/reminder_email.html", context),
            )
        text = _(
            "LUX response: please check what %(partner)s can offer the crisis centre and "
            "confirm it is current: %(url)s"
        ) % {"partner": partner.name, "url": context["url"]}
        return Message(channel="sms", address=contact_point.address, text=text)


def partners_remind(*, now: datetime | None = None) -> int:
    """Ask every active partner neither reminded nor confirmed current for
    MOBILISATION_REMIND_EVERY_DAYS to check its entry: one message to its first reachable
    contact, in the partner's language, with its self-service link. Idempotent
    (reminded_at is set first, under a row lock).
    Returns the number of partners reminded."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MOBILISATION_REMIND_EVERY_DAYS)
    due = NetworkPartner.objects.filter(active=True).filter(_not_reminded_since(cutoff))
    reminded = 0
    for partner_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            partner = (
                NetworkPartner.objects.select_for_update(skip_locked=True)
                .filter(pk=partner_id)
                .filter(_not_reminded_since(cutoff))
                .first()
            )
            if partner is None:
                continue  # reminded meanwhile by another run
            contact_point = _reminder_address(partner)
            if contact_point is None:
                logger.warning("partner %s has no confirmed address to remind", partner.pk)
                continue
            message = _reminder_message(partner, contact_point)
            message.reference = f"mob-remind-{partner.pk}-{int(now.timestamp())}"
            partner.reminded_at = now
            partner.save(update_fields=["reminded_at"])
            _audit(partner, ACTION_REMIND, None, channel=str(contact_point.channel))
        result = get_channel(message.channel).send(message)
        if result.outcome is not Outcome.SENT:
            logger.warning(
                "reminder to partner %s not sent: %s %s", partner_id, result.outcome, result.reason
            )
        reminded += 1
    return reminded
