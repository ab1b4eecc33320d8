"""The two alert roles. Membership is required of everyone, superusers included."""

from portal.groups import ALERT_APPROVERS as APPROVERS_GROUP
from portal.groups import ALERT_AUTHORS as AUTHORS_GROUP


def _in_group(user, name: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    # Read once per user object (one request, one service call), like Django's own
    # permission cache: an approval checks the role several times.
    names = getattr(user, "_alert_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._alert_group_names = names
    return name in names


def is_author(user) -> bool:
    return _in_group(user, AUTHORS_GROUP)


def is_approver(user) -> bool:
    return _in_group(user, APPROVERS_GROUP)


def has_alert_role(user) -> bool:
    return is_author(user) or is_approver(user)


ROLE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("alerts", "add_alerttemplate"),
    ("alerts", "change_alerttemplate"),
    ("alerts", "view_alerttemplate"),
]


def grant_role_permissions(app_config=None, using="default", **kwargs) -> None:
    """Both roles exist and may reach the admin and keep the pre-written templates.
    Run after every `migrate` (post_migrate); idempotent."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    if app_config is not None:
        # This app's handler may run before auth's own: make sure the permissions exist.
        create_permissions(app_config, verbosity=0, using=using)

    wanted = Q()
    for app_label, codename in ROLE_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(wanted))
    for name in (AUTHORS_GROUP, APPROVERS_GROUP):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
