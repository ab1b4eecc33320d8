"""The versions of an alert's outgoing content that the history keeps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertVersion(models.Model):
    """What an alert would send (`alerts.outgoing.outgoing_payload`), as it stood when it
    was submitted, sent back or approved: the approver's fingerprint points at one, and a
    rejected version stays readable with its reason in the event log."""

    alert = models.ForeignKey(
        "alerts.Alert", on_delete=models.CASCADE, related_name="versions", verbose_name=_("alert")
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    payload = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "fingerprint"], name="alert_version_one_per_fingerprint"
            )
        ]
        verbose_name = _("alert version")
        verbose_name_plural = _("alert versions")

    def __str__(self) -> str:
        return f"{self.alert_id} {self.fingerprint[:12]}"

    @property
    def short(self) -> str:
        return self.fingerprint[:12]
