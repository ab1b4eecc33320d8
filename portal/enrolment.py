"""Enrolment links: how someone gets to set up their first second factor.

A password alone never opens the set-up page: a stolen password would enrol the thief's
authenticator. A superuser issues a link for one user (the "Second factor" page of that user
in the admin, or `manage.py two_factor_enrolment_link` for a deployment's first superuser).
The person opens it, signs in with their own password, and confirms; the link is then spent,
and lets that one session set up an authenticator until the link's expiry
(TWO_FACTOR_ENROLMENT_LINK_HOURS, 24 by default). Someone already verified with a factor may
set up an authenticator without a link (portal.two_factor_views.setup).

Only the SHA-256 of a link's token is stored (the token is random, so no slower hash is
needed). A new link, a lost-device reset and an opening from another account end the
earlier links. Issuing, use and every refused opening are audited.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import login_audit
from portal.models import EnrolmentLink, LoginEventKind
from portal.two_factor import second_factor_refusal

SESSION_KEY = "portal_enrolment_link"
TOKEN_MAX_LENGTH = 128

# Why an opening is refused (said in the audit, and picks the page's explanation).
UNKNOWN = "unknown"
USED = "used"
EXPIRED = "expired"
OTHER_ACCOUNT = "other account"


@dataclass(frozen=True)
class IssuedLink:
    url: str
    expires_at: datetime


def link_lifetime() -> timedelta:
    return timedelta(hours=float(getattr(settings, "TWO_FACTOR_ENROLMENT_LINK_HOURS", 24)))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issuer_name(issued_by) -> str:
    return issued_by.get_username() if issued_by is not None else "manage.py"


@transaction.atomic
def enrolment_link_issue(*, user, issued_by=None, request=None) -> IssuedLink:
    """A new link for `user`, ending their earlier ones. `issued_by` is the superuser who
    asks, verified with their own second factor; None for the management command (whoever
    runs it holds the server)."""
    if issued_by is not None and (
        not issued_by.is_active or not issued_by.is_superuser or second_factor_refusal(issued_by)
    ):
        raise PermissionDenied
    EnrolmentLink.objects.filter(user=user).delete()
    token = secrets.token_urlsafe(32)
    link = EnrolmentLink.objects.create(
        user=user,
        token_hash=_token_hash(token),
        created_by=issued_by,
        expires_at=timezone.now() + link_lifetime(),
    )
    login_audit.record(
        request,
        LoginEventKind.ENROLMENT_LINK_ISSUED,
        username=user,
        detail=(
            f"issued by {_issuer_name(issued_by)}, valid until "
            f"{timezone.localtime(link.expires_at):%Y-%m-%d %H:%M %Z}"
        ),
    )
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("two_factor_enrol", args=[token])
    return IssuedLink(url=url, expires_at=link.expires_at)


def enrolment_link_find(token: str) -> EnrolmentLink | None:
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    return (
        EnrolmentLink.objects.select_related("user").filter(token_hash=_token_hash(token)).first()
    )


def enrolment_link_problem(link: EnrolmentLink | None, user) -> str:
    """Why `link` cannot be opened by `user` (anonymous: not yet known), empty when it can."""
    if link is None:
        return UNKNOWN
    if link.used_at is not None:
        return USED
    if link.expires_at <= timezone.now():
        return EXPIRED
    if user.is_authenticated and link.user_id != user.pk:
        return OTHER_ACCOUNT
    return ""


def enrolment_link_refuse(*, request, link: EnrolmentLink | None, problem: str) -> None:
    """Audit a refused opening. A link opened from another account is revoked: it is no
    longer a secret between the issuer and its owner."""
    owner = link.user.get_username() if link is not None else ""
    detail = f"{problem} link" + (f" of {owner}" if owner else "")
    if problem == OTHER_ACCOUNT:
        EnrolmentLink.objects.filter(pk=link.pk).delete()
        detail += "; revoked"
    signed_in = request.user if request.user.is_authenticated else None
    login_audit.record(
        request,
        LoginEventKind.ENROLMENT_LINK_REFUSED,
        username=signed_in or owner,
        user=signed_in or (link.user if link is not None else None),
        detail=detail,
    )


@transaction.atomic
def enrolment_link_claim(*, request, link: EnrolmentLink) -> bool:
    """Spend `link` on this session of its own, signed-in user; False when it was spent,
    revoked or expired in the meantime."""
    now = timezone.now()
    claimed = EnrolmentLink.objects.filter(
        pk=link.pk, user=request.user, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        return False
    # An authenticator secret shown earlier (to whoever) must not be the one enrolled now.
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    request.session[SESSION_KEY] = link.pk
    login_audit.record(
        request,
        LoginEventKind.ENROLMENT_LINK_USED,
        username=request.user,
        detail=f"issued by {_issuer_name(link.created_by)}",
    )
    return True


def enrolment_granted(request) -> bool:
    """True when this session spent a link of its user that has not expired nor been
    revoked since."""
    pk = request.session.get(SESSION_KEY)
    if not isinstance(pk, int) or not request.user.is_authenticated:
        return False
    return EnrolmentLink.objects.filter(
        pk=pk, user=request.user, used_at__isnull=False, expires_at__gt=timezone.now()
    ).exists()


def enrolment_finish(request) -> None:
    """The session set up its authenticator: its link opens nothing more."""
    request.session.pop(SESSION_KEY, None)


def enrolment_links_revoke(*, user) -> int:
    return EnrolmentLink.objects.filter(user=user).delete()[0]


def enrolment_link_pending(user) -> EnrolmentLink | None:
    """The link issued for `user` that is still waiting to be opened, if any."""
    return EnrolmentLink.objects.filter(
        user=user, used_at__isnull=True, expires_at__gt=timezone.now()
    ).first()
