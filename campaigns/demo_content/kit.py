"""The emergency kit: enough to get through 72 hours at home without help."""

KIT = {
    "fr": {
        "slug": "kit-urgence",
        "title": "Mon kit d'urgence",
        "intro": "De quoi tenir 72 heures chez soi sans aide extérieure : cochez ce que vous "
        "avez déjà, complétez le reste.",
        "sections": [
            (
                "Eau et nourriture",
                [
                    (
                        "Eau potable en bouteille",
                        "au moins 2 litres par personne et par jour, pour 3 jours",
                    ),
                    ("Nourriture qui se conserve sans frigo", "conserves, biscuits, fruits secs"),
                    ("Ouvre-boîte manuel", ""),
                    ("Lait et petits pots pour bébé", "si nécessaire"),
                ],
            ),
            (
                "Santé",
                [
                    ("Médicaments habituels", "pour au moins une semaine"),
                    ("Copie des ordonnances", ""),
                    ("Trousse de premiers secours", ""),
                    ("Lunettes ou lentilles de rechange", ""),
                ],
            ),
            (
                "Lumière et communication",
                [
                    ("Lampe de poche et piles", "pas de bougies"),
                    ("Radio à piles ou à manivelle", ""),
                    ("Batterie externe chargée et câble", ""),
                    ("Liste de numéros utiles sur papier", "112, 101, médecin, proches"),
                ],
            ),
            (
                "Documents et argent",
                [
                    ("Copies de la carte d'identité", "dans une pochette étanche"),
                    ("Contrats d'assurance", ""),
                    ("Un peu d'argent liquide", ""),
                    ("Double des clés", ""),
                ],
            ),
            (
                "Hygiène et confort",
                [
                    ("Couverture ou couverture de survie", ""),
                    ("Vêtements chauds et imperméable", ""),
                    ("Savon, gel hydroalcoolique, papier toilette", ""),
                    ("Masques", ""),
                ],
            ),
            (
                "Animaux",
                [
                    ("Nourriture et eau pour l'animal", "pour 3 jours"),
                    ("Laisse, caisse de transport et carnet de vaccination", ""),
                ],
            ),
        ],
        "callout": (
            "Vérifiez votre kit deux fois par an",
            "<p>Au changement d'heure, par "
            "exemple : remplacez l'eau, les piles et les aliments périmés.</p>",
        ),
    },
    "nl": {
        "slug": "noodpakket",
        "title": "Mijn noodpakket",
        "intro": "Genoeg om 72 uur thuis zonder hulp van buitenaf door te komen: vink aan wat u "
        "al hebt en vul de rest aan.",
        "sections": [
            (
                "Water en voeding",
                [
                    ("Drinkwater in flessen", "minstens 2 liter per persoon per dag, voor 3 dagen"),
                    ("Voeding die zonder koelkast bewaart", "conserven, koekjes, gedroogd fruit"),
                    ("Handblikopener", ""),
                    ("Melk en potjes voor de baby", "indien nodig"),
                ],
            ),
            (
                "Gezondheid",
                [
                    ("Gewone geneesmiddelen", "voor minstens een week"),
                    ("Kopie van de voorschriften", ""),
                    ("EHBO-koffer", ""),
                    ("Reservebril of -lenzen", ""),
                ],
            ),
            (
                "Licht en communicatie",
                [
                    ("Zaklamp en batterijen", "geen kaarsen"),
                    ("Radio op batterijen of met slinger", ""),
                    ("Opgeladen powerbank en kabel", ""),
                    ("Lijst met nuttige nummers op papier", "112, 101, huisarts, naasten"),
                ],
            ),
            (
                "Documenten en geld",
                [
                    ("Kopieën van de identiteitskaart", "in een waterdicht mapje"),
                    ("Verzekeringscontracten", ""),
                    ("Wat contant geld", ""),
                    ("Reservesleutels", ""),
                ],
            ),
            (
                "Hygiëne en comfort",
                [
                    ("Deken of isothermische deken", ""),
                    ("Warme kleren en regenjas", ""),
                    ("Zeep, handgel, toiletpapier", ""),
                    ("Mondmaskers", ""),
                ],
            ),
            (
                "Huisdieren",
                [
                    ("Voer en water voor het dier", "voor 3 dagen"),
                    ("Leiband, transportbox en vaccinatieboekje", ""),
                ],
            ),
        ],
        "callout": (
            "Controleer uw noodpakket twee keer per jaar",
            "<p>Bijvoorbeeld bij de "
            "overgang naar zomer- of wintertijd: vervang water, batterijen en vervallen "
            "voeding.</p>",
        ),
    },
    "en": {
        "slug": "emergency-kit",
        "title": "My emergency kit",
        "intro": "Enough to last 72 hours at home without outside help: tick what you already "
        "have, complete the rest.",
        "sections": [
            (
                "Water and food",
                [
                    ("Bottled drinking water", "at least 2 litres per person per day, for 3 days"),
                    ("Food that keeps without a fridge", "tins, biscuits, dried fruit"),
                    ("Manual tin opener", ""),
                    ("Baby milk and food", "if needed"),
                ],
            ),
            (
                "Health",
                [
                    ("Usual medicines", "for at least a week"),
                    ("Copies of prescriptions", ""),
                    ("First-aid kit", ""),
                    ("Spare glasses or contact lenses", ""),
                ],
            ),
            (
                "Light and communication",
                [
                    ("Torch and batteries", "no candles"),
                    ("Battery or wind-up radio", ""),
                    ("Charged power bank and cable", ""),
                    ("List of useful numbers on paper", "112, 101, doctor, family"),
                ],
            ),
            (
                "Documents and money",
                [
                    ("Copies of identity cards", "in a waterproof pouch"),
                    ("Insurance contracts", ""),
                    ("Some cash", ""),
                    ("Spare keys", ""),
                ],
            ),
            (
                "Hygiene and comfort",
                [
                    ("Blanket or emergency foil blanket", ""),
                    ("Warm clothes and a raincoat", ""),
                    ("Soap, hand gel, toilet paper", ""),
                    ("Face masks", ""),
                ],
            ),
            (
                "Pets",
                [
                    ("Food and water for the animal", "for 3 days"),
                    ("Lead, carrier and vaccination booklet", ""),
                ],
            ),
        ],
        "callout": (
            "Check your kit twice a year",
            "<p>When the clocks change, for example: "
            "replace water, batteries and out-of-date food.</p>",
        ),
    },
}


def fields(content: dict) -> dict:
    title, text = content["callout"]
    return {
        "title": content["title"],
        "intro": content["intro"],
        "kit": [
            (
                "section",
                {
                    "title": section,
                    "items": [{"label": label, "detail": detail} for label, detail in items],
                },
            )
            for section, items in content["sections"]
        ],
        "body": [("callout", {"level": "advice", "title": title, "text": text})],
    }
