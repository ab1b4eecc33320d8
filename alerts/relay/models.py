"""Official feeds polled by the periodic worker, and the warnings kept from them.

A warning kept here is never sent: an operator relays it, which makes a draft alert of
ours for the normal approval (`services.external_alert_relay`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LOOPBACK_HOSTS = ("127.0.0.1",)


def http_loopback_allowed() -> bool:
    """Plain http to 127.0.0.1 is for tests and development (DEBUG) only."""
    return getattr(settings, "RELAY_ALLOW_HTTP_LOOPBACK", settings.DEBUG)


def url_refusal(url: str) -> str:
    """Why our server may not fetch `url` for a feed (empty when it may)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return _("This address is not a valid URL.")
    if parts.username or parts.password:
        return _("An address with a user name or password is not accepted.")
    if parts.scheme == "https" and parts.hostname:
        return ""
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS and http_loopback_allowed():
        return ""
    return _("Only https:// addresses are accepted.")


def validate_feed_url(url: str) -> None:
    refusal = url_refusal(url)
    if refusal:
        raise ValidationError(refusal)


class FeedKind(models.TextChoices):
    CAP = "cap", _("One CAP document")
    ATOM = "atom", _("Atom feed of links to CAP documents")


class ExternalFeed(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("address"), max_length=500, validators=[validate_feed_url])
    kind = models.CharField(_("kind"), max_length=10, choices=FeedKind.choices)
    enabled = models.BooleanField(_("enabled"), default=True)
    poll_minutes = models.PositiveIntegerField(
        _("poll every (minutes)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )
    # Conditional GET: what the server said last time.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    # Entries of the last poll refused one by one (another host, hostile document…).
    last_refusals = models.TextField(_("refused entries"), blank=True, editable=False)
    # Addresses of the entries already read (kept or skipped), not fetched again.
    seen_urls = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("official feed")
        verbose_name_plural = _("official feeds")

    def __str__(self) -> str:
        return self.name


class ExternalAlert(models.Model):
    """A CAP message from an official feed whose area touches the region."""

    feed = models.ForeignKey(ExternalFeed, on_delete=models.CASCADE, related_name="alerts")
    url = models.URLField(max_length=1000)
    document = models.BinaryField()  # as received: the relay parses it again
    sender = models.CharField(max_length=200)
    identifier = models.CharField(max_length=200)
    sent = models.CharField(max_length=40)  # as written, like Alert.partner_sent
    sent_at = models.DateTimeField(null=True)
    status = models.CharField(max_length=20)
    msg_type = models.CharField(max_length=20)
    severity = models.CharField(max_length=20, blank=True)
    expires = models.DateTimeField(null=True)
    # The messages it references, "sender,identifier,sent" each, space-separated.
    references = models.TextField(blank=True)
    # Per language tag as written ("fr-BE"): {"headline": …, "area": …}.
    texts = models.JSONField(default=dict)
    # Why the CAP import would refuse it (it cannot be relayed then).
    import_problem = models.TextField(blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)
    relayed_alert = models.ForeignKey(
        "alerts.Alert",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="relayed_from",
    )
    relayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    relayed_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "identifier", "sent"], name="relay_unique_external_message"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender},{self.identifier},{self.sent}"

    def reference_triples(self) -> list[tuple[str, str, str]]:
        return [tuple(item.split(",")) for item in self.references.split() if item.count(",") == 2]
