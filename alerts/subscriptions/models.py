"""Citizen subscriptions: who wants which alerts, where, in which language, on which channel.

We store the minimum: no names for the public, no IP addresses, no free text beyond a place
label and a partner's organisation name. Targeting joins
commune → Place → Subscriber → ContactPoint (active and confirmed); see selectors.py.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alerts.audiences import Audience
from alerts.cap_vocab import Category


class Language(models.TextChoices):
    FR = "fr", "Français"
    NL = "nl", "Nederlands"
    EN = "en", "English"


class ChannelName(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    PUSH = "push", _("Web push notification")
    VOICE = "voice", _("Voice call")


class DeactivationReason(models.TextChoices):
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed (link or button)")
    STOP = "stop", _("STOP keyword by SMS")
    GONE = "gone", _("Address no longer exists (provider)")
    REPLACED = "replaced", _("Replaced by a newer subscription")


class Subscriber(models.Model):
    language = models.CharField(
        _("language of messages"), max_length=2, choices=Language.choices, default=Language.FR
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For partner network contacts only."),
    )
    #: a partner network contact: the partner organisation's page, when it has one
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_contacts",
    )
    #: Category values (alerts.cap_vocab.Category). Extreme and severe alerts reach the
    #: subscriber whatever this list holds (ALWAYS_DELIVERED_SEVERITIES).
    topics = models.JSONField(_("topics"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["audience", "language"], name="subs_audience_language")]
        permissions = [("view_subscriber_stats", _("Can view subscriber statistics"))]

    def __str__(self) -> str:
        if self.organisation:
            return f"{self.organisation} (#{self.pk})"
        return _("Subscriber #%(id)s") % {"id": self.pk}

    @property
    def topic_labels(self) -> list[str]:
        labels = dict(Category.choices)
        return [str(labels.get(topic, topic)) for topic in self.topics]


class ContactPoint(models.Model):
    """One address of a subscriber on one channel. Only active *and* confirmed ones are
    ever sent alerts (selectors.confirmed_contact_points)."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="contact_points"
    )
    channel = models.CharField(_("channel"), max_length=5, choices=ChannelName.choices)
    #: the subscriber's audience, kept here for the uniqueness of live addresses: a person
    #: may be a citizen subscriber and a partner contact with the same phone, one contact
    #: point each (set from the subscriber when the contact point is created)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        editable=False,
    )
    #: lowercased email, E.164 number, or the push endpoint URL
    address = models.CharField(_("address"), max_length=1000)
    #: push only: {"p256dh": ..., "auth": ...}
    push_keys = models.JSONField(_("push keys"), default=dict, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)
    deactivated_reason = models.CharField(
        _("reason for deactivation"), max_length=20, blank=True, choices=DeactivationReason.choices
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    #: push only, opt-in "alert me where I am": the browser's last position, rounded on a
    #: grid of about 500 m (services.round_position), and when it was sent; it counts
    #: for targeting while fresher than SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS, and is erased
    #: on request and when the contact point is deactivated
    position_latitude = models.FloatField(_("position latitude"), null=True, blank=True)
    position_longitude = models.FloatField(_("position longitude"), null=True, blank=True)
    position_at = models.DateTimeField(_("position updated"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        constraints = [
            # One live subscription per address, channel and audience; a second sign-up
            # with the same address is merged into one subscriber when it is confirmed.
            models.UniqueConstraint(
                fields=["channel", "address", "audience"],
                condition=Q(active=True, confirmed_at__isnull=False),
                name="subs_unique_confirmed_address",
            )
        ]
        indexes = [
            # targeting: a subscriber's deliverable contact points
            models.Index(
                fields=["subscriber", "channel"],
                condition=Q(active=True, confirmed_at__isnull=False),
                name="subs_cp_deliverable",
            ),
            models.Index(fields=["channel", "address"], name="subs_cp_lookup"),
            # the purge of unconfirmed contact points
            models.Index(
                fields=["created_at"],
                condition=Q(confirmed_at__isnull=True),
                name="subs_cp_pending",
            ),
            # targeting: positioned push contact points inside a drawn area's bounding box
            models.Index(
                fields=["position_latitude", "position_longitude", "position_at"],
                condition=Q(position_at__isnull=False),
                name="subs_cp_position",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.display_address}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.subscriber_id is not None:
            self.audience = self.subscriber.audience
        super().save(*args, **kwargs)

    @property
    def display_address(self) -> str:
        if self.channel == ChannelName.PUSH:
            return _("this browser (%(host)s)") % {"host": self.address.split("/")[2]}
        return self.address

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def subscription_info(self) -> dict:
        """The push subscription as pywebpush wants it."""
        return {"endpoint": self.address, "keys": self.push_keys}


class Place(models.Model):
    """A place a subscriber watches: some communes, the whole region, or a precise point."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="places")
    label = models.CharField(_("label"), max_length=80, blank=True)
    whole_region = models.BooleanField(_("whole region"), default=False)
    communes = models.ManyToManyField(
        "alerts.Commune", verbose_name=_("communes"), related_name="subscriber_places", blank=True
    )
    #: from the browser's geolocation, rounded to about 100 m, for polygon alerts
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["subscriber"], condition=Q(whole_region=True), name="subs_place_region"
            ),
            models.Index(
                fields=["latitude", "longitude"],
                condition=Q(latitude__isnull=False),
                name="subs_place_point",
            ),
        ]

    def __str__(self) -> str:
        return self.label or _("Place #%(id)s") % {"id": self.pk}


class ConsentAction(models.TextChoices):
    GIVEN = "given", _("given")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ConsentRecord(models.Model):
    """Proof of consent for one contact point. When a subscriber is erased, the link to the
    contact point is cut (SET_NULL): what remains says only that a consent of some version
    was given or withdrawn on some channel at some time, and identifies nobody."""

    contact_point = models.ForeignKey(
        ContactPoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    channel = models.CharField(_("channel"), max_length=5, choices=ChannelName.choices)
    action = models.CharField(_("action"), max_length=10, choices=ConsentAction.choices)
    text_version = models.CharField(_("text version"), max_length=40)
    #: how it happened: "web form", "email link", "sms code", "sms keyword", "one-click"...
    method = models.CharField(_("method"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.channel} {self.action} {self.created_at:%Y-%m-%d %H:%M}"


class VerificationPurpose(models.TextChoices):
    CONFIRM = "confirm", _("confirm a new phone number")
    MANAGE = "manage", _("open the management page")


class Verification(models.Model):
    """A 6-digit code sent by SMS. Only a keyed hash of the code is stored."""

    contact_point = models.ForeignKey(
        ContactPoint, on_delete=models.CASCADE, related_name="verifications"
    )
    purpose = models.CharField(_("purpose"), max_length=10, choices=VerificationPurpose.choices)
    code_hash = models.CharField(_("code hash"), max_length=64)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    expires_at = models.DateTimeField(_("expires"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk}"


class InboundSms(models.Model):
    """An incoming SMS already handled, by its provider id (Twilio's MessageSid): a
    request signed for it once is signed for ever (the signature carries no time), so a
    replay is recognised here and changes nothing. Internal: not shown to anyone."""

    message_sid = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.message_sid


class AudienceMemberManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().exclude(audience=Audience.PUBLIC)


class AudienceMember(Subscriber):
    """Staff, volunteers (test audience) and partner network contacts, managed by staff in
    the admin. A proxy: the admin can never reach a member of the public through it."""

    objects = AudienceMemberManager()

    class Meta:
        proxy = True
        verbose_name = _("test audience or partner contact")
        verbose_name_plural = _("test audience and partner contacts")
