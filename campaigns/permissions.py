"""Who may see what the public may not: the authorities of the alerting service."""

from django.utils.translation import gettext_lazy as _

ALERT_AUTHORS = "Alert authors"
ALERT_APPROVERS = "Alert approvers"
AUTHORITY_GROUPS = (ALERT_AUTHORS, ALERT_APPROVERS)
# Group names, extracted for translators of the admin; stored untranslated.
GROUP_LABELS = {ALERT_AUTHORS: _("Alert authors"), ALERT_APPROVERS: _("Alert approvers")}


def user_is_authority(user) -> bool:
    """Alert authors, alert approvers and superusers act for the authority."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=AUTHORITY_GROUPS).exists()


def user_can_see_partner_contacts(user) -> bool:
    return user_is_authority(user)
