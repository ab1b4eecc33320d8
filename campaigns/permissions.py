"""Who may see what the public may not: the authorities of the alerting service."""

from wagtail.permission_policies import ModelPermissionPolicy

from portal.groups import ALERT_APPROVERS, ALERT_AUTHORS

AUTHORITY_GROUPS = (ALERT_AUTHORS, ALERT_APPROVERS)


def user_is_authority(user) -> bool:
    """Alert authors, alert approvers and superusers act for the authority."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=AUTHORITY_GROUPS).exists()


def user_can_see_partner_contacts(user) -> bool:
    return user_is_authority(user)


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Training registrations: made by the public form only (never added in the admin, so
    the capacity rule always applies); authorities and users with the model permissions may
    read, correct and delete them."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return user_is_authority(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
