"""The texts one approver may send alone to end an incident, as shipped (version 1).

`{event}` and `{area}` stand for the incident's event and area in each language; they are
filled from the message being ended, which was itself approved by two people. A new
version of these texts takes effect only once a second person approves it
(`alerts.services_fast_track`).
"""

ALL_CLEAR = {
    "fr": {
        "headline": "Fin de l'alerte : {event} — {area}",
        "description": "Le danger est écarté. L'alerte « {event} » pour {area} est levée.",
        "instruction": (
            "Vous pouvez reprendre vos activités normales. Aérez votre logement si vous étiez "
            "à l'abri. Suivez encore les éventuelles consignes locales."
        ),
        "sms_text": (
            "Bruxelles: FIN DE L'ALERTE {event} ({area}). Le danger est ecarte, vous pouvez "
            "reprendre vos activites."
        ),
    },
    "nl": {
        "headline": "Einde van het alarm: {event} — {area}",
        "description": "Het gevaar is geweken. Het alarm '{event}' voor {area} is opgeheven.",
        "instruction": (
            "U kunt uw normale activiteiten hervatten. Verlucht uw woning als u binnen bleef. "
            "Volg nog eventuele plaatselijke richtlijnen."
        ),
        "sms_text": (
            "Brussel: EINDE VAN HET ALARM {event} ({area}). Het gevaar is geweken, u kunt uw "
            "activiteiten hervatten."
        ),
    },
    "en": {
        "headline": "All clear: {event} — {area}",
        "description": "The danger has passed. The alert '{event}' for {area} is lifted.",
        "instruction": (
            "You may resume your normal activities. Air your home if you sheltered indoors. "
            "Keep following any local instructions."
        ),
        "sms_text": (
            "Brussels: ALL CLEAR {event} ({area}). The danger has passed, you may resume your "
            "activities."
        ),
    },
}

CORRECTION = {
    "fr": {
        "headline": "Alerte envoyée par erreur : {event} — {area}",
        "description": (
            "L'alerte « {event} » envoyée pour {area} était une erreur. Il n'y a aucun danger."
        ),
        "instruction": "Ne suivez pas ses consignes et reprenez vos activités normales. "
        "Nous vous prions de nous excuser.",
        "sms_text": (
            "Bruxelles: ERREUR. L'alerte {event} ({area}) a ete envoyee par erreur. Aucun "
            "danger: ne suivez pas ses consignes."
        ),
    },
    "nl": {
        "headline": "Alarm bij vergissing verstuurd: {event} — {area}",
        "description": (
            "Het alarm '{event}' voor {area} werd bij vergissing verstuurd. Er is geen gevaar."
        ),
        "instruction": "Volg de richtlijnen ervan niet en hervat uw normale activiteiten. "
        "Onze excuses.",
        "sms_text": (
            "Brussel: VERGISSING. Het alarm {event} ({area}) werd bij vergissing verstuurd. "
            "Geen gevaar: volg de richtlijnen niet."
        ),
    },
    "en": {
        "headline": "Alert sent in error: {event} — {area}",
        "description": "The alert '{event}' sent for {area} was a mistake. There is no danger.",
        "instruction": "Do not follow its instructions; resume your normal activities. "
        "We apologise.",
        "sms_text": (
            "Brussels: ERROR. The alert {event} ({area}) was sent in error. No danger: do not "
            "follow its instructions."
        ),
    },
}

SHIPPED = {"all_clear": ALL_CLEAR, "correction": CORRECTION}
