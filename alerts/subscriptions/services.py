"""Every change to subscriptions goes through one of these functions (keyword-only
arguments, one transaction). Views, commands, tasks and webhooks call them."""

import math
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from alerts.cap_vocab import Category
from alerts.models import Commune

# tasks imports this module too (its tasks call these services); each only reaches the
# other's names when a function runs, so either may be imported first.
from . import inbound, notifications, ratelimit, tasks
from .addresses import phone_prefix
from .models import (
    Audience,
    ChannelName,
    ConsentAction,
    ConsentRecord,
    ContactPoint,
    DeactivationReason,
    InboundSms,
    Place,
    Subscriber,
    Verification,
    VerificationPurpose,
)

STOP_KEYWORDS = {"STOP", "ARRET", "ARRÊT", "STOPPEN", "UNSUBSCRIBE"}
START_KEYWORDS = {"START"}
#: Confirmations by the citizen themselves, answered with a "you are subscribed" message
#: (staff adding a contact in the admin is not one).
WELCOME_METHODS = {"email link", "sms code", "browser permission"}
CODE_SALT = "alerts.subscriptions.code"
#: "Alert me where I am": positions are kept on a grid of this step in latitude (~556 m)
POSITION_GRID_DEGREES = 0.005
POSITION_FIELDS = ("position_latitude", "position_longitude", "position_at")


@dataclass
class PlaceData:
    label: str = ""
    whole_region: bool = False
    communes: list = field(default_factory=list)  # Commune instances or NIS codes
    latitude: float | None = None
    longitude: float | None = None


class PositionError(ValueError):
    """A position was refused; the message says why, in plain English (for the API)."""


class Position(NamedTuple):
    latitude: float
    longitude: float
    at: datetime


class CodeError(Exception):
    """A code was refused; `reason` is expired, attempts, or wrong."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# ---------------------------------------------------------------- helpers


def _round_coordinate(value: float | None) -> float | None:
    # About 100 m: enough to match an alert polygon, less than a house.
    return None if value is None else round(float(value), 3)


def _clean_topics(topics) -> list[str]:
    valid = set(Category.values)
    return [topic for topic in dict.fromkeys(topics or []) if topic in valid]


def _consent(contact_point: ContactPoint, action: str, method: str) -> ConsentRecord:
    return ConsentRecord.objects.create(
        contact_point=contact_point,
        channel=contact_point.channel,
        action=action,
        text_version=settings.SUBSCRIPTIONS_CONSENT_TEXT_VERSION,
        method=method,
    )


def _hash_code(verification_key: str, code: str) -> str:
    return salted_hmac(CODE_SALT, f"{verification_key}:{code}", algorithm="sha256").hexdigest()


def _send_buckets(
    *, client_ip: str, email: str = "", phone: str = "", push_subscription: dict | None = None
) -> list:
    buckets = [("ip", client_ip)]
    if push_subscription:
        # A push sign-up sends nothing, but it is a sign-up all the same, and every alert
        # then goes out to its endpoint: it counts against the same limits.
        buckets.append(("push", push_subscription["endpoint"]))
    if email:
        buckets.append(("email", email))
    if phone:
        digits = settings.SUBSCRIPTIONS_PHONE_PREFIX_DIGITS
        buckets += [
            ("phone", phone),
            ("phone_prefix", phone_prefix(phone, digits)),
            ("sms_daily", "all"),
        ]
    return buckets


def _replace_places(subscriber: Subscriber, places: list[PlaceData]) -> None:
    subscriber.places.all().delete()
    for data in places:
        place = Place.objects.create(
            subscriber=subscriber,
            label=data.label[:80],
            whole_region=data.whole_region,
            latitude=_round_coordinate(data.latitude),
            longitude=_round_coordinate(data.longitude),
        )
        if data.communes and not data.whole_region:
            codes = [getattr(c, "pk", c) for c in data.communes]
            place.communes.set(Commune.objects.filter(pk__in=codes))


def _issue_code(contact_point: ContactPoint, purpose: str) -> str:
    contact_point.verifications.filter(purpose=purpose).delete()
    code = f"{secrets.randbelow(1_000_000):06d}"
    verification = Verification.objects.create(
        contact_point=contact_point,
        purpose=purpose,
        code_hash="",
        expires_at=timezone.now() + timedelta(seconds=settings.SUBSCRIPTIONS_CODE_TTL),
    )
    verification.code_hash = _hash_code(str(verification.pk), code)
    verification.save(update_fields=["code_hash"])
    return code


def _merge_duplicates(contact_point: ContactPoint) -> None:
    """Fold any other live subscription of the same address into this contact point's
    subscriber: its other contact points move here, the duplicate and the emptied
    subscriber go. The preferences just confirmed win."""
    survivor = contact_point.subscriber
    duplicates = ContactPoint.objects.filter(
        channel=contact_point.channel,
        address=contact_point.address,
        audience=contact_point.audience,  # a citizen's phone is not a partner contact's
        active=True,
        confirmed_at__isnull=False,
    ).exclude(pk=contact_point.pk)
    for duplicate in duplicates.select_related("subscriber"):
        old = duplicate.subscriber
        ConsentRecord.objects.filter(contact_point=duplicate).update(contact_point=contact_point)
        duplicate.delete()
        if old.pk == survivor.pk:
            continue
        for other in old.contact_points.all():
            clash = survivor.contact_points.filter(
                channel=other.channel, address=other.address, active=True
            ).first()
            if clash is not None:
                ConsentRecord.objects.filter(contact_point=other).update(contact_point=clash)
                other.delete()
            else:
                other.subscriber = survivor
                other.save(update_fields=["subscriber"])
        if not old.contact_points.exists():
            old.delete()


def _add_push(subscriber: Subscriber, push_subscription: dict) -> ContactPoint:
    endpoint = push_subscription["endpoint"]
    contact_point = ContactPoint.objects.create(
        subscriber=subscriber,
        channel=ChannelName.PUSH,
        address=endpoint,
        push_keys=dict(push_subscription.get("keys") or {}),
    )
    # The browser's permission prompt, asked only after a click, is the opt-in.
    _confirm(contact_point, method="browser permission")
    return contact_point


def _confirm(contact_point: ContactPoint, *, method: str) -> ContactPoint:
    if contact_point.confirmed_at is not None and contact_point.active:
        return contact_point
    _merge_duplicates(contact_point)
    contact_point.confirmed_at = contact_point.confirmed_at or timezone.now()
    contact_point.active = True
    contact_point.deactivated_at = None
    contact_point.deactivated_reason = ""
    contact_point.save(
        update_fields=["confirmed_at", "active", "deactivated_at", "deactivated_reason"]
    )
    _consent(contact_point, ConsentAction.GIVEN, method)
    if method in WELCOME_METHODS:
        # Only here, where the address goes from pending to confirmed: a confirmation link
        # opened twice, or a code sent again, confirms nothing more and sends nothing.
        pk = contact_point.pk
        transaction.on_commit(lambda: tasks.send_welcome.enqueue(pk))
    return contact_point


def _send_confirmations(contact_points: list[ContactPoint], codes: dict[int, str]) -> None:
    for contact_point in contact_points:
        if contact_point.channel == ChannelName.EMAIL:
            notifications.send_email_confirmation(contact_point)
        elif contact_point.channel == ChannelName.SMS:
            notifications.send_code(
                contact_point, codes[contact_point.pk], VerificationPurpose.CONFIRM
            )


# ---------------------------------------------------------------- services


def subscription_create(
    *,
    language: str,
    topics: list[str],
    places: list[PlaceData],
    client_ip: str,
    email: str = "",
    phone: str = "",
    push_subscription: dict | None = None,
    audience: str = Audience.PUBLIC,
    organisation: str = "",
) -> Subscriber:
    """A new subscriber with pending email / phone (a link and a code are sent once the
    transaction commits) and, when given, a browser push subscription.

    Raises RateLimited before anything is written or sent.
    """
    if email or phone or push_subscription:
        ratelimit.check(
            _send_buckets(
                client_ip=client_ip, email=email, phone=phone, push_subscription=push_subscription
            )
        )
    with transaction.atomic():
        subscriber = Subscriber.objects.create(
            language=language,
            topics=_clean_topics(topics),
            audience=audience,
            organisation=organisation,
        )
        _replace_places(subscriber, places)
        pending, codes = [], {}
        if email:
            pending.append(
                ContactPoint.objects.create(
                    subscriber=subscriber, channel=ChannelName.EMAIL, address=email
                )
            )
        if phone:
            contact_point = ContactPoint.objects.create(
                subscriber=subscriber, channel=ChannelName.SMS, address=phone
            )
            codes[contact_point.pk] = _issue_code(contact_point, VerificationPurpose.CONFIRM)
            pending.append(contact_point)
        if push_subscription:
            _add_push(subscriber, push_subscription)
        transaction.on_commit(lambda: _send_confirmations(pending, codes))
    return subscriber


def contact_point_add(
    *,
    subscriber: Subscriber,
    client_ip: str,
    email: str = "",
    phone: str = "",
    push_subscription: dict | None = None,
) -> list[ContactPoint]:
    """Add channels to an existing subscriber (from the management page); email and phone
    stay pending until confirmed like at sign-up."""
    if email or phone or push_subscription:
        ratelimit.check(
            _send_buckets(
                client_ip=client_ip, email=email, phone=phone, push_subscription=push_subscription
            )
        )
    added, codes = [], {}
    with transaction.atomic():
        if email:
            added.append(
                ContactPoint.objects.create(
                    subscriber=subscriber, channel=ChannelName.EMAIL, address=email
                )
            )
        if phone:
            contact_point = ContactPoint.objects.create(
                subscriber=subscriber, channel=ChannelName.SMS, address=phone
            )
            codes[contact_point.pk] = _issue_code(contact_point, VerificationPurpose.CONFIRM)
            added.append(contact_point)
        pending = list(added)
        if push_subscription:
            added.append(_add_push(subscriber, push_subscription))
        transaction.on_commit(lambda: _send_confirmations(pending, codes))
    return added


def contact_point_confirm(*, contact_point: ContactPoint, method: str) -> ContactPoint:
    """Double opt-in completed: from now on alerts may reach this address."""
    with transaction.atomic():
        contact_point = ContactPoint.objects.select_for_update().get(pk=contact_point.pk)
        if not contact_point.active and contact_point.confirmed_at is not None:
            return contact_point  # unsubscribed since: a stale link does not resubscribe
        return _confirm(contact_point, method=method)


def verification_check(*, contact_point: ContactPoint, purpose: str, code: str) -> None:
    """Accept the code or raise CodeError. A used code is deleted; a wrong one counts as an
    attempt, and after SUBSCRIPTIONS_CODE_MAX_ATTEMPTS the code is dead."""
    refusal = None
    with transaction.atomic():
        verification = (
            Verification.objects.select_for_update()
            .filter(contact_point=contact_point, purpose=purpose)
            .order_by("-created_at")
            .first()
        )
        if verification is None or verification.expires_at <= timezone.now():
            refusal = "expired"
        elif verification.attempts >= settings.SUBSCRIPTIONS_CODE_MAX_ATTEMPTS:
            refusal = "attempts"
        elif not constant_time_compare(
            verification.code_hash, _hash_code(str(verification.pk), (code or "").strip())
        ):
            # The wrong attempt is committed: raising inside the block would undo it.
            verification.attempts += 1
            verification.save(update_fields=["attempts"])
            maximum = settings.SUBSCRIPTIONS_CODE_MAX_ATTEMPTS
            refusal = "attempts" if verification.attempts >= maximum else "wrong"
        else:
            verification.delete()
            if purpose == VerificationPurpose.CONFIRM:
                _confirm(contact_point, method="sms code")
    if refusal:
        raise CodeError(refusal)


def code_resend(*, contact_point: ContactPoint, client_ip: str) -> None:
    """A new confirmation code for a pending phone number (rate limited)."""
    ratelimit.check(_send_buckets(client_ip=client_ip, phone=contact_point.address))
    with transaction.atomic():
        code = _issue_code(contact_point, VerificationPurpose.CONFIRM)
        transaction.on_commit(
            lambda: notifications.send_code(contact_point, code, VerificationPurpose.CONFIRM)
        )


def manage_access_request(*, client_ip: str, email: str = "", phone: str = "") -> None:
    """Send a management link (email) or code (SMS) if the address has a live subscription.

    The caller shows the same answer either way: nobody learns whether an address is
    subscribed. Raises RateLimited (counted whether or not the address exists).
    """
    ratelimit.check(_send_buckets(client_ip=client_ip, email=email, phone=phone))
    channel = ChannelName.EMAIL if email else ChannelName.SMS
    contact_point = (
        ContactPoint.objects.filter(
            channel=channel, address=email or phone, active=True, confirmed_at__isnull=False
        )
        .select_related("subscriber")
        .first()
    )
    if contact_point is None:
        return
    if channel == ChannelName.EMAIL:
        transaction.on_commit(lambda: notifications.send_manage_link(contact_point))
        return
    with transaction.atomic():
        code = _issue_code(contact_point, VerificationPurpose.MANAGE)
        transaction.on_commit(
            lambda: notifications.send_code(contact_point, code, VerificationPurpose.MANAGE)
        )


def manage_code_check(*, phone: str, code: str) -> Subscriber:
    """The subscriber whose phone received this management code, or CodeError."""
    contact_point = ContactPoint.objects.filter(
        channel=ChannelName.SMS, address=phone, active=True, confirmed_at__isnull=False
    ).first()
    if contact_point is None:
        raise CodeError("wrong")
    verification_check(contact_point=contact_point, purpose=VerificationPurpose.MANAGE, code=code)
    return contact_point.subscriber


def subscriber_update(
    *, subscriber: Subscriber, language: str, topics: list[str], places: list[PlaceData]
) -> Subscriber:
    with transaction.atomic():
        subscriber.language = language
        subscriber.topics = _clean_topics(topics)
        subscriber.save(update_fields=["language", "topics", "updated_at"])
        _replace_places(subscriber, places)
    return subscriber


def contact_point_deactivate(
    *, contact_point: ContactPoint, reason: str, method: str
) -> ContactPoint:
    """Stop sending to this address (unsubscribe, STOP, provider says gone)."""
    with transaction.atomic():
        contact_point = ContactPoint.objects.select_for_update().get(pk=contact_point.pk)
        if not contact_point.active:
            return contact_point
        contact_point.active = False
        contact_point.deactivated_at = timezone.now()
        contact_point.deactivated_reason = reason
        # A browser's position is kept only while it may receive alerts.
        contact_point.position_latitude = contact_point.position_longitude = None
        contact_point.position_at = None
        contact_point.save(
            update_fields=[
                "active",
                "deactivated_at",
                "deactivated_reason",
                *POSITION_FIELDS,
            ]
        )
        contact_point.verifications.all().delete()
        if contact_point.confirmed_at is not None:
            _consent(contact_point, ConsentAction.WITHDRAWN, method)
    return contact_point


def sms_keyword_handle(
    *, from_number: str, body: str, message_sid: str = ""
) -> str | inbound.Reply | None:
    """STOP (ARRET, ARRÊT, STOPPEN, UNSUBSCRIBE) deactivates every subscription of the
    number; START brings back the last one stopped. Returns "stop", "start", the reply
    of a registered handler (inbound.py: a partner's answer to a mobilisation), or None.

    A message is handled once per `message_sid`: the same message again (a provider
    retry, or a replayed signed request) returns None and changes nothing."""
    with transaction.atomic():
        if message_sid:
            _message, new = InboundSms.objects.get_or_create(message_sid=message_sid)
            if not new:
                return None
        reply = inbound.handle(from_number=from_number, body=body)
        if reply is not None:
            return reply
        return _sms_keyword_apply(from_number=from_number, body=body)


def _sms_keyword_apply(*, from_number: str, body: str) -> str | None:
    keyword = (body or "").strip().upper()
    if keyword in STOP_KEYWORDS:
        for contact_point in ContactPoint.objects.filter(
            channel=ChannelName.SMS, address=from_number, active=True
        ):
            contact_point_deactivate(
                contact_point=contact_point, reason=DeactivationReason.STOP, method="sms keyword"
            )
        return "stop"
    if keyword in START_KEYWORDS:
        with transaction.atomic():
            live = ContactPoint.objects.filter(
                channel=ChannelName.SMS,
                address=from_number,
                active=True,
                confirmed_at__isnull=False,
            ).exists()
            stopped = (
                ContactPoint.objects.filter(
                    channel=ChannelName.SMS,
                    address=from_number,
                    active=False,
                    confirmed_at__isnull=False,
                    deactivated_reason__in=[
                        DeactivationReason.STOP,
                        DeactivationReason.UNSUBSCRIBED,
                    ],
                )
                .order_by("-deactivated_at")
                .first()
            )
            if not live and stopped is not None:
                stopped.active = True
                stopped.deactivated_at = None
                stopped.deactivated_reason = ""
                stopped.save(update_fields=["active", "deactivated_at", "deactivated_reason"])
                _consent(stopped, ConsentAction.GIVEN, "sms keyword")
        return "start"
    return None


def push_subscription_change(*, old_endpoint: str, subscription: dict) -> bool:
    """The browser replaced its push subscription: move the live contact point to the new
    endpoint and keys. Knowing the old endpoint (a secret URL) is the authorisation."""
    with transaction.atomic():
        contact_point = (
            ContactPoint.objects.select_for_update()
            .filter(channel=ChannelName.PUSH, address=old_endpoint, active=True)
            .first()
        )
        if contact_point is None:
            return False
        ContactPoint.objects.filter(
            channel=ChannelName.PUSH, address=subscription["endpoint"], active=True
        ).exclude(pk=contact_point.pk).delete()
        contact_point.address = subscription["endpoint"]
        contact_point.push_keys = dict(subscription.get("keys") or {})
        contact_point.save(update_fields=["address", "push_keys"])
    return True


def round_position(latitude: float, longitude: float) -> tuple[float, float]:
    """The position snapped to a grid of about 500 m, never finer.

    Latitude goes to the nearest multiple of 0.005° (about 556 m north-south everywhere).
    Longitude goes to the nearest multiple of 0.005° / cos(rounded latitude), so that a
    cell is about 556 m east-west too (0.0079° in Brussels); near the poles the step is
    capped at 0.5°. A stored point is thus the centre-of-cell for everybody within about
    280 m of it in each direction: it says which neighbourhood, never which house.
    """
    lat = round(round(latitude / POSITION_GRID_DEGREES) * POSITION_GRID_DEGREES, 6)
    lat = max(-90.0, min(90.0, lat))
    cos_lat = math.cos(math.radians(lat))
    lon_step = POSITION_GRID_DEGREES / cos_lat if cos_lat > 0.01 else 0.5
    lon = round(round(longitude / lon_step) * lon_step, 6)
    if lon > 180.0:
        lon -= 360.0
    elif lon < -180.0:
        lon += 360.0
    return lat, lon


def _coordinate(value, *, low: float, high: float, name: str) -> float:
    # JSON numbers only: a bool is an int in Python, and a string is not a position.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PositionError(f"{name} must be a number")
    number = float(value)
    if not math.isfinite(number):
        raise PositionError(f"{name} must be a finite number")
    if not low <= number <= high:
        raise PositionError(f"{name} must be between {low:g} and {high:g}")
    return number


def _live_push_points(endpoint: str):
    return ContactPoint.objects.filter(
        channel=ChannelName.PUSH, address=endpoint, active=True, confirmed_at__isnull=False
    )


def push_position_update(
    *, endpoint: str, latitude, longitude, client_ip: str, now=None
) -> Position | None:
    """ "Alert me where I am": store this browser's position, rounded on the ~500 m grid
    (round_position), on its live push contact point(s). Knowing the endpoint (a secret
    URL only the browser and its push service hold) is the authorisation, as for
    push_subscription_change. Returns what was stored, or None for an endpoint we do not
    deliver to (the caller answers the same whatever the reason).

    Raises PositionError for anything but two finite numbers in range (nothing counted),
    RateLimited past the limits per endpoint and per connection."""
    lat = _coordinate(latitude, low=-90.0, high=90.0, name="latitude")
    lon = _coordinate(longitude, low=-180.0, high=180.0, name="longitude")
    ratelimit.check([("position_ip", client_ip), ("position", str(endpoint)[:1000])])
    lat, lon = round_position(lat, lon)
    now = now or timezone.now()
    with transaction.atomic():
        updated = _live_push_points(endpoint).update(
            position_latitude=lat, position_longitude=lon, position_at=now
        )
    return Position(lat, lon, now) if updated else None


def push_position_erase(*, endpoint: str = "", contact_point: ContactPoint | None = None) -> bool:
    """Forget the position of a browser: by its endpoint (the page's button, the endpoint
    being the authorisation), or of one contact point (the management page's button).
    Returns False when there was no such live push subscription."""
    if contact_point is not None:
        points = ContactPoint.objects.filter(pk=contact_point.pk, channel=ChannelName.PUSH)
    else:
        points = _live_push_points(endpoint)
    with transaction.atomic():
        found = points.exists()
        points.update(position_latitude=None, position_longitude=None, position_at=None)
    return found


def position_is_fresh(contact_point: ContactPoint, *, now=None) -> bool:
    """Whether the stored position still counts for targeting."""
    if contact_point.position_at is None:
        return False
    now = now or timezone.now()
    return contact_point.position_at >= now - position_max_age()


def position_max_age() -> timedelta:
    return timedelta(days=settings.SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS)


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Erasure on request (GDPR art. 17): the subscriber, contact points, places and
    verifications are deleted. Consent records lose their link (SET_NULL) and keep only
    channel, action, text version, method and time: they identify nobody, and still show
    how many consents of which text version were given and withdrawn."""
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).delete()


def contact_points_purge_unconfirmed(*, now=None) -> int:
    """Delete contact points never confirmed within the allowed time (48 h by default),
    then subscribers left with no contact point at all. Returns contact points deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.SUBSCRIPTIONS_UNCONFIRMED_TTL_HOURS)
    with transaction.atomic():
        _total, per_model = ContactPoint.objects.filter(
            confirmed_at__isnull=True, created_at__lt=cutoff
        ).delete()
        # A partner network contact stays (listed without address) for the crisis centre.
        Subscriber.objects.filter(
            created_at__lt=cutoff, contact_points__isnull=True, network_contact__isnull=True
        ).delete()
    return per_model.get(ContactPoint._meta.label, 0)


def inbound_sms_prune(*, now=None) -> int:
    """Forget incoming SMS handled more than INBOUND_SMS_KEEP_DAYS ago (365 by default).

    Each row is what makes a replayed STOP or START change nothing (Twilio's signatures
    carry no time). A year keeps that protection far beyond any provider retry while the
    table stays small; a request replayed after that would apply its keyword once more.
    Returns the rows deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INBOUND_SMS_KEEP_DAYS)
    deleted, _per_model = InboundSms.objects.filter(received_at__lt=cutoff).delete()
    return deleted


def audience_member_save(
    *,
    subscriber: Subscriber,
    email: str = "",
    phone: str = "",
    places: list[PlaceData] | None = None,
) -> Subscriber:
    """Staff add a test-audience member or a partner contact in the admin. Their addresses
    are confirmed at once (staff vouch for them; consent recorded as "admin"), and replace
    the member's previous email / phone."""
    with transaction.atomic():
        subscriber.save()
        # Its addresses follow a change of audience (test audience, partner network).
        subscriber.contact_points.exclude(audience=subscriber.audience).update(
            audience=subscriber.audience
        )
        if places is not None:
            _replace_places(subscriber, places)
        for channel, address in ((ChannelName.EMAIL, email), (ChannelName.SMS, phone)):
            current = subscriber.contact_points.filter(channel=channel, active=True)
            if not address:
                continue
            if current.filter(address=address, confirmed_at__isnull=False).exists():
                continue
            for old in current:
                contact_point_deactivate(
                    contact_point=old, reason=DeactivationReason.REPLACED, method="admin"
                )
            contact_point = ContactPoint.objects.create(
                subscriber=subscriber, channel=channel, address=address
            )
            _confirm(contact_point, method="admin")
    return subscriber


def contact_point_mark_gone(*, contact_point: ContactPoint, reason: str = "") -> ContactPoint:
    """A provider says the address no longer exists (push 404/410, Twilio 21610): stop
    sending to it. For the delivery engine."""
    return contact_point_deactivate(
        contact_point=contact_point,
        reason=DeactivationReason.GONE,
        method=f"provider: {reason}"[:40] if reason else "provider",
    )
