"""The pre-approved texts that one approver may send alone to end an incident."""

import hashlib
import json
import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = ("event", "area")
TEXT_FIELDS = ("headline", "description", "instruction", "sms_text")


def texts_fingerprint(kind: str, version: int, texts: dict) -> str:
    """What a second person approves: this kind, this version, these exact texts."""
    canonical = json.dumps([kind, version, texts], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class FastTrackKind(models.TextChoices):
    ALL_CLEAR = "all_clear", _("All-clear")
    CORRECTION = "correction", _("Sent in error")


class FastTrackText(models.Model):
    """One version of a fast-track text (FR, NL, EN). A version proposed by one person
    takes effect once another approves it, against the fingerprint they saw; the
    fast-track always sends the latest approved version."""

    kind = models.CharField(_("kind"), max_length=12, choices=FastTrackKind.choices)
    version = models.PositiveIntegerField(_("version"))
    # {language: {headline, description, instruction, sms_text}} with {event} and {area}.
    texts = models.JSONField(_("texts"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="fast_track_text_version")
        ]
        verbose_name = _("fast-track text")
        verbose_name_plural = _("fast-track texts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def filled(self, language: str, values: dict) -> dict:
        """The texts of one language with {event} and {area} replaced, in one pass (a
        value is never read as a placeholder itself)."""
        texts = self.texts.get(language) or {}
        return {
            name: PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), texts.get(name, ""))
            for name in TEXT_FIELDS
        }
