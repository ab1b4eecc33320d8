"""Factories for the preparedness pages (factory_boy + wagtail-factories).

Pages need a parent: pass `parent=` (a home page for listings, a listing for the rest).
"""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from campaigns import models
from campaigns.choices import Audience, GuideTopic, Hazard, PartnerDiscipline


class PreparednessPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Introduction."

    class Meta:
        abstract = True


class RiskIndexPageFactory(wagtail_factories.PageFactory):
    title = "Risques"

    class Meta:
        model = models.RiskIndexPage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"

    class Meta:
        model = models.GuideIndexPage


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campagnes"

    class Meta:
        model = models.CampaignIndexPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Événements"

    class Meta:
        model = models.EventIndexPage


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Formations"

    class Meta:
        model = models.TrainingIndexPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partenaires"

    class Meta:
        model = models.PartnerIndexPage


class RiskPageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Risque {n}")
    hazard = Hazard.FLOOD
    cap_category = "Met"
    during = factory.LazyFunction(
        lambda: [("text", "<p>Montez à l'étage et coupez l'électricité.</p>")]
    )

    class Meta:
        model = models.RiskPage


class GuidePageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    topic = GuideTopic.HOUSEHOLD_PLAN
    audiences = factory.LazyFunction(lambda: [Audience.HOUSEHOLDS])

    class Meta:
        model = models.GuidePage


class CampaignPageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Campagne {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    audiences = factory.LazyFunction(lambda: [Audience.HOUSEHOLDS])
    hazards = factory.LazyFunction(lambda: [Hazard.HEATWAVE])
    key_messages = factory.LazyFunction(lambda: [("message", "Buvez de l'eau régulièrement.")])
    call_to_action_text = ""

    class Meta:
        model = models.CampaignPage


class EmergencyKitPageFactory(PreparednessPageFactory):
    title = "Kit d'urgence"
    kit = factory.LazyFunction(
        lambda: [
            (
                "section",
                {
                    "title": "Eau et nourriture",
                    "items": [
                        {"label": "Eau potable", "detail": "3 litres par personne et par jour"},
                        {"label": "Conserves", "detail": ""},
                    ],
                },
            )
        ]
    )

    class Meta:
        model = models.EmergencyKitPage


class PlannedEventPageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    kind = models.EventKind.SPORT
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=5))
    location = "Parc du Cinquantenaire"
    organiser_name = "Organisateur"
    organiser_email = "info@example.org"

    class Meta:
        model = models.PlannedEventPage


class TrainingPageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Formation {n}")
    kind = "training"
    field_audiences = factory.LazyFunction(lambda: ["emergency_planning"])
    organiser_name = "safe.brussels"

    class Meta:
        model = models.TrainingPage


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(TrainingPageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=3))
    location = "Rue Royale 2, 1000 Bruxelles"
    capacity = 10

    class Meta:
        model = models.TrainingSession


class TrainingRegistrationFactory(factory.django.DjangoModelFactory):
    session = factory.SubFactory(TrainingSessionFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation = "Commune d'Ixelles"
    language = "fr"

    class Meta:
        model = models.TrainingRegistration


class PartnerPageFactory(PreparednessPageFactory):
    title = factory.Sequence(lambda n: f"Partenaire {n}")
    discipline = PartnerDiscipline.FIRE
    expertise = "Lutte contre l'incendie"
    contact_name = "Dispatching"
    contact_phone = "112"
    contact_email = "dispatch@example.org"
    contact_notes = "Via le centre de crise."

    class Meta:
        model = models.PartnerPage
