"""Demo preparedness content: sections, risks, the emergency kit, guides, campaigns, events,
trainings and partners, in French with real Dutch (and, for risks and the kit, English)
translations.

French pages are created under the French home page; each translation is made with
Wagtail's `copy_for_translation` into the target locale, then its text is replaced and it is
published. Every step looks for what exists first, so running the seed twice changes
nothing.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from alerts.models import Commune
from campaigns import models
from campaigns.demo_content import campaigns as campaign_content
from campaigns.demo_content import events as event_content
from campaigns.demo_content import guides as guide_content
from campaigns.demo_content import kit as kit_content
from campaigns.demo_content import partners as partner_content
from campaigns.demo_content import plan as plan_content
from campaigns.demo_content import risks as risk_content
from campaigns.demo_content import trainings as training_content
from campaigns.services import editorial_workflow_setup


def _child(parent: Page, model, slug: str, values: dict):
    """The live child `slug` of `parent`, created and published if it does not exist."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = model(slug=slug, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def _translation(source, language: str, slug: str, values: dict, edit=None):
    """The translation of `source` into `language`, copied, edited and published once."""
    locale = Locale.objects.get(language_code=language)
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    page = source.copy_for_translation(locale)
    page.slug = slug
    for name, value in values.items():
        setattr(page, name, value)
    if edit is not None:
        edit(page)
    page.save_revision().publish()
    return type(source).objects.get(pk=page.pk)


def _section(homes, model, content: dict, languages=("fr", "nl")):
    fr = content["fr"]
    pages = {"fr": _child(homes["fr"], model, fr["slug"], _values(fr, "title", "intro"))}
    for language in languages[1:]:
        values = content[language]
        pages[language] = _translation(
            pages["fr"], language, values["slug"], _values(values, "title", "intro")
        )
    return pages


def _values(content: dict, *names) -> dict:
    return {name: content[name] for name in names}


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def seed_risks(homes) -> dict:
    section = _section(homes, models.RiskIndexPage, risk_content.SECTION, ("fr", "nl", "en"))
    pages = {}
    for risk in risk_content.RISKS:
        content = risk["content"]
        common = {"hazard": risk["hazard"], "cap_category": risk["cap_category"]}
        fr = _child(
            section["fr"],
            models.RiskPage,
            content["fr"]["slug"],
            {**common, **risk_content.fields(content["fr"])},
        )
        for language in ("nl", "en"):
            _translation(
                fr,
                language,
                content[language]["slug"],
                risk_content.fields(content[language]),
            )
        pages[content["fr"]["slug"]] = fr
    return pages


def seed_kit(homes):
    content = kit_content.KIT
    fr = _child(
        homes["fr"],
        models.EmergencyKitPage,
        content["fr"]["slug"],
        kit_content.fields(content["fr"]),
    )
    for language in ("nl", "en"):
        _translation(fr, language, content[language]["slug"], kit_content.fields(content[language]))
    return fr


def seed_household_plan(homes, *, risks, kit):
    """The household plan next to the kit, in French, Dutch and English, with its main risks;
    each language's kit gets a call-out leading to the plan in that language."""
    content = plan_content.PLAN
    by_hazard = {page.hazard: page for page in risks.values()}
    chosen = [by_hazard[hazard] for hazard in plan_content.MAIN_RISKS if hazard in by_hazard]
    fr = _child(
        homes["fr"],
        models.HouseholdPlanPage,
        content["fr"]["slug"],
        plan_content.fields(content["fr"], chosen),
    )
    plans = {"fr": fr}
    for language in ("nl", "en"):
        # The translation keeps the French choice of risks (shown in its own language).
        text = {k: v for k, v in plan_content.fields(content[language]).items() if k != "risks"}
        plans[language] = _translation(fr, language, content[language]["slug"], text)
    for language, plan in plans.items():
        kit_version = kit.get_translation_or_none(plan.locale)
        if kit_version is not None:
            _link_kit_to_plan(kit_version.specific, plan, content[language])
    return fr


def _link_kit_to_plan(kit, plan, content):
    """Add the call-out leading to the plan to the kit's body, once."""
    link = f'linktype="page" id="{plan.pk}"'
    for block in kit.body:
        if block.block_type == "callout" and link in block.value["text"].source:
            return
    kit.body = [
        *((block.block_type, block.value) for block in kit.body),
        plan_content.kit_callout(content, plan),
    ]
    kit.save_revision().publish()


def seed_guides(homes) -> dict:
    section = _section(homes, models.GuideIndexPage, guide_content.SECTION)
    pages = {}
    for guide in guide_content.GUIDES:
        fr_content = guide["fr"]
        fr = _child(
            section["fr"],
            models.GuidePage,
            fr_content["slug"],
            {
                "topic": guide["topic"],
                "audiences": list(guide["audiences"]),
                **_values(fr_content, "title", "intro", "body"),
            },
        )
        nl = guide["nl"]
        _translation(fr, "nl", nl["slug"], _values(nl, "title", "intro", "body"))
        pages[fr_content["slug"]] = fr
    return section, pages


def _kit_document(kit_page):
    """A plain-text copy of the kit checklist, offered as campaign material."""
    document_model = get_document_model()
    title = "Liste du kit d'urgence (texte)"
    document = document_model.objects.filter(title=title).first()
    if document is None:
        lines = [kit_page.title, ""]
        for section in kit_page.kit:
            lines.append(section.value["title"].upper())
            lines += [f"[ ] {item['label']}" for item in section.value["items"]]
            lines.append("")
        document = document_model(title=title)
        document.file.save("kit-urgence.txt", ContentFile("\n".join(lines).encode()), save=False)
        document.save()
    return document


def seed_campaigns(homes, *, guides, risks, kit):
    section = _section(homes, models.CampaignIndexPage, campaign_content.SECTION)
    for campaign in campaign_content.CAMPAIGNS:
        fr_content = campaign["fr"]
        cta_page = kit if campaign["cta"] == "kit" else risks[campaign["cta"]]
        materials = []
        if campaign["cta"] == "kit":
            materials = [
                ("document", {"document": _kit_document(kit), "title": "", "description": ""})
            ]
        values = {
            "start_date": campaign["start_date"],
            "end_date": campaign["end_date"],
            "audiences": list(campaign["audiences"]),
            "hazards": list(campaign["hazards"]),
            "call_to_action_page": cta_page,
            "related_guides": [("guide", guides[slug]) for slug in campaign["guides"]],
            "materials": materials,
        }
        fr = _child(
            section["fr"],
            models.CampaignPage,
            fr_content["slug"],
            {**values, **_campaign_text(fr_content)},
        )
        _translation(fr, "nl", campaign["nl"]["slug"], _campaign_text(campaign["nl"]))
    return section


def _campaign_text(content):
    return {
        "title": content["title"],
        "intro": content["intro"],
        "key_messages": [("message", message) for message in content["key_messages"]],
        "call_to_action_text": content["cta"],
        "body": content["body"],
    }


def seed_events(homes):
    section = _section(homes, models.EventIndexPage, event_content.SECTION)
    for event in event_content.EVENTS:
        start = _at(event["days_from_now"], event["hour"])
        commune = Commune.objects.filter(name_fr=event["commune"]).first()
        fr_content = event["fr"]
        text = ("title", "intro", "location", "road_closures", "transport_changes", "body")
        fr = _child(
            section["fr"],
            models.PlannedEventPage,
            fr_content["slug"],
            {
                "kind": event["kind"],
                "start": start,
                "end": start + dt.timedelta(hours=event["duration_hours"]),
                "commune": commune,
                "expected_attendance": event["expected_attendance"],
                "organiser_name": event["organiser_name"],
                **_values(fr_content, *text),
            },
        )
        _translation(fr, "nl", event["nl"]["slug"], _values(event["nl"], *text))
    return section


DEMO_PEOPLE = [
    ("Sofie Peeters", "sofie.peeters@example.org", "Gemeente Anderlecht", "nl"),
    ("Karim El Amrani", "karim.elamrani@example.org", "Commune de Molenbeek-Saint-Jean", "fr"),
    ("Claire Dubois", "claire.dubois@example.org", "Commune d'Ixelles", "fr"),
]


def seed_trainings(homes):
    section = _section(homes, models.TrainingIndexPage, training_content.SECTION)
    for training in training_content.TRAININGS:
        fr_content = training["fr"]
        sessions = [
            models.TrainingSession(
                start=_at(days, hour),
                end=_at(days, hour) + dt.timedelta(hours=hours),
                location=fr_content["location"],
                capacity=capacity,
            )
            for days, hour, hours, capacity, _registered in training["sessions"]
        ]
        fr = _child(
            section["fr"],
            models.TrainingPage,
            fr_content["slug"],
            {
                "kind": training["kind"],
                "field_audiences": list(training["field_audiences"]),
                "organiser_name": training["organiser_name"],
                "sessions": sessions,
                **_values(fr_content, "title", "intro", "body"),
            },
        )
        nl_content = training["nl"]

        def localise_sessions(page, location=nl_content["location"]):
            for session in page.sessions.all():
                session.location = location
                session.save()

        _translation(
            fr,
            "nl",
            nl_content["slug"],
            _values(nl_content, "title", "intro", "body"),
            edit=localise_sessions,
        )
        for session, spec in zip(fr.sessions.order_by("start"), training["sessions"], strict=True):
            registered = spec[4]
            if session.registrations.exists():
                continue
            models.TrainingRegistration.objects.bulk_create(
                models.TrainingRegistration(
                    session=session, name=name, email=email, organisation=org, language=language
                )
                for name, email, org, language in DEMO_PEOPLE[:registered]
            )
    return section


def seed_partners(homes):
    section = _section(homes, models.PartnerIndexPage, partner_content.SECTION)
    text = ("title", "intro", "expertise", "resources", "contact_name", "contact_notes")
    for partner in partner_content.PARTNERS:
        fr_content = partner["fr"]
        fr = _child(
            section["fr"],
            models.PartnerPage,
            fr_content["slug"],
            {
                "discipline": partner["discipline"],
                "website": partner["website"],
                "contact_phone": partner["contact_phone"],
                **_values(fr_content, *text),
            },
        )
        _translation(fr, "nl", partner["nl"]["slug"], _values(partner["nl"], *text))
    return section


def seed_locale_synchronisation():
    """New French pages get a Dutch placeholder (a wagtail-localize alias) to translate."""
    from wagtail_localize.models import LocaleSynchronization

    LocaleSynchronization.objects.get_or_create(
        locale=Locale.objects.get(language_code="nl"),
        defaults={"sync_from": Locale.objects.get(language_code="fr")},
    )


@transaction.atomic
def seed(context) -> None:
    homes = context.homes
    risks = seed_risks(homes)
    kit = seed_kit(homes)
    seed_household_plan(homes, risks=risks, kit=kit)
    guide_section, guides = seed_guides(homes)
    campaign_section = seed_campaigns(homes, guides=guides, risks=risks, kit=kit)
    seed_events(homes)
    seed_trainings(homes)
    seed_partners(homes)
    editorial_workflow_setup(listing_pages=[*campaign_section.values(), *guide_section.values()])
    seed_locale_synchronisation()
    # Pages are indexed by background tasks; index now so the demo is searchable even when
    # only `runserver` runs (no task worker).
    transaction.on_commit(lambda: call_command("update_index", stdout=io.StringIO()))
    context.messages.append(
        "Preparedness content: "
        f"{models.RiskPage.objects.count()} risk pages, "
        f"{models.GuidePage.objects.count()} guides, "
        f"{models.CampaignPage.objects.count()} campaigns, "
        f"{models.PlannedEventPage.objects.count()} events, "
        f"{models.TrainingPage.objects.count()} trainings, "
        f"{models.PartnerPage.objects.count()} partners (all languages)"
    )
