from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal import selectors


class HomePage(Page):
    """The root of each language tree: what a citizen sees first."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The page for the day: the alerts in force (with their area), the subscription,
        and the main risks of this language."""
        context = super().get_context(request, *args, **kwargs)
        risk_index, risks = selectors.home_risks(self.locale)
        context.update(current_alerts=selectors.home_alerts(), risk_index=risk_index, risks=risks)
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Facts shown on every page, editable by communication officers."""

    emergency_number = models.CharField(_("emergency number"), max_length=20, default="112")
    police_number = models.CharField(_("police number"), max_length=20, default="101")
    info_line = models.CharField(
        _("information line"),
        max_length=40,
        blank=True,
        help_text=_("Telephone line opened for the public during a crisis."),
    )

    panels = [FieldPanel("emergency_number"), FieldPanel("police_number"), FieldPanel("info_line")]

    class Meta:
        verbose_name = _("site settings")


class LoginEventKind(models.TextChoices):
    LOGIN = "login", _("Signed in (password)")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    THROTTLED = "throttled", _("Sign-in refused: too many failures")
    LOGOUT = "logout", _("Signed out")
    SECOND_FACTOR = "second_factor", _("Second factor verified")
    SECOND_FACTOR_SETUP = "second_factor_setup", _("Second factor set up")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Second factor code refused")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Second factor removed (lost device)")
    PASSKEY = "passkey", _("Second factor verified (passkey)")
    PASSKEY_FAILED = "passkey_failed", _("Passkey refused")
    PASSKEY_ADDED = "passkey_added", _("Passkey added")
    PASSKEY_REMOVED = "passkey_removed", _("Passkey removed")
    RECOVERY_CODE = "recovery_code", _("Second factor verified (recovery code)")
    RECOVERY_CODES_ISSUED = "recovery_codes_issued", _("Recovery codes issued")
    ENROLMENT_LINK_ISSUED = "enrolment_link_issued", _("Enrolment link issued")
    ENROLMENT_LINK_USED = "enrolment_link_used", _("Enrolment link used")
    ENROLMENT_LINK_REFUSED = "enrolment_link_refused", _("Enrolment link refused")
    SETUP_REFUSED = "second_factor_setup_refused", _("Second factor set-up refused (no link)")


class LoginEvent(models.Model):
    """The audit of admin sign-ins: who, when, from where, and what happened."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=32, choices=LoginEventKind.choices)
    username = models.CharField(_("user name"), max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.CharField(_("address"), max_length=64, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    # What the kind alone does not say: who issued an enrolment link, why one was refused,
    # how many recovery codes are left.
    detail = models.CharField(_("details"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sign-in event")
        verbose_name_plural = _("sign-in events")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.kind} {self.username}"


class EnrolmentLink(models.Model):
    """A single-use, expiring link with which one user may set up their first second factor
    (portal.enrolment). Only the SHA-256 of its token is kept: the token itself is shown once,
    to whoever issued it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment link")
        verbose_name_plural = _("enrolment links")

    def __str__(self):
        return f"enrolment link of user {self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"
