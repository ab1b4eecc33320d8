"""Planned events (demonstrations, sports, culture) and their listing with an iCal feed."""

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from campaigns.fields import organiser_language_field
from campaigns.ical import events_calendar

from .mixins import PreparednessPage, SectionIndexPage


class EventKind(models.TextChoices):
    DEMONSTRATION = "demonstration", _("Demonstration")
    SPORT = "sport", _("Sports event")
    CULTURE = "culture", _("Cultural event")
    OTHER = "other", _("Other event")


class PlannedEventPage(PreparednessPage):
    """An event that affects the city: when, where, its impact and the safety advice."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("location"), max_length=200)
    commune = models.ForeignKey(
        "alerts.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance"), null=True, blank=True
    )
    road_closures = RichTextField(
        _("closed roads"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    transport_changes = RichTextField(
        _("public-transport changes"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    organiser_name = models.CharField(_("organiser"), max_length=160)
    organiser_email = models.EmailField(_("organiser email"), blank=True)
    organiser_website = models.URLField(_("organiser website"), blank=True)
    organiser_language = organiser_language_field()

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("when")),
        MultiFieldPanel(
            [FieldPanel("location"), FieldPanel("commune"), FieldPanel("expected_attendance")],
            heading=_("where"),
        ),
        MultiFieldPanel(
            [FieldPanel("road_closures"), FieldPanel("transport_changes")],
            heading=_("expected impact"),
        ),
        FieldPanel("body", heading=_("Safety advice")),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_language"),
                FieldPanel("organiser_email"),
                FieldPanel("organiser_website"),
            ],
            heading=_("organiser contact"),
        ),
    ]
    search_fields = [
        *PreparednessPage.search_fields,
        index.SearchField("location"),
        index.SearchField("road_closures"),
        index.SearchField("transport_changes"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["campaigns.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("planned event")

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """Upcoming and past events, and the iCalendar feed of this language."""

    subpage_types = ["campaigns.PlannedEventPage"]

    class Meta:
        verbose_name = _("event listing")

    def events(self):
        return PlannedEventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming"] = self.events().filter(end__gte=now).order_by("start")
        context["past"] = self.events().filter(end__lt=now).order_by("-start")[:20]
        return context

    @path("")
    def listing(self, request):
        return self.render(request)

    # Wagtail page paths cannot contain a dot: the feed is at <events>/ics/, served as .ics.
    @path("ics/", name="ical")
    def ical_feed(self, request):
        calendar = events_calendar(self, request)
        response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response
