"""The two alert roles. Membership is required of everyone, superusers included."""

AUTHORS_GROUP = "Alert authors"
APPROVERS_GROUP = "Alert approvers"


def _in_group(user, name: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=name).exists()


def is_author(user) -> bool:
    return _in_group(user, AUTHORS_GROUP)


def is_approver(user) -> bool:
    return _in_group(user, APPROVERS_GROUP)


def has_alert_role(user) -> bool:
    return is_author(user) or is_approver(user)
