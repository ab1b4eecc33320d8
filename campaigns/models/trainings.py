"""Trainings and exercises for field actors, their sessions and the registrations."""

from django.db import models
from django.urls import URLResolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from campaigns.choices import FieldAudience, TrainingKind
from campaigns.fields import MultipleChoiceField, organiser_language_field
from portal.localization import format_date, format_time

from .mixins import PreparednessPage


class TrainingPage(RoutablePageMixin, PreparednessPage):
    """A training or an exercise, with its sessions and a registration form.

    The page holds the data; what a visitor does with it (register, see their registration,
    cancel it) is served by the views of campaigns.training_views, routed under the page's
    own address by the URLconf campaigns.training_urls. The page names that URLconf as a
    project names its ROOT_URLCONF: Django imports it once every app is loaded, so imports
    go one way (views → forms, services, selectors → models) and this module imports none
    of them.
    """

    subpage_urlconf = "campaigns.training_urls"

    kind = models.CharField(
        _("kind"), max_length=16, choices=TrainingKind.choices, default=TrainingKind.TRAINING
    )
    field_audiences = MultipleChoiceField(_("audience"), choices_class=FieldAudience)
    organiser_name = models.CharField(_("organiser"), max_length=160)
    organiser_email = models.EmailField(
        _("organiser email"),
        blank=True,
        help_text=_("Given to registrants, in the confirmation email and on the page."),
    )
    organiser_phone = models.CharField(_("organiser phone"), max_length=40, blank=True)
    organiser_language = organiser_language_field()

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldPanel("kind"),
        FieldPanel("field_audiences"),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_language"),
                FieldPanel("organiser_email"),
                FieldPanel("organiser_phone"),
            ],
            heading=_("organiser contact"),
        ),
        FieldPanel("body"),
        InlinePanel("sessions", heading=_("sessions"), label=_("session")),
    ]
    search_fields = [*PreparednessPage.search_fields, index.SearchField("organiser_name")]
    parent_page_types = ["campaigns.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training or exercise")

    @classmethod
    def get_subpage_urls(cls):
        return (URLResolver(RoutePattern(""), cls.subpage_urlconf),)

    def audience_labels(self):
        return self._meta.get_field("field_audiences").labels(self.field_audiences)

    def upcoming_sessions(self):
        return self.sessions.filter(start__gte=timezone.now()).order_by("start")


class TrainingSession(TranslatableMixin, Orderable):
    """One date of a training. Its translations share places: capacity is counted over
    every language copy of the session (same translation key)."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("location"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity"))

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("capacity"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("session")
        ordering = ["sort_order"]

    def __str__(self):
        when = f"{format_date(self.start, 'medium')}, {format_time(self.start)}"
        return f"{when} · {self.location}"


class TrainingRegistration(models.Model):
    """A field actor's place in a session."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=160)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"
