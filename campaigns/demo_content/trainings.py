"""Trainings and exercises for field actors, with sessions (one of them full)."""

from campaigns.choices import FieldAudience, TrainingKind

SECTION = {
    "fr": {
        "slug": "formations",
        "title": "Formations et exercices",
        "intro": (
            "L'offre de formations et d'exercices pour les acteurs de terrain de la planification "
            "d'urgence à Bruxelles."
        ),
    },
    "nl": {
        "slug": "opleidingen",
        "title": "Opleidingen en oefeningen",
        "intro": (
            "Het aanbod aan opleidingen en oefeningen voor de terreinactoren van de noodplanning "
            "in Brussel."
        ),
    },
}

TRAININGS = [
    {
        "kind": TrainingKind.TRAINING,
        "field_audiences": [FieldAudience.EMERGENCY_PLANNING, FieldAudience.COMMUNICATION],
        "organiser_name": "safe.brussels",
        # (days from now, hour, duration in hours, capacity, demo registrations)
        "sessions": [(21, 9, 7, 2, 2), (49, 9, 7, 16, 3)],
        "fr": {
            "slug": "planification-urgence-communale",
            "title": "Formation : la planification d'urgence communale",
            "intro": "Rédiger et tenir à jour le plan général d'urgence et d'intervention "
            "(PGUI) de sa commune, et organiser la cellule de crise.",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Au programme",
                        "items": [
                            "Le cadre légal et les cinq disciplines",
                            "L'inventaire des risques de la commune",
                            "La cellule de crise : rôles, locaux, main courante",
                            "L'information de la population",
                        ],
                    },
                )
            ],
            "location": "Centre de crise régional, Bruxelles",
        },
        "nl": {
            "slug": "gemeentelijke-noodplanning",
            "title": "Opleiding: gemeentelijke noodplanning",
            "intro": "Het algemeen nood- en interventieplan (ANIP) van uw gemeente opstellen en "
            "bijwerken, en de crisiscel organiseren.",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Programma",
                        "items": [
                            "Het wettelijk kader en de vijf disciplines",
                            "De risico-inventaris van de gemeente",
                            "De crisiscel: rollen, lokalen, logboek",
                            "De informatie aan de bevolking",
                        ],
                    },
                )
            ],
            "location": "Gewestelijk crisiscentrum, Brussel",
        },
    },
    {
        "kind": TrainingKind.EXERCISE,
        "field_audiences": [FieldAudience.SCHOOL_STAFF, FieldAudience.VOLUNTEERS],
        "organiser_name": "safe.brussels",
        "sessions": [(30, 13, 4, 25, 1)],
        "fr": {
            "slug": "exercice-mise-a-l-abri-ecole",
            "title": "Exercice : mise à l'abri dans une école",
            "intro": "Un exercice sur table puis sur le terrain : mettre élèves et personnel à "
            "l'abri lors d'un accident chimique, et communiquer avec les parents.",
            "body": [
                (
                    "steps",
                    {
                        "title": "Déroulement",
                        "steps": [
                            {"title": "Briefing et scénario", "text": ""},
                            {
                                "title": "Exercice sur table",
                                "text": "<p>Décisions de la direction, consignes aux classes.</p>",
                            },
                            {"title": "Mise en situation dans l'école", "text": ""},
                            {"title": "Débriefing et plan d'amélioration", "text": ""},
                        ],
                    },
                )
            ],
            "location": "École communale (adresse communiquée aux inscrits)",
        },
        "nl": {
            "slug": "oefening-schuilen-school",
            "title": "Oefening: schuilen in een school",
            "intro": "Een tafeloefening en daarna een oefening op het terrein: leerlingen en "
            "personeel in veiligheid brengen bij een chemisch ongeval, en communiceren met de "
            "ouders.",
            "body": [
                (
                    "steps",
                    {
                        "title": "Verloop",
                        "steps": [
                            {"title": "Briefing en scenario", "text": ""},
                            {
                                "title": "Tafeloefening",
                                "text": "<p>Beslissingen van de directie, richtlijnen aan de klassen.</p>",
                            },
                            {"title": "Oefening in de school", "text": ""},
                            {"title": "Debriefing en verbeterplan", "text": ""},
                        ],
                    },
                )
            ],
            "location": "Gemeentelijke school (adres wordt aan de ingeschrevenen bezorgd)",
        },
    },
]
