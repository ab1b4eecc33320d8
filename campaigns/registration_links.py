"""The link a registrant keeps: it shows their registration and lets them cancel it.

The token is the registration's id signed with the site's secret key (django.core.signing,
its own salt); it needs no storage and cannot be forged or pointed at another registration.
Wagtail routes only letters, digits, "-" and "_" in a page path, so the signed value
(which separates its parts with ":") travels base64-encoded. It stops working when the
session starts (checked against the session as it is now, so a postponed session keeps
its links working) and once the registration is cancelled.
"""

from django.core import signing
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

SALT = "campaigns.training-registration"


def registration_token(registration_id: int) -> str:
    return urlsafe_base64_encode(signing.dumps(registration_id, salt=SALT).encode())


def registration_id_from_token(token: str) -> int | None:
    """The registration a token was made for, or None when it was not signed by us."""
    try:
        value = signing.loads(urlsafe_base64_decode(token).decode(), salt=SALT)
    except (ValueError, signing.BadSignature):  # not base64, not text, not signed by us
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def registration_path(page, registration_id: int, view: str = "registration") -> str:
    """The path of one of a registration's pages ("registration", "cancel") under its
    training page, in the active language."""
    token = registration_token(registration_id)
    return page.url + page.reverse_subpage(view, kwargs={"token": token})
