"""Pre-written alert templates, so an authority composes an alert in a few clicks."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from alerts.cap_vocab import Category, Certainty, ResponseType, Severity, Urgency

from .alerts import INFO_LANGUAGES


class AlertTemplate(ClusterableModel):
    slug = models.SlugField(_("slug"), unique=True)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    event = models.CharField(_("event"), max_length=200)
    response_type = models.CharField(
        _("response type"), max_length=10, choices=ResponseType.choices, blank=True
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices)
    duration_hours = models.PositiveSmallIntegerField(_("default duration (hours)"), default=6)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("event"),
        FieldPanel("response_type"),
        FieldPanel("urgency"),
        FieldPanel("severity"),
        FieldPanel("certainty"),
        FieldPanel("duration_hours"),
        FieldPanel("sort_order"),
        InlinePanel("texts", label=_("texts per language"), min_num=2, max_num=3),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("alert template")
        verbose_name_plural = _("alert templates")

    def __str__(self) -> str:
        text = self.text_for()
        return text.name if text else self.slug

    def text_for(self, language: str | None = None):
        language = (language or translation.get_language() or "fr")[:2]
        texts = {text.language: text for text in self.texts.all()}
        return texts.get(language) or texts.get("fr")


class AlertTemplateText(models.Model):
    template = ParentalKey(AlertTemplate, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(
        _("language"), max_length=2, choices=[(c, c.upper()) for c in INFO_LANGUAGES]
    )
    name = models.CharField(_("name"), max_length=120)
    event = models.CharField(
        _("event"), max_length=200, blank=True, help_text=_("The event in this language.")
    )
    headline = models.CharField(_("headline"), max_length=160)
    description = models.TextField(_("description"))
    instruction = models.TextField(_("instruction"), blank=True)
    sms_text = models.TextField(_("SMS text"))

    panels = [
        FieldPanel("language"),
        FieldPanel("name"),
        FieldPanel("event"),
        FieldPanel("headline"),
        FieldPanel("description"),
        FieldPanel("instruction"),
        FieldPanel("sms_text"),
    ]

    class Meta:
        ordering = ["template", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "language"], name="alert_template_text_one_per_language"
            )
        ]
        verbose_name = _("template text")
        verbose_name_plural = _("template texts")

    def __str__(self) -> str:
        return f"{self.language}: {self.name}"
