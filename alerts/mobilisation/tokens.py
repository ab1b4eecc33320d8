"""Signed links for partner contacts: no account, no login.

The answer link names one partner asked by one request and the contact it was sent to;
it works while the request is open. The situation page link is the same token (only a
contact whose partner said "available" sees the page). The self-service link names a
partner and expires (MOBILISATION_SELF_SERVICE_DAYS).
"""

from django.conf import settings
from django.core import signing

ANSWER_SALT = "alerts.mobilisation.answer"
PARTNER_SALT = "alerts.mobilisation.partner"


def answer_token(target_id: int, contact_id: int) -> str:
    return signing.Signer(salt=ANSWER_SALT).sign_object([target_id, contact_id])


def read_answer_token(token: str) -> tuple[int, int]:
    """Raises signing.BadSignature for anything we did not sign."""
    value = signing.Signer(salt=ANSWER_SALT).unsign_object(token)
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(part, int) and not isinstance(part, bool) for part in value)
    ):
        raise signing.BadSignature("malformed")
    return value[0], value[1]


def partner_token(partner_id: int) -> str:
    return signing.TimestampSigner(salt=PARTNER_SALT).sign_object([partner_id])


def read_partner_token(token: str) -> int:
    """Raises signing.BadSignature (or SignatureExpired) for a link we did not sign or
    signed too long ago."""
    max_age = settings.MOBILISATION_SELF_SERVICE_DAYS * 86400
    value = signing.TimestampSigner(salt=PARTNER_SALT).unsign_object(token, max_age=max_age)
    if not isinstance(value, list) or len(value) != 1 or not isinstance(value[0], int):
        raise signing.BadSignature("malformed")
    return value[0]
