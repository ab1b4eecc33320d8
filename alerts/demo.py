"""Demo content for alerts (idempotent): templates, the two roles, a demo author and a
demo approver, one sent exercise in force and one past alert ended by an all-clear."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from alerts import roles, services
from alerts.cap_vocab import Status
from alerts.data.templates import load_templates
from alerts.dispatch import alert_dispatch
from alerts.models import Alert, AlertTemplate, AlertTemplateText
from alerts.outgoing import alert_fingerprint

DEMO_USERS = {
    "alert-author": roles.AUTHORS_GROUP,
    "alert-approver": roles.APPROVERS_GROUP,
}


def _password(username: str) -> str:
    path = settings.VAR_DIR / f"demo-{username}-password"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def seed_users() -> dict:
    users = {}
    for username, group in DEMO_USERS.items():
        password = _password(username)
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        users[username] = (user, password)
    return users


def _send(alert: Alert, author, approver) -> Alert:
    services.alert_submit(alert=alert, user=author)
    alert.refresh_from_db()  # the approver sees what was submitted
    services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    return alert_dispatch(alert_id=alert.pk)


def seed_alerts(author, approver) -> None:
    if not Alert.objects.filter(created_by=author, status=Status.EXERCISE).exists():
        alert = services.alert_create_from_template(
            user=author,
            template=AlertTemplate.objects.get(slug="chemical-shelter"),
            status=Status.EXERCISE,
            communes=["21001", "21012"],
        )
        services.alert_edit(
            alert=alert,
            user=author,
            fields={"expires": timezone.now().replace(microsecond=0) + timedelta(days=30)},
            infos={},
        )
        _send(alert, author, approver)
    if not Alert.objects.filter(created_by=author, status=Status.ACTUAL).exists():
        alert = services.alert_create_from_template(
            user=author,
            template=AlertTemplate.objects.get(slug="storm"),
            whole_region=True,
        )
        original = _send(alert, author, approver)
        cancel = services.alert_prepare_cancel(original=original, user=author)
        _send(cancel, author, approver)


def seed(context) -> None:
    load_templates(AlertTemplate, AlertTemplateText)
    roles.grant_role_permissions()
    users = seed_users()
    (author, author_password), (approver, approver_password) = (
        users["alert-author"],
        users["alert-approver"],
    )
    seed_alerts(author, approver)
    context.messages.append(
        "Alerts: demo exercise and a past alert published; composer at /admin/alerts/"
    )
    context.messages.append(f"  alert author:   alert-author / {author_password}")
    context.messages.append(f"  alert approver: alert-approver / {approver_password}")
