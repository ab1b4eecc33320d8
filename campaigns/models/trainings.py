"""Trainings and exercises for field actors, their sessions and the registrations."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from campaigns.choices import FieldAudience, TrainingKind
from campaigns.fields import MultipleChoiceField

from .mixins import PreparednessPage


class TrainingPage(PreparednessPage):
    """A training or an exercise, with its sessions and a registration form."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=TrainingKind.choices, default=TrainingKind.TRAINING
    )
    field_audiences = MultipleChoiceField(_("audience"), choices_class=FieldAudience)
    organiser_name = models.CharField(_("organiser"), max_length=160)

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldPanel("kind"),
        FieldPanel("field_audiences"),
        FieldPanel("organiser_name"),
        FieldPanel("body"),
        InlinePanel("sessions", heading=_("sessions"), label=_("session")),
    ]
    search_fields = [*PreparednessPage.search_fields, index.SearchField("organiser_name")]
    parent_page_types = ["campaigns.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training or exercise")

    def audience_labels(self):
        return self._meta.get_field("field_audiences").labels(self.field_audiences)

    def upcoming_sessions(self):
        return self.sessions.filter(start__gte=timezone.now()).order_by("start")

    def get_context(self, request, *args, form=None, **kwargs):
        from campaigns.forms import RegistrationForm
        from campaigns.selectors import session_places_left

        context = super().get_context(request, *args, **kwargs)
        sessions = list(self.upcoming_sessions())
        left = session_places_left(sessions)
        for session in sessions:
            session.places_left = left[session.pk]
        context["sessions"] = sessions
        context["form"] = form or RegistrationForm(sessions=sessions)
        return context

    def serve(self, request, *args, **kwargs):
        from campaigns.forms import RegistrationForm
        from campaigns.services import RegistrationRefused, registration_create

        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = RegistrationForm(request.POST, sessions=list(self.upcoming_sessions()))
        if form.is_valid() and not _registration_allowed(request, form.cleaned_data["email"]):
            form.add_error(
                None,
                _(
                    "Too many registrations from this connection or for this address. "
                    "Please try again in an hour."
                ),
            )
            context = self.get_context(request, *args, form=form, **kwargs)
            return TemplateResponse(request, self.get_template(request), context, status=429)
        if form.is_valid():
            try:
                registration_create(
                    session_id=form.cleaned_data["session"].pk,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    language=translation.get_language(),
                )
            except RegistrationRefused as refusal:
                form.add_error("session", refusal.message)
            else:
                messages.success(
                    request,
                    _("You are registered. A confirmation has been sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect(self.get_url(request) + "#registration")
        context = self.get_context(request, *args, form=form, **kwargs)
        return TemplateResponse(request, self.get_template(request), context, status=400)


# Each registration sends an email to the address typed in the form: at most this many per
# hour for one address, and for one client address.
REGISTRATIONS_PER_EMAIL_PER_HOUR = 3
REGISTRATIONS_PER_CLIENT_PER_HOUR = 20


def _registration_allowed(request, email: str) -> bool:
    from campaigns.throttle import throttle_allows
    from portal.client_ip import client_ip

    client = client_ip(request)
    return throttle_allows(
        f"registration:email:{email.lower()}", limit=REGISTRATIONS_PER_EMAIL_PER_HOUR, window=3600
    ) and throttle_allows(
        f"registration:client:{client}", limit=REGISTRATIONS_PER_CLIENT_PER_HOUR, window=3600
    )


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
        from portal.localization import format_date, format_time

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
