"""Planned events. Dates are relative to the first seed: one upcoming, one past."""

from campaigns.models import EventKind

SECTION = {
    "fr": {
        "slug": "evenements",
        "title": "Événements planifiés",
        "intro": (
            "Manifestations, événements sportifs et culturels : dates, lieux, impact sur la "
            "circulation et les transports, conseils de sécurité."
        ),
    },
    "nl": {
        "slug": "evenementen",
        "title": "Geplande evenementen",
        "intro": (
            "Betogingen, sport- en culturele evenementen: data, plaatsen, impact op het verkeer "
            "en het openbaar vervoer, veiligheidstips."
        ),
    },
}

EVENTS = [
    {
        "kind": EventKind.DEMONSTRATION,
        "days_from_now": 12,
        "hour": 11,
        "duration_hours": 5,
        "commune": "Bruxelles",
        "expected_attendance": 15000,
        "organiser_name": "Front commun syndical",
        "fr": {
            "slug": "manifestation-nationale",
            "title": "Manifestation nationale entre la gare du Nord et la gare du Midi",
            "intro": "Un cortège de plusieurs milliers de personnes traverse le centre-ville. "
            "Prévoyez des perturbations importantes.",
            "location": "Gare du Nord → boulevards du centre → gare du Midi",
            "road_closures": "<ul><li>Boulevard du Roi Albert II et boulevard Baudouin à partir de 9 h</li>"
            "<li>Boulevards Adolphe Max, Anspach et Lemonnier pendant le passage du cortège</li></ul>",
            "transport_changes": "<p>Les lignes de tram et de bus de la STIB qui traversent le "
            "centre sont déviées ou limitées ; le métro circule mais certaines stations peuvent "
            "être fermées. Consultez la STIB le jour même.</p>",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Si vous participez",
                        "items": [
                            "Convenez d'un point de rendez-vous avec vos proches",
                            "Emportez de l'eau et vos médicaments",
                            "Suivez les consignes des organisateurs et de la police",
                            "En cas de tension, éloignez-vous par les rues latérales",
                        ],
                    },
                )
            ],
        },
        "nl": {
            "slug": "nationale-betoging",
            "title": "Nationale betoging tussen het Noordstation en het Zuidstation",
            "intro": "Een stoet van duizenden mensen trekt door het stadscentrum. Reken op "
            "grote hinder.",
            "location": "Noordstation → centrale lanen → Zuidstation",
            "road_closures": "<ul><li>Koning Albert II-laan en Boudewijnlaan vanaf 9 uur</li>"
            "<li>Adolphe Maxlaan, Anspachlaan en Lemonnierlaan tijdens de doortocht van de stoet</li></ul>",
            "transport_changes": "<p>De tram- en buslijnen van de MIVB die door het centrum "
            "rijden, worden omgeleid of ingekort; de metro rijdt, maar sommige stations kunnen "
            "gesloten zijn. Raadpleeg de MIVB op de dag zelf.</p>",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Als u deelneemt",
                        "items": [
                            "Spreek een verzamelpunt af met uw naasten",
                            "Neem water en uw geneesmiddelen mee",
                            "Volg de richtlijnen van de organisatoren en de politie",
                            "Bij spanningen: ga weg via de zijstraten",
                        ],
                    },
                )
            ],
        },
    },
    {
        "kind": EventKind.SPORT,
        "days_from_now": -45,
        "hour": 9,
        "duration_hours": 7,
        "commune": "Bruxelles",
        "expected_attendance": 8000,
        "organiser_name": "Comité des fêtes du Cinquantenaire",
        "fr": {
            "slug": "course-cinquantenaire",
            "title": "Course à pied et fête de quartier au Cinquantenaire",
            "intro": "Une course populaire de 10 km et un village d'animations au parc du "
            "Cinquantenaire.",
            "location": "Parc du Cinquantenaire",
            "road_closures": "<ul><li>Avenue de Tervueren et rue de la Loi entre Schuman et Mérode, de 8 h à 14 h</li></ul>",
            "transport_changes": "<p>Les bus de la STIB desservant le rond-point Schuman sont "
            "déviés ; le métro fonctionne normalement.</p>",
            "body": [
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Coureurs",
                        "text": "<p>Hydratez-vous et arrêtez-vous au poste de secours en cas de malaise.</p>",
                    },
                )
            ],
        },
        "nl": {
            "slug": "loop-jubelpark",
            "title": "Loopwedstrijd en buurtfeest in het Jubelpark",
            "intro": "Een volksloop over 10 km en een animatiedorp in het Jubelpark.",
            "location": "Jubelpark",
            "road_closures": "<ul><li>Tervurenlaan en Wetstraat tussen Schuman en Merode, van 8 tot 14 uur</li></ul>",
            "transport_changes": "<p>De MIVB-bussen aan het Schumanplein worden omgeleid; de "
            "metro rijdt normaal.</p>",
            "body": [
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Lopers",
                        "text": "<p>Drink voldoende en ga naar de hulppost als u zich onwel voelt.</p>",
                    },
                )
            ],
        },
    },
]
