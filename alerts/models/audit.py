"""The audit log of alerts: who did what, when, to which alert."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertAction(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    SUBMITTED = "submitted", _("Submitted for approval")
    REJECTED = "rejected", _("Sent back to the author")
    APPROVED = "approved", _("Approved")
    SENDING = "sending", _("Handed over for sending")
    SENT = "sent", _("Sent")
    IMPORTED = "imported", _("Imported from CAP")
    CANCEL_FAST_TRACK = "cancel_fast_track", _("All-clear approved by a single approver")
    REFUSED = "refused", _("Action refused")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")


class AlertEvent(models.Model):
    alert = models.ForeignKey(
        "alerts.Alert", on_delete=models.CASCADE, related_name="events", verbose_name=_("alert")
    )
    action = models.CharField(_("action"), max_length=20, choices=AlertAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    # Kept even if the account is later deleted.
    username = models.CharField(_("user name"), max_length=150, blank=True)
    from_state = models.CharField(_("from state"), max_length=10, blank=True)
    to_state = models.CharField(_("to state"), max_length=10, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    # The content this step was about (submitted, sent back or approved).
    version = models.ForeignKey(
        "alerts.AlertVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("version"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("alert event")
        verbose_name_plural = _("alert events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username} {self.action}"
