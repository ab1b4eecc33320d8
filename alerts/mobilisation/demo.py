"""Demo partner network (idempotent): a resource vocabulary in FR/NL/EN and nine partner
organisations drawn from the region's emergency plan, each with what it can mobilise, the
communes it covers, when it can be reached and two or three contacts.

Names are fictional; phone numbers are in +32 470 00 xx xx and emails under example.invalid
(RFC 2606, never deliverable): demo messages land in the local outbox (var/outbox) unless
Twilio and SMTP are configured. Contacts are added as staff add them in the admin
(audience_member_save: confirmed at once, consent recorded as "admin"). A partner whose
name exists already is left as it is, so running the seed twice changes nothing.
"""

import unicodedata
from datetime import time

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from alerts.audiences import Audience
from alerts.subscriptions.models import Subscriber
from alerts.subscriptions.services import audience_member_save
from campaigns.models import PartnerPage

from .models import Availability, NetworkPartner, PartnerCapability, PartnerContact, ResourceType

# code: (name fr, nl, en), (unit fr, nl, en)
RESOURCE_TYPES = {
    "shelter": (
        ("Places d'hébergement d'urgence", "Noodopvangplaatsen", "Emergency shelter places"),
        ("places", "plaatsen", "places"),
    ),
    "beds": (("Lits", "Bedden", "Beds"), ("lits", "bedden", "beds")),
    "buses": (("Bus", "Bussen", "Buses"), ("bus", "bussen", "buses")),
    "generators": (
        ("Groupes électrogènes", "Stroomgeneratoren", "Generators"),
        ("groupes", "generatoren", "generators"),
    ),
    "meals": (
        ("Repas par jour", "Maaltijden per dag", "Meals per day"),
        ("repas/jour", "maaltijden/dag", "meals/day"),
    ),
    "interpreters-ar": (
        ("Interprètes arabe", "Tolken Arabisch", "Arabic interpreters"),
        ("interprètes", "tolken", "interpreters"),
    ),
    "interpreters-tr": (
        ("Interprètes turc", "Tolken Turks", "Turkish interpreters"),
        ("interprètes", "tolken", "interpreters"),
    ),
    "interpreters-en": (
        ("Interprètes anglais", "Tolken Engels", "English interpreters"),
        ("interprètes", "tolken", "interpreters"),
    ),
    "interpreters-sign": (
        ("Interprètes en langue des signes", "Gebarentaaltolken", "Sign language interpreters"),
        ("interprètes", "tolken", "interpreters"),
    ),
    "psychologists": (
        ("Psychologues", "Psychologen", "Psychologists"),
        ("psychologues", "psychologen", "psychologists"),
    ),
    "volunteers": (
        ("Bénévoles", "Vrijwilligers", "Volunteers"),
        ("bénévoles", "vrijwilligers", "volunteers"),
    ),
}

# name, language, French slug of the campaigns demo's PartnerPage (or ""), communes (None:
# the whole region), hours (None: 24/7), {resource code: quantity},
# [(contact name, role, language)]
PARTNERS = [
    (
        "Zone de police Bruxelles-Capitale Ixelles (démo)",
        "fr",
        "police",
        ["21004", "21009"],
        None,
        {"interpreters-ar": 2, "interpreters-en": 4, "volunteers": 20},
        [
            ("Nadia Verhoeven", "Officier de garde", "fr"),
            ("Luc Dumont", "Dispatching zonal", "fr"),
            ("Sofie Peeters", "Commissaire de service", "nl"),
        ],
    ),
    (
        "SIAMU – pompiers et ambulances (démo)",
        "fr",
        "siamu",
        None,
        None,
        {"generators": 6, "buses": 2},
        [
            ("Marc Lejeune", "Officier de garde", "fr"),
            ("Jan De Smet", "Centre 112 – coordinateur", "nl"),
        ],
    ),
    (
        "Protection civile – unité opérationnelle (démo)",
        "fr",
        "protection-civile",
        None,
        None,
        {"generators": 12, "beds": 150, "shelter": 100},
        [
            ("Amélie Lambert", "Chef de poste", "fr"),
            ("Pieter Claes", "Adjoint", "nl"),
            ("Hugo Marchal", "Logistique", "fr"),
        ],
    ),
    (
        "MIVB – veiligheidsdienst (demo)",
        "nl",
        "stib",
        None,
        None,
        {"buses": 15},
        [
            ("Koen Jacobs", "Verantwoordelijke veiligheid", "nl"),
            ("Isabelle Renard", "Dispatching", "fr"),
        ],
    ),
    (
        "Hôpital universitaire Saint-Pierre (démo)",
        "fr",
        "hopitaux",
        ["21004", "21013", "21014"],
        None,
        {"beds": 40, "psychologists": 6},
        [
            ("Dr Yasmine El Amrani", "Plan d'urgence hospitalier (MASH)", "fr"),
            ("Thomas Wouters", "Direction de garde", "nl"),
        ],
    ),
    (
        "Athénée communal de Schaerbeek (démo)",
        "fr",
        "",
        ["21015"],
        (time(7, 30), time(18, 0)),
        {"shelter": 250, "meals": 400},
        [
            ("Claire Dubois", "Préfète", "fr"),
            ("Mehmet Yilmaz", "Économe", "fr"),
        ],
    ),
    (
        "Foyer anderlechtois – logement social (démo)",
        "fr",
        "",
        ["21001"],
        (time(8, 0), time(20, 0)),
        {"shelter": 30},
        [
            ("Sarah Janssens", "Direction technique", "nl"),
            ("Olivier Mertens", "Gardiennage", "fr"),
        ],
    ),
    (
        "Croix-Rouge – section Bruxelles (démo)",
        "fr",
        "croix-rouge",
        None,
        None,
        {"volunteers": 80, "meals": 1500, "beds": 60, "psychologists": 4},
        [
            ("Élodie Fontaine", "Responsable urgences", "fr"),
            ("Bart Vermeulen", "Coördinator noodhulp", "nl"),
            ("Amina Benali", "Permanence", "fr"),
        ],
    ),
    (
        "Tolken in Nood vzw – interprètes (demo)",
        "nl",
        "",
        None,
        (time(6, 0), time(23, 0)),
        {
            "interpreters-ar": 6,
            "interpreters-tr": 5,
            "interpreters-en": 10,
            "interpreters-sign": 3,
        },
        [
            ("Leen Maes", "Coördinatie", "nl"),
            ("Karim Haddad", "Permanentie", "fr"),
            ("Ayşe Demir", "Permanentie", "en"),
        ],
    ),
]


def seed_resource_types() -> dict[str, ResourceType]:
    types = {}
    for code, (names, units) in RESOURCE_TYPES.items():
        types[code], _created = ResourceType.objects.get_or_create(
            code=code,
            defaults={
                "name_fr": names[0],
                "name_nl": names[1],
                "name_en": names[2],
                "unit_fr": units[0],
                "unit_nl": units[1],
                "unit_en": units[2],
            },
        )
    return types


def _page(slug: str) -> PartnerPage | None:
    if not slug:
        return None
    return PartnerPage.objects.filter(
        slug=slug, locale=Locale.objects.get(language_code="fr")
    ).first()


def _phone(partner_index: int, contact_index: int) -> str:
    return f"+3247000{partner_index:02d}{contact_index:02d}"


def _email(name: str) -> str:
    """ "Élodie Fontaine" -> elodie.fontaine@example.invalid"""
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return ".".join(plain.split()) + "@example.invalid"


@transaction.atomic
def seed(context) -> None:
    types = seed_resource_types()
    created = 0
    now = timezone.now()
    for index, row in enumerate(PARTNERS, start=1):
        name, language, slug, communes, hours, capabilities, contacts = row
        if NetworkPartner.objects.filter(name=name).exists():
            continue
        page = _page(slug)
        partner = NetworkPartner.objects.create(
            name=name,
            language=language,
            page=page,
            whole_region=communes is None,
            availability=Availability.HOURS if hours else Availability.ALWAYS,
            available_from=hours[0] if hours else None,
            available_until=hours[1] if hours else None,
            reviewed_at=now,
        )
        if communes:
            partner.communes.set(communes)
        PartnerCapability.objects.bulk_create(
            PartnerCapability(partner=partner, resource_type=types[code], quantity=quantity)
            for code, quantity in capabilities.items()
        )
        for position, (person, role, contact_language) in enumerate(contacts):
            subscriber = audience_member_save(
                subscriber=Subscriber(
                    language=contact_language,
                    audience=Audience.PARTNER,
                    organisation=name,
                    partner=page,
                    topics=[],
                ),
                phone=_phone(index, position + 1),
                email=_email(person),
            )
            PartnerContact.objects.create(
                partner=partner, position=position, name=person, role=role, subscriber=subscriber
            )
        created += 1
    context.messages.append(
        f"Partner network: {NetworkPartner.objects.count()} partners "
        f"({created} new), {ResourceType.objects.count()} resource types"
    )
