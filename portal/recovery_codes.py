"""Recovery codes: a set of single-use codes (django-otp's static tokens) that stand in for
the authenticator when it is lost or out of reach.

A set is issued when someone confirms their first authenticator, and whenever they ask for a
new one (the old set stops working at once). The codes are shown once, on the page that
issued them, and never again. Each one verifies a session like an authenticator code and is
then gone. otp_static keeps the codes themselves in its table, as the TOTP secrets beside
them are kept: whoever can read the database can read both.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from portal import login_audit
from portal.models import LoginEventKind
from portal.two_factor import is_verified

DEVICE_NAME = "recovery codes"
CODE_COUNT = 10


def recovery_code_normalise(text: str) -> str:
    """What the user typed, as stored: no spaces or hyphens (the codes are shown in two
    groups of four), lower case."""
    return "".join(text.split()).replace("-", "").lower()


def is_recovery_code(code: str) -> bool:
    """A normalised code that cannot be an authenticator code (those are digits only)."""
    return bool(code) and not code.isdigit()


def recovery_code_display(token: str) -> str:
    return f"{token[:4]}-{token[4:]}"


def _new_token() -> str:
    # A code of digits only would be taken for an authenticator code: draw again (about one
    # draw in a million and a half).
    while True:
        token = StaticToken.random_token()
        if is_recovery_code(token):
            return token


def recovery_codes_remaining(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def recovery_codes_issue(*, request, user) -> list[str]:
    """A new set of codes for `user`, replacing any earlier set; returns them, readable, to
    be shown once. From a web request, only a session verified with a second factor may ask
    (a password alone must not mint a way in)."""
    if getattr(user, "is_verified", None) is not None and not is_verified(user):
        raise PermissionDenied
    # One device per user, kept across sets: a session verified with a recovery code stays
    # verified by it (deleting the device would sign its second factor out).
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    device.name, device.confirmed = DEVICE_NAME, True
    device.throttle_reset(commit=False)
    device.save()
    tokens: list[str] = []
    while len(tokens) < CODE_COUNT:
        token = _new_token()
        if token not in tokens:
            tokens.append(token)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=token) for token in tokens)
    login_audit.record(
        request,
        LoginEventKind.RECOVERY_CODES_ISSUED,
        username=user,
        detail=f"{len(tokens)} codes; any earlier set revoked",
    )
    return [recovery_code_display(token) for token in tokens]


def recovery_code_use(*, request, user, code: str) -> StaticDevice | None:
    """Consume one of `user`'s recovery codes; the device that held it, or None when the
    code is unknown, already used, or django-otp's growing delay after failures is running.
    Both outcomes are audited."""
    code = recovery_code_normalise(code)
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        consumed = False
        if device is not None:
            allowed, _why = device.verify_is_allowed()
            # A DELETE that removed the row is the proof of single use: of two requests
            # with the same code, only one removes it.
            consumed = (
                allowed and StaticToken.objects.filter(device=device, token=code).delete()[0] > 0
            )
            if consumed:
                device.throttle_reset(commit=False)
                device.set_last_used_timestamp(commit=False)
                device.save()
            elif allowed:
                device.throttle_increment()
    if not consumed:
        login_audit.record(
            request, LoginEventKind.SECOND_FACTOR_FAILED, username=user, detail="recovery code"
        )
        return None
    login_audit.record(
        request,
        LoginEventKind.RECOVERY_CODE,
        username=user,
        detail=f"{recovery_codes_remaining(user)} recovery codes left",
    )
    return device
