"""The delivery ledger: one row per (alert, contact point), the source of truth of fan-out.

Rows are created in bulk from the targeting select (conflicts ignored: dispatching twice
creates nothing), claimed in batches by workers, and closed with the provider's answer.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Not sent: alert ended")


OPEN_STATES = (DeliveryState.QUEUED, DeliveryState.SENDING)
# The order a row may move in; a status callback never moves a row backwards.
STATE_RANK = {
    DeliveryState.QUEUED: 0,
    DeliveryState.SENDING: 1,
    DeliveryState.SENT: 2,
    DeliveryState.DELIVERED: 3,
    DeliveryState.FAILED: 3,
    DeliveryState.CANCELLED: 3,
}


class Priority(models.IntegerChoices):
    CORRECTION = 0, _("Sent-in-error correction")
    CANCEL = 1, _("All-clear / cancel")
    EXTREME = 2, _("Extreme")
    SEVERE = 3, _("Severe")
    OTHER = 4, _("Other")


class Delivery(models.Model):
    # Fan-out inserts a million rows in one statement: no per-row foreign-key triggers and
    # no index beyond the three the ledger is read by (primary key, the unique
    # (alert, contact point) key, the claim index). Rows only ever point at rows that
    # existed when they were created; alerts are never deleted.
    #: the message is an alert, or (alert empty) a mobilisation request to a partner
    #: contact (alerts/mobilisation/); see sources.py for how its text is built
    alert = models.ForeignKey(
        "alerts.Alert",
        on_delete=models.PROTECT,
        null=True,
        related_name="deliveries",
        db_constraint=False,
        db_index=False,
    )
    mobilisation = models.ForeignKey(
        "mobilisation.MobilisationTarget",
        on_delete=models.PROTECT,
        null=True,
        related_name="deliveries",
        db_constraint=False,
        db_index=False,
    )
    # Erasing a subscriber leaves the anonymous row (a dangling number, nothing personal)
    # for the delivery figures; a row whose contact point is gone is never sent.
    contact_point = models.ForeignKey(
        "subscriptions.ContactPoint",
        on_delete=models.DO_NOTHING,
        null=True,
        related_name="deliveries",
        db_constraint=False,
        db_index=False,
    )
    channel = models.CharField(_("channel"), max_length=5)
    language = models.CharField(_("language"), max_length=2)
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.OTHER
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    #: the last attempt may have reached the provider: look it up before any resend
    ambiguous = models.BooleanField(_("outcome unknown"), default=False)
    provider_id = models.CharField(_("provider id"), max_length=200, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "contact_point"], name="delivery_once_per_contact_point"
            ),
            # A partner contact's address is asked once per partner and request, however
            # often escalation runs.
            models.UniqueConstraint(
                fields=["mobilisation", "contact_point"],
                condition=Q(mobilisation__isnull=False),
                name="delivery_mobilisation_once",
            ),
            models.CheckConstraint(
                condition=(Q(alert__isnull=False) & Q(mobilisation__isnull=True))
                | (Q(alert__isnull=True) & Q(mobilisation__isnull=False)),
                name="delivery_alert_or_mobilisation",
            ),
        ]
        indexes = [
            models.Index(
                fields=["channel", "priority", "next_attempt_at", "id"],
                condition=Q(state="queued"),
                name="delivery_claimable",
            ),
            models.Index(
                fields=["lease_until"], condition=Q(state="sending"), name="delivery_leased"
            ),
            models.Index(
                fields=["provider_id"], condition=~Q(provider_id=""), name="delivery_provider"
            ),
        ]

    def __str__(self) -> str:
        message = self.alert_id or f"m{self.mobilisation_id}"
        return f"{message} → {self.channel} #{self.contact_point_id}: {self.state}"
