"""The network: partner organisations, what they can mobilise, and whom to call there."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alerts.subscriptions.models import Language

BRUSSELS = ZoneInfo("Europe/Brussels")


class ResourceType(models.Model):
    """One kind of resource a partner can provide (shelter places, buses, interpreters in
    Arabic…): a vocabulary the region extends in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    unit_fr = models.CharField(_("unit (French)"), max_length=40, blank=True)
    unit_nl = models.CharField(_("unit (Dutch)"), max_length=40, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=40, blank=True)

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")

    def __str__(self) -> str:
        return self.name_in(translation.get_language())

    def name_in(self, language: str | None) -> str:
        language = (language or "fr")[:2]
        if language == "nl":
            return self.name_nl
        if language == "en" and self.name_en:
            return self.name_en
        return self.name_fr

    def unit_in(self, language: str | None) -> str:
        language = (language or "fr")[:2]
        if language == "nl":
            return self.unit_nl
        if language == "en" and self.unit_en:
            return self.unit_en
        return self.unit_fr


class Availability(models.TextChoices):
    ALWAYS = "always", _("Around the clock (24/7)")
    HOURS = "hours", _("During set hours")


class NetworkPartner(models.Model):
    """A partner organisation the crisis centre may mobilise. Not a page: one record per
    organisation whatever the languages of its public page."""

    name = models.CharField(_("organisation"), max_length=200)
    language = models.CharField(
        _("language of messages"), max_length=2, choices=Language.choices, default=Language.FR
    )
    page = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("public page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    whole_region = models.BooleanField(_("covers the whole region"), default=False)
    communes = models.ManyToManyField(
        "alerts.Commune", verbose_name=_("communes covered"), related_name="+", blank=True
    )
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability.choices, default=Availability.ALWAYS
    )
    available_from = models.TimeField(_("available from"), null=True, blank=True)
    available_until = models.TimeField(_("available until"), null=True, blank=True)
    #: the last time the partner (or staff) confirmed the entry is current
    reviewed_at = models.DateTimeField(_("last confirmed current"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")

    def __str__(self) -> str:
        return self.name

    def is_available_at(self, moment: datetime) -> bool:
        """24/7, or the local (Brussels) time of `moment` within the hours, which may wrap
        midnight (20:00–06:00)."""
        if self.availability == Availability.ALWAYS:
            return True
        start, end = self.available_from, self.available_until
        if start is None or end is None:
            return False
        local: time = moment.astimezone(BRUSSELS).time()
        if start <= end:
            return start <= local < end
        return local >= start or local < end

    def is_stale_at(self, moment: datetime) -> bool:
        """Not confirmed current for longer than MOBILISATION_STALE_AFTER_DAYS (a quarter
        and a week of grace by default): flagged to the crisis centre."""
        if self.reviewed_at is None:
            return True
        return (moment - self.reviewed_at) > timedelta(days=stale_after_days())


class PartnerCapability(models.Model):
    partner = models.ForeignKey(
        NetworkPartner, on_delete=models.CASCADE, related_name="capabilities"
    )
    resource_type = models.ForeignKey(
        ResourceType, verbose_name=_("resource"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["resource_type__name_fr"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "resource_type"], name="mobilisation_one_capability_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.resource_type}"


class PartnerContact(models.Model):
    """One person to call at a partner, in order: the first is asked first, the next when
    the first does not answer in time. Their addresses are the contact points of a
    partner-audience subscriber, confirmed by double opt-in like a citizen's."""

    partner = models.ForeignKey(NetworkPartner, on_delete=models.CASCADE, related_name="contacts")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    subscriber = models.OneToOneField(
        "subscriptions.Subscriber",
        on_delete=models.PROTECT,
        related_name="network_contact",
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["partner", "position", "pk"]
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"

    @property
    def language(self) -> str:
        return self.subscriber.language


def stale_after_days() -> int:
    return settings.MOBILISATION_STALE_AFTER_DAYS
