"""The alert: one CAP 1.2 message holding one `info` per language (FR, NL mandatory)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from alerts import geometry
from alerts.audiences import Audience, audience_for
from alerts.cap_vocab import (
    Category,
    Certainty,
    MsgType,
    ResponseType,
    Scope,
    Severity,
    Status,
    Urgency,
)

from .geography import Commune

# Status and scope a composer may choose (System, Draft and Private are not for the public).
STATUS_CHOICES = [
    (Status.ACTUAL.value, Status.ACTUAL.label),
    (Status.EXERCISE.value, Status.EXERCISE.label),
    (Status.TEST.value, Status.TEST.label),
]
SCOPE_CHOICES = [
    (Scope.PUBLIC.value, Scope.PUBLIC.label),
    (Scope.RESTRICTED.value, Scope.RESTRICTED.label),
]
INFO_LANGUAGES = ("fr", "nl", "en")
REQUIRED_INFO_LANGUAGES = ("fr", "nl")
# The marker every output of an exercise or a test carries, in the three languages; GSM-7
# only (a hyphen, not a dash), so that it never turns an SMS into UCS-2.
EXERCISE_MARKER = "EXERCICE / OEFENING / EXERCISE"
TEST_MARKER = f"TEST - {EXERCISE_MARKER}"


def new_identifier() -> str:
    """A globally unique CAP identifier (no spaces, commas or restricted characters)."""
    return f"BE-BRU-LUX-{uuid.uuid4()}"


class AlertState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


def parse_polygons(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AlertQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(state=AlertState.SENT)

    def published(self):
        """What citizens may see: approved and handed over for sending (the site shows an
        alert at once, without waiting for the delivery workers) or sent, public scope,
        real alerts and announced exercises."""
        return self.filter(
            state__in=PUBLISHED_STATES,
            scope=Scope.PUBLIC,
            status__in=[Status.ACTUAL, Status.EXERCISE],
        )


# An alert is public from the moment it is handed over for sending.
PUBLISHED_STATES = (AlertState.SENDING, AlertState.SENT)

# CAP: once an alert is sent, these identify it for ever (a change would be a new alert).
FROZEN_FIELDS = frozenset({"identifier", "sender", "sent"})


def _workflow_user():
    """Who wrote, submitted or approved an alert: kept when the account is gone (null)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class Alert(models.Model):
    # CAP alert block
    identifier = models.CharField(
        _("identifier"), max_length=200, unique=True, default=new_identifier, editable=False
    )
    sender = models.CharField(_("sender"), max_length=200, blank=True)
    sent = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=Status.ACTUAL
    )
    msg_type = models.CharField(
        _("message type"), max_length=10, choices=MsgType.choices, default=MsgType.ALERT
    )
    scope = models.CharField(_("scope"), max_length=12, choices=SCOPE_CHOICES, default=Scope.PUBLIC)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        editable=False,
    )
    references = models.ForeignKey(
        "self",
        verbose_name=_("updates or cancels"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followups",
    )
    thread_root = models.ForeignKey(
        "self",
        verbose_name=_("first message of the incident"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="thread_messages",
        editable=False,
    )
    correction = models.BooleanField(
        _("sent-in-error correction"),
        default=False,
        editable=False,
        help_text=_("This cancel says the message it ends was sent in error."),
    )
    external_reference = models.CharField(
        _("imported from"),
        max_length=500,
        blank=True,
        help_text=_("sender,identifier,sent of the CAP message this alert was imported from"),
    )
    # The partner's own name for an imported message, so that its later Update or
    # Cancel (whose <references> give sender,identifier,sent) finds this alert.
    partner_sender = models.CharField(_("partner sender"), max_length=200, blank=True)
    partner_identifier = models.CharField(_("partner identifier"), max_length=200, blank=True)
    partner_sent = models.CharField(_("partner sent"), max_length=40, blank=True)
    # CAP info fields common to every language
    category = models.CharField(
        _("category"), max_length=10, choices=Category.choices, default=Category.SAFETY
    )
    event = models.CharField(_("event"), max_length=200)
    response_type = models.CharField(
        _("response type"), max_length=10, choices=ResponseType.choices, blank=True
    )
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.IMMEDIATE
    )
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.SEVERE
    )
    certainty = models.CharField(
        _("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.OBSERVED
    )
    effective = models.DateTimeField(_("effective"), null=True, blank=True)
    onset = models.DateTimeField(_("onset"), null=True, blank=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)
    # Area
    whole_region = models.BooleanField(_("whole region"), default=False)
    communes = models.ManyToManyField(Commune, verbose_name=_("communes"), blank=True)
    polygons = models.TextField(
        _("polygons"),
        blank=True,
        help_text=_(
            "One polygon per line, CAP form: 'lat,lon lat,lon …' (WGS 84), at least four "
            "pairs, the first equal to the last."
        ),
    )
    circles = models.TextField(
        _("circles"),
        blank=True,
        help_text=_("One circle per line, CAP form: 'lat,lon radius' (radius in km)."),
    )
    geocodes = models.TextField(
        _("other geocodes"),
        blank=True,
        editable=False,
        help_text=_(
            "Geocodes a partner sent that name no commune here (EMMA_ID, NUTS of other "
            "regions…), one 'valueName=value' per line, republished as received."
        ),
    )
    # Workflow
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=AlertState.choices,
        default=AlertState.DRAFT,
        editable=False,
    )
    created_by = _workflow_user()
    submitted_by = _workflow_user()
    approved_by = _workflow_user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner_sender", "partner_identifier"],
                condition=~models.Q(partner_identifier=""),
                name="alert_unique_partner_message",
            )
        ]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        info = self.info_for()
        return info.headline if info else self.event

    def save(self, *args, **kwargs):
        # The audience is never chosen: exercises and tests always go to the test audience.
        self.audience = audience_for(self.status, self.scope)
        if not self.sender:
            self.sender = settings.CAP_SENDER
        update_fields = kwargs.get("update_fields")
        touches_frozen = update_fields is None or not FROZEN_FIELDS.isdisjoint(update_fields)
        if self.pk and touches_frozen:
            stored = Alert.objects.filter(pk=self.pk).values("identifier", "sender", "sent").first()
            if (
                stored
                and stored["sent"] is not None
                and (stored["identifier"], stored["sender"], stored["sent"])
                != (self.identifier, self.sender, self.sent)
            ):
                raise ValidationError(
                    _("The identifier, sender and sent time of a sent alert never change.")
                )
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        # The audience is never chosen: it follows from status and scope.
        self.audience = audience_for(self.status, self.scope)
        if self.status not in (Status.ACTUAL, Status.EXERCISE, Status.TEST):
            errors["status"] = _("Choose Actual, Exercise or Test.")
        polygon_problems = geometry.validate_polygons(self.polygons)
        if polygon_problems:
            errors["polygons"] = polygon_problems
        circle_problems = geometry.validate_circles(self.circles)
        if circle_problems:
            errors["circles"] = circle_problems
        if self.msg_type in (MsgType.UPDATE, MsgType.CANCEL) and not (
            self.references_id or self.external_reference
        ):
            errors["msg_type"] = _("An update or a cancel must reference the alert it follows.")
        if self.expires and self.effective and self.expires <= self.effective:
            errors["expires"] = _("The alert must expire after it becomes effective.")
        if errors:
            raise ValidationError(errors)

    # --- helpers -------------------------------------------------------------------
    @property
    def is_exercise(self) -> bool:
        return self.status in (Status.EXERCISE, Status.TEST)

    @property
    def marker(self) -> str:
        """The words every output of a non-live alert starts with; empty when live."""
        if self.status == Status.EXERCISE:
            return EXERCISE_MARKER
        if self.status == Status.TEST:
            return TEST_MARKER
        return ""

    @property
    def message_kind(self) -> str:
        """What this message is, for people: a correction says it, not only "Cancel"."""
        if self.correction:
            return _("Sent in error")
        return self.get_msg_type_display()

    @property
    def is_editable(self) -> bool:
        return self.state == AlertState.DRAFT

    def infos_by_language(self) -> dict:
        return {info.language: info for info in self.infos.all()}

    def info_for(self, language: str | None = None):
        """The info in the given (or active) language, falling back to French."""
        language = (language or translation.get_language() or "fr")[:2]
        infos = self.infos_by_language()
        return infos.get(language) or infos.get("fr") or next(iter(infos.values()), None)

    def area_description(self, language: str) -> str:
        with translation.override(language):
            if self.whole_region:
                return {
                    "fr": "Région de Bruxelles-Capitale",
                    "nl": "Brussels Hoofdstedelijk Gewest",
                }.get(language, "Brussels-Capital Region")
            names = [commune.name for commune in self.communes.all()]
            if not names and (self.polygons or self.circles):
                return {"fr": "Zone délimitée", "nl": "Afgebakende zone"}.get(
                    language, "Delimited area"
                )
            return ", ".join(names)

    @property
    def has_area(self) -> bool:
        return bool(
            self.whole_region
            or parse_polygons(self.polygons)
            or parse_polygons(self.circles)
            or (self.pk and bool(self.communes.all()))
        )

    @property
    def is_expired(self) -> bool:
        return bool(self.expires and self.expires <= timezone.now())


class AlertInfo(models.Model):
    """The CAP `info` block of one language."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="infos")
    #: fr, nl or en (the portal's languages, written in the composer); another language's
    #: block ("de" from a MeteoAlarm warning) comes only from an imported document and is
    #: republished in our CAP as received
    language = models.CharField(
        _("language"),
        max_length=3,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("A language code such as fr, nl or de."))],
    )
    event = models.CharField(
        _("event"),
        max_length=200,
        blank=True,
        help_text=_("The event in this language (CAP <event> of this text)."),
    )
    headline = models.CharField(_("headline"), max_length=160)
    description = models.TextField(_("description"))
    instruction = models.TextField(_("instruction"), blank=True)
    sms_text = models.TextField(
        _("SMS text"),
        help_text=_("Short text for SMS; keep it within one or two segments."),
    )
    web_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guidance page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["alert", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "language"], name="alert_info_one_per_language"
            )
        ]
        verbose_name = _("alert text")
        verbose_name_plural = _("alert texts")

    def __str__(self) -> str:
        return f"{self.language}: {self.headline}"

    @property
    def event_name(self) -> str:
        return self.event or self.alert.event

    @property
    def cap_language(self) -> str:
        return {"fr": "fr-BE", "nl": "nl-BE", "en": "en"}.get(self.language, self.language)

    @property
    def is_republished_only(self) -> bool:
        """A language the portal does not write or show: kept from an imported document
        and republished in our CAP only."""
        return self.language not in INFO_LANGUAGES
