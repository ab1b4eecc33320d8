"""Planned tests and exercises announced to the public, and the reach reports published
after them (a snapshot of the delivery figures, frozen when published)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alerts.subscriptions.models import ChannelName

LANGUAGES = ("fr", "nl", "en")


class ChannelsField(models.JSONField):
    """The channels a test uses, stored as a list of channel keys and edited as boxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=ChannelName.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def _in_language(obj, prefix: str, language: str | None = None) -> str:
    """The field in the reader's language, else French (FR and NL are mandatory)."""
    language = (language or translation.get_language() or "fr")[:2]
    return getattr(obj, f"{prefix}_{language}", "") or getattr(obj, f"{prefix}_fr")


class PlannedTest(models.Model):
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    whole_region = models.BooleanField(_("whole region"), default=False)
    communes = models.ManyToManyField(
        "alerts.Commune", verbose_name=_("communes"), blank=True, related_name="+"
    )
    channels = ChannelsField(_("channels tested"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("planned test")
        verbose_name_plural = _("planned tests")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A test must end after it starts.")})

    @property
    def title(self) -> str:
        return _in_language(self, "title")

    @property
    def description(self) -> str:
        return _in_language(self, "description")

    def area_names(self, language: str | None = None) -> list[str]:
        """The communes in the reader's language (French for English), or the region."""
        language = (language or translation.get_language() or "fr")[:2]
        if self.whole_region:
            with translation.override(language):
                return [str(_("the whole Brussels-Capital Region"))]
        field = "name_nl" if language == "nl" else "name_fr"
        return [getattr(commune, field) for commune in self.communes.all()]


class PublishedReachReport(models.Model):
    """The reach of one exercise or test alert as published: the figures are copied in when
    it is published and never read from the ledger again, so the public page stays as it
    was published whatever the ledger does afterwards."""

    alert = models.OneToOneField(
        "alerts.Alert",
        on_delete=models.PROTECT,
        related_name="reach_report",
        verbose_name=_("alert"),
    )
    planned_test = models.ForeignKey(
        PlannedTest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("planned test"),
    )
    #: the alert's headline per language when published (fr, nl, en)
    headlines = models.JSONField(_("headlines"), default=dict)
    alert_sent = models.DateTimeField(_("alert sent"), null=True)
    #: one dict per (channel, language): see alerts.delivery.selectors.ReachRow
    figures = models.JSONField(_("figures"), default=list)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    # Kept even if the account is later deleted.
    published_by_name = models.CharField(_("published by (name)"), max_length=150)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("published reach report")
        verbose_name_plural = _("published reach reports")

    def __str__(self) -> str:
        return self.headline

    @property
    def headline(self) -> str:
        language = (translation.get_language() or "fr")[:2]
        return self.headlines.get(language) or self.headlines.get("fr", "")
