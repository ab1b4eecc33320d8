"""The household emergency plan (Belgium's crisis centre asks every household to make one),
and the call-out on the emergency kit that leads to it."""

from campaigns.choices import Hazard

# The risks the plan says what to do for, in this order: the most likely in Brussels.
MAIN_RISKS = [
    Hazard.FLOOD,
    Hazard.HEATWAVE,
    Hazard.STORM,
    Hazard.POWER_CUT,
    Hazard.DRINKING_WATER,
    Hazard.INDUSTRIAL,
]

PLAN = {
    "fr": {
        "slug": "plan-urgence",
        "title": "Notre plan d'urgence familial",
        "intro": "Qui vit ici et de quoi chacun a besoin, où se retrouver, qui appeler, quoi "
        "faire pour chaque risque et où est le kit : remplissez-le ensemble, puis imprimez-le.",
        "callout": (
            "Parlez-en ensemble",
            "<p>Passez le plan en revue avec toute la maison, enfants compris, et donnez-en une "
            "copie à votre contact hors de Bruxelles.</p>",
        ),
        "kit_callout": (
            "Faites aussi votre plan d'urgence",
            "<p>Points de rendez-vous, numéros utiles, réflexes pour chaque risque : "
            '<a linktype="page" id="{id}">remplissez le plan familial</a>. Il reste sur votre '
            "appareil.</p>",
        ),
    },
    "nl": {
        "slug": "noodplan",
        "title": "Ons gezinsnoodplan",
        "intro": "Wie hier woont en wat iedereen nodig heeft, waar u elkaar terugvindt, wie u "
        "belt, wat u doet bij elk risico en waar het noodpakket staat: vul het samen in en "
        "druk het af.",
        "callout": (
            "Bespreek het samen",
            "<p>Overloop het plan met het hele gezin, ook met de kinderen, en geef een kopie aan "
            "uw contactpersoon buiten Brussel.</p>",
        ),
        "kit_callout": (
            "Maak ook uw noodplan",
            "<p>Verzamelplaatsen, nuttige nummers, reflexen per risico: "
            '<a linktype="page" id="{id}">vul het gezinsnoodplan in</a>. Het blijft op uw '
            "toestel.</p>",
        ),
    },
    "en": {
        "slug": "household-plan",
        "title": "Our household emergency plan",
        "intro": "Who lives here and what each person needs, where to meet, whom to call, what "
        "to do for each risk and where the kit is: fill it in together, then print it.",
        "callout": (
            "Talk it over together",
            "<p>Go through the plan with everyone at home, children included, and give a copy "
            "to your contact outside Brussels.</p>",
        ),
        "kit_callout": (
            "Make your emergency plan too",
            "<p>Meeting points, useful numbers, reflexes for each risk: "
            '<a linktype="page" id="{id}">fill in the household plan</a>. It stays on your '
            "device.</p>",
        ),
    },
}


def fields(content: dict, risks=()) -> dict:
    """Model field values of the plan page; `risks` are the chosen risk pages (French)."""
    title, text = content["callout"]
    return {
        "title": content["title"],
        "intro": content["intro"],
        "risks": [("risk", page) for page in risks],
        "body": [("callout", {"level": "advice", "title": title, "text": text})],
    }


def kit_callout(content: dict, plan_page) -> tuple:
    """The kit's call-out block leading to `plan_page` (the plan in the kit's language)."""
    title, text = content["kit_callout"]
    return (
        "callout",
        {"level": "info", "title": title, "text": text.replace("{id}", str(plan_page.pk))},
    )
