"""Who a message may reach: the one vocabulary of alerts and subscribers, and the rule.

An alert's audience and a subscriber's audience are the same three words, so targeting
compares them as they are. The rule that exercises and tests never reach the public is
`audience_for`, and only there: the alert stores what it gives, and targeting asks it
again from the alert's status and scope at fan-out, so no stored value can send an
exercise to the public.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alerts.cap_vocab import Scope, Status


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public")
    TEST = "test", _("Test audience (staff and volunteers)")
    PARTNER = "partner", _("Partner network")


def audience_for(status: str, scope: str) -> str:
    """Exercise and Test go to the test audience only, whatever the scope; a Restricted
    alert to the partner network; an Actual Public alert to the public."""
    if status in (Status.EXERCISE, Status.TEST):
        return Audience.TEST
    if scope == Scope.RESTRICTED:
        return Audience.PARTNER
    return Audience.PUBLIC
