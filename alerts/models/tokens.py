"""Tokens for partner systems that post CAP messages to the import endpoint."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ImportToken(models.Model):
    name = models.CharField(_("name"), max_length=120)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("acts as"),
        help_text=_("Imported alerts are authored and submitted in this account's name."),
    )
    signing_certificate = models.TextField(
        _("signing certificate"),
        blank=True,
        help_text=_(
            "PEM certificate of this partner's CAP signing key. When set, every document "
            "posted with this token must carry a valid XML signature made with it."
        ),
    )
    senders = models.TextField(
        _("senders"),
        blank=True,
        help_text=_(
            "The CAP <sender> values this partner sends as, one per line. A document with "
            "another sender is refused. Empty: any sender (not recommended)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("CAP import token")
        verbose_name_plural = _("CAP import tokens")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def issue(
        cls, *, name: str, user, signing_certificate: str = "", senders=()
    ) -> tuple["ImportToken", str]:
        """A new token; the raw value is returned once and only its hash is stored."""
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(
            name=name,
            user=user,
            token_hash=hash_token(raw),
            signing_certificate=signing_certificate,
            senders="\n".join(sender.strip() for sender in senders if sender.strip()),
        )
        return token, raw

    @property
    def sender_list(self) -> list[str]:
        return [line.strip() for line in self.senders.splitlines() if line.strip()]

    def allows_sender(self, sender: str) -> bool:
        """<sender> is only text in the document: a token bound to its partner's senders
        keeps another partner's name off what the approvers read."""
        allowed = self.sender_list
        return not allowed or sender in allowed

    @classmethod
    def authenticate(cls, raw: str):
        if not raw:
            return None
        return (
            cls.objects.filter(token_hash=hash_token(raw), is_active=True)
            .select_related("user")
            .first()
        )
