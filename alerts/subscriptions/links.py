"""Absolute links for messages, in the subscriber's language, and the RFC 8058 headers."""

from django.urls import reverse
from django.utils import translation

from portal.site_urls import absolute_url

from . import tokens
from .models import ContactPoint, Subscriber

absolute = absolute_url


def _reverse(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def confirm_url(contact_point: ContactPoint) -> str:
    return absolute(
        _reverse(
            "subscriptions:confirm_email",
            contact_point.subscriber.language,
            token=tokens.confirm_token(contact_point),
        )
    )


def manage_url(subscriber: Subscriber) -> str:
    return absolute(
        _reverse("subscriptions:manage", subscriber.language, token=tokens.manage_token(subscriber))
    )


def manage_access_url(language: str) -> str:
    """The page where anyone asks for a fresh management link or code: it never expires,
    so messages read later (an SMS, a push notification) point there."""
    return absolute(_reverse("subscriptions:manage_access", language))


def unsubscribe_url(contact_point: ContactPoint) -> str:
    return absolute(
        _reverse(
            "subscriptions:unsubscribe",
            contact_point.subscriber.language,
            token=tokens.unsubscribe_token(contact_point),
        )
    )


def unsubscribe_headers(contact_point: ContactPoint) -> dict[str, str]:
    """One-click unsubscribe headers (RFC 8058) for every email sent to a subscriber.

    A POST to the URL with the body `List-Unsubscribe=One-Click` unsubscribes this address
    without login; a GET only shows a confirmation page.
    """
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(contact_point)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
