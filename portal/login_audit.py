"""The audit of admin sign-ins (LoginEvent), fed by Django's auth signals and the
second-factor views."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from portal.client_ip import client_ip
from portal.models import LoginEvent, LoginEventKind


def record(request, kind: str, *, username="", user=None, detail="") -> LoginEvent:
    """One audit line. `username` may be a user object (its user name is taken); `detail`
    says what the kind alone does not (who issued a link, why it was refused)."""
    if hasattr(username, "get_username"):
        user = user or username
        username = username.get_username()
    meta = request.META if request is not None else {}
    return LoginEvent.objects.create(
        kind=kind,
        username=str(username)[:150],
        user=user if user is not None and user.pk else None,
        ip_address=client_ip(request) if request is not None else "",
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
        detail=str(detail)[:200],
    )


@receiver(user_logged_in, dispatch_uid="portal_login_audit_in")
def _logged_in(sender, request, user, **kwargs):
    record(request, LoginEventKind.LOGIN, username=user)


@receiver(user_logged_out, dispatch_uid="portal_login_audit_out")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, LoginEventKind.LOGOUT, username=user)


@receiver(user_login_failed, dispatch_uid="portal_login_audit_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    record(request, LoginEventKind.LOGIN_FAILED, username=credentials.get("username", ""))
