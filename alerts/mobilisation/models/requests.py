"""Mobilisation requests, the partners asked, their answers, and the audit trail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alerts.cap_vocab import Status

from .network import NetworkPartner, PartnerContact, ResourceType

DEFAULT_ESCALATE_AFTER_MINUTES = 10


class RequestState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class MobilisationRequest(models.Model):
    """What the crisis centre asks of a selection of partners: what, where, from when."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=[(Status.ACTUAL, Status.ACTUAL.label), (Status.EXERCISE, Status.EXERCISE.label)],
        default=Status.ACTUAL,
    )
    need_fr = models.TextField(_("what is needed (French)"), max_length=600)
    need_nl = models.TextField(_("what is needed (Dutch)"), max_length=600)
    need_en = models.TextField(_("what is needed (English)"), max_length=600, blank=True)
    resource_type = models.ForeignKey(
        ResourceType,
        verbose_name=_("resource"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity_needed = models.PositiveIntegerField(_("quantity needed"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=200)
    communes = models.ManyToManyField(
        "alerts.Commune", verbose_name=_("communes"), related_name="+", blank=True
    )
    needed_from = models.DateTimeField(_("needed from"))
    escalate_after_minutes = models.PositiveSmallIntegerField(
        _("minutes before asking the next contact"), default=DEFAULT_ESCALATE_AFTER_MINUTES
    )
    #: the incident this request serves: the first alert of its thread
    incident = models.ForeignKey(
        "alerts.Alert",
        verbose_name=_("incident"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    centre_phone = models.CharField(_("crisis centre telephone"), max_length=40, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=RequestState.choices, default=RequestState.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mobilisation request")
        verbose_name_plural = _("mobilisation requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.need_in(translation.get_language())[:60]}"

    @property
    def is_exercise(self) -> bool:
        return self.status == Status.EXERCISE

    def need_in(self, language: str | None) -> str:
        language = (language or "fr")[:2]
        if language == "nl":
            return self.need_nl
        if language == "en" and self.need_en:
            return self.need_en
        return self.need_fr


class TargetState(models.TextChoices):
    ASKING = "asking", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    UNREACHED = "unreached", _("Unreached (every contact asked)")
    CLOSED = "closed", _("Request closed")


class Answer(models.TextChoices):
    AVAILABLE = "available", _("Available")
    UNAVAILABLE = "unavailable", _("Not available")
    CALL_ME = "call_me", _("Call me")


class MobilisationTarget(models.Model):
    """One partner asked by one request: which of its contacts is being asked, since
    when, and the partner's answer (the latest from any of its contacts)."""

    request = models.ForeignKey(
        MobilisationRequest, on_delete=models.CASCADE, related_name="targets"
    )
    partner = models.ForeignKey(NetworkPartner, on_delete=models.PROTECT, related_name="+")
    #: the contact asked last (escalation moves it down the partner's list, never back)
    contact = models.ForeignKey(
        PartnerContact, null=True, on_delete=models.PROTECT, related_name="+"
    )
    contact_position = models.PositiveSmallIntegerField(default=0)
    contacts_asked = models.PositiveSmallIntegerField(default=0)
    asked_at = models.DateTimeField(null=True)
    state = models.CharField(max_length=10, choices=TargetState.choices, default=TargetState.ASKING)
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    quantity = models.PositiveIntegerField(null=True, blank=True)
    first_answer_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        PartnerContact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "partner"], name="mobilisation_partner_once_per_request"
            )
        ]
        indexes = [
            models.Index(
                fields=["asked_at"], condition=Q(state="asking"), name="mobilisation_escalation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.partner}: {self.state}"


class MobilisationEvent(models.Model):
    """The audit trail: who sent, who was asked, every answer (each one, not only the
    one that stands), escalations, closing."""

    class Action(models.TextChoices):
        SENT = "sent", _("Request sent")
        ASKED = "asked", _("Contact asked")
        ANSWERED = "answered", _("Answer received")
        UNREACHED = "unreached", _("No contact left to ask")
        CLOSED = "closed", _("Request closed")

    request = models.ForeignKey(
        MobilisationRequest, on_delete=models.CASCADE, related_name="events"
    )
    target = models.ForeignKey(
        MobilisationTarget, null=True, on_delete=models.CASCADE, related_name="events"
    )
    contact = models.ForeignKey(
        PartnerContact, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    quantity = models.PositiveIntegerField(null=True, blank=True)
    #: how: "link", "sms keyword", "admin", "escalation"…
    via = models.CharField(max_length=20, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%H:%M:%S} {self.action}"
