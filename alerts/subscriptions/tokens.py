"""Signed links for subscribers (django.core.signing, one salt per purpose).

Every token also carries a short fingerprint of what it refers to (the address, or the
subscriber's creation time), so that a link never applies to a different person should a
database id ever be reused.
"""

import hashlib

from django.conf import settings
from django.core import signing

from .models import ContactPoint, Subscriber

CONFIRM_SALT = "alerts.subscriptions.confirm-email"
MANAGE_SALT = "alerts.subscriptions.manage"
UNSUBSCRIBE_SALT = "alerts.subscriptions.unsubscribe"


class InvalidLink(Exception):
    """The link is tampered with, unknown, or for something that no longer exists."""


class ExpiredLink(InvalidLink):
    """The link was genuine but is too old."""


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _load(token: str, salt: str, max_age: int | None) -> dict:
    try:
        if max_age is None:
            return signing.Signer(salt=salt).unsign_object(token)
        return signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidLink from None


def _contact_point(data: dict) -> ContactPoint:
    try:
        contact_point = ContactPoint.objects.select_related("subscriber").get(pk=int(data["c"]))
    except (KeyError, TypeError, ValueError, ContactPoint.DoesNotExist):
        raise InvalidLink from None
    if data.get("f") != _fingerprint(contact_point.address):
        raise InvalidLink
    return contact_point


def confirm_token(contact_point: ContactPoint) -> str:
    data = {"c": contact_point.pk, "f": _fingerprint(contact_point.address)}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(data)


def read_confirm_token(token: str) -> ContactPoint:
    return _contact_point(_load(token, CONFIRM_SALT, settings.SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE))


def unsubscribe_token(contact_point: ContactPoint) -> str:
    """Never expires: an unsubscribe link in an old email must still work."""
    data = {"c": contact_point.pk, "f": _fingerprint(contact_point.address)}
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(data)


def read_unsubscribe_token(token: str) -> ContactPoint:
    return _contact_point(_load(token, UNSUBSCRIBE_SALT, None))


def manage_token(subscriber: Subscriber) -> str:
    data = {"s": subscriber.pk, "f": _fingerprint(subscriber.created_at.isoformat())}
    return signing.TimestampSigner(salt=MANAGE_SALT).sign_object(data)


def read_manage_token(token: str) -> Subscriber:
    data = _load(token, MANAGE_SALT, settings.SUBSCRIPTIONS_MANAGE_LINK_MAX_AGE)
    try:
        subscriber = Subscriber.objects.get(pk=int(data["s"]))
    except (KeyError, TypeError, ValueError, Subscriber.DoesNotExist):
        raise InvalidLink from None
    if data.get("f") != _fingerprint(subscriber.created_at.isoformat()):
        raise InvalidLink
    return subscriber
