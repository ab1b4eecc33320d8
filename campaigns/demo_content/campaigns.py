"""Prevention campaigns. Guides and the call-to-action page are named by their French slug."""

import datetime as dt

from campaigns.choices import Audience, Hazard

SECTION = {
    "fr": {
        "slug": "campagnes",
        "title": "Campagnes de prévention",
        "intro": ("Les campagnes de la Région pour se préparer aux risques de chaque saison."),
    },
    "nl": {
        "slug": "campagnes",
        "title": "Preventiecampagnes",
        "intro": (
            "De campagnes van het Gewest om u voor te bereiden op de risico's van elk seizoen."
        ),
    },
}

CAMPAIGNS = [
    {
        "start_date": dt.date(2026, 6, 1),
        "end_date": dt.date(2026, 9, 15),
        "audiences": [Audience.HOUSEHOLDS, Audience.SCHOOLS, Audience.ASSOCIATIONS],
        "hazards": [Hazard.HEATWAVE],
        "guides": ["garder-son-logement-frais", "voisins-solidaires"],
        "cta": "canicule",
        "fr": {
            "slug": "ete-chaleur",
            "title": "La chaleur, ça se prépare",
            "intro": "Chaque été, des Bruxellois fragiles sont hospitalisés à cause de la "
            "chaleur. Quelques gestes simples suffisent à l'éviter.",
            "key_messages": [
                "Buvez de l'eau régulièrement, sans attendre d'avoir soif.",
                "Fermez les volets le jour, aérez la nuit.",
                "Prenez des nouvelles de vos voisins âgés ou isolés.",
            ],
            "cta": "Les bons réflexes en cas de canicule",
            "body": [
                (
                    "text",
                    "<p>La campagne est relayée par les communes, les CPAS, les "
                    "écoles et les associations de quartier, avec des affiches et une "
                    "brochure en plusieurs langues.</p>",
                )
            ],
        },
        "nl": {
            "slug": "zomer-hitte",
            "title": "Hitte, daar bereid je je op voor",
            "intro": "Elke zomer belanden kwetsbare Brusselaars door de hitte in het ziekenhuis. "
            "Enkele eenvoudige gewoonten volstaan om dat te voorkomen.",
            "key_messages": [
                "Drink regelmatig water, wacht niet tot u dorst hebt.",
                "Sluit overdag de luiken, verlucht 's nachts.",
                "Vraag hoe het met uw oudere of alleenstaande buren gaat.",
            ],
            "cta": "De juiste reflexen bij een hittegolf",
            "body": [
                (
                    "text",
                    "<p>De campagne wordt verspreid door de gemeenten, de OCMW's, "
                    "de scholen en buurtverenigingen, met affiches en een brochure in "
                    "meerdere talen.</p>",
                )
            ],
        },
    },
    {
        "start_date": dt.date(2026, 10, 1),
        "end_date": dt.date(2026, 12, 31),
        "audiences": [Audience.HOUSEHOLDS],
        "hazards": [Hazard.POWER_CUT, Hazard.FLOOD, Hazard.STORM],
        "guides": ["plan-urgence-familial", "animaux-de-compagnie", "mobilite-reduite"],
        "cta": "kit",
        "fr": {
            "slug": "pret-en-72-heures",
            "title": "Prêt pour 72 heures",
            "intro": "Et si vous deviez vous débrouiller trois jours sans électricité, sans "
            "eau courante ou sans pouvoir sortir ?",
            "key_messages": [
                "Un kit d'urgence pour tenir 72 heures chez soi.",
                "Un plan familial : qui fait quoi, où se retrouver.",
                "Des numéros importants notés sur papier.",
            ],
            "cta": "Composer mon kit d'urgence",
            "body": [
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Pourquoi 72 heures ?",
                        "text": "<p>Lors d'une crise étendue, les secours s'occupent d'abord des "
                        "personnes en danger. Être autonome trois jours leur laisse le temps "
                        "d'agir.</p>",
                    },
                )
            ],
        },
        "nl": {
            "slug": "klaar-voor-72-uur",
            "title": "Klaar voor 72 uur",
            "intro": "Wat als u drie dagen zonder elektriciteit, zonder stromend water of "
            "zonder naar buiten te kunnen moet rondkomen?",
            "key_messages": [
                "Een noodpakket om 72 uur thuis door te komen.",
                "Een gezinsplan: wie doet wat, waar spreken we af.",
                "Belangrijke nummers op papier.",
            ],
            "cta": "Mijn noodpakket samenstellen",
            "body": [
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Waarom 72 uur?",
                        "text": "<p>Bij een grote crisis helpen de hulpdiensten eerst de mensen in "
                        "gevaar. Drie dagen zelfredzaam zijn geeft hen de tijd om op te "
                        "treden.</p>",
                    },
                )
            ],
        },
    },
    {
        "start_date": dt.date(2026, 4, 15),
        "end_date": dt.date(2026, 9, 30),
        "audiences": [Audience.BUILDING_OWNERS, Audience.BUSINESSES, Audience.HOUSEHOLDS],
        "hazards": [Hazard.FLOOD],
        "guides": ["proteger-sa-cave-des-inondations", "renovation-resiliente"],
        "cta": "inondation",
        "fr": {
            "slug": "orages-caves-parkings",
            "title": "Orages : caves et parkings en danger",
            "intro": "Lors des orages d'été, l'eau envahit en quelques minutes les caves et "
            "parkings souterrains. Ne vous y laissez pas piéger.",
            "key_messages": [
                "Pendant un orage, on ne descend pas à la cave ni au parking.",
                "Un clapet anti-retour protège votre maison du refoulement des égouts.",
                "Ce qui a de la valeur ne se range pas au sous-sol.",
            ],
            "cta": "Que faire en cas d'inondation",
            "body": [
                (
                    "text",
                    "<p>Cette campagne s'adresse aux habitants et aux gestionnaires "
                    "d'immeubles et de parkings des quartiers les plus exposés.</p>",
                )
            ],
        },
        "nl": {
            "slug": "onweer-kelders-parkings",
            "title": "Onweer: kelders en parkings in gevaar",
            "intro": "Bij zomeronweer lopen kelders en ondergrondse parkings in enkele minuten "
            "onder water. Laat u niet verrassen.",
            "key_messages": [
                "Tijdens een onweer gaat u niet naar de kelder of de parking.",
                "Een terugslagklep beschermt uw huis tegen terugstromend rioolwater.",
                "Waardevolle spullen bewaart u niet in de kelder.",
            ],
            "cta": "Wat te doen bij een overstroming",
            "body": [
                (
                    "text",
                    "<p>Deze campagne richt zich tot bewoners en beheerders van "
                    "gebouwen en parkings in de meest blootgestelde wijken.</p>",
                )
            ],
        },
    },
]
