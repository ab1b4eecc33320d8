"""The pre-written alert templates, in French, Dutch and English.

Loaded by a data migration (and re-applied by the demo seed when missing). The SMS texts
stay within GSM-7 where the language allows it, so each fits in one or two segments.
"""

TEMPLATES = [
    {
        "slug": "chemical-shelter",
        "category": "CBRNE",
        "event": "Chemical release",
        "response_type": "Shelter",
        "urgency": "Immediate",
        "severity": "Severe",
        "certainty": "Observed",
        "duration_hours": 6,
        "texts": {
            "fr": {
                "name": "Rejet chimique – mise à l'abri",
                "event": "Rejet chimique",
                "headline": "Rejet de produits chimiques : mettez-vous à l'abri",
                "description": (
                    "Un nuage de produits chimiques se déplace au-dessus de la zone indiquée. "
                    "Respirer l'air extérieur peut être dangereux."
                ),
                "instruction": (
                    "Rentrez immédiatement dans le bâtiment le plus proche. Fermez portes et "
                    "fenêtres, arrêtez la ventilation et la climatisation. N'allez pas chercher "
                    "vos enfants à l'école : les enseignants s'en occupent. Restez à l'écoute "
                    "des médias et de ce site. N'appelez le 112 qu'en cas d'urgence."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: rejet chimique. Rentrez a l'interieur, fermez portes et "
                    "fenetres, coupez la ventilation."
                ),
            },
            "nl": {
                "name": "Chemische lozing – schuilen",
                "event": "Chemische lozing",
                "headline": "Lozing van chemische stoffen: ga naar binnen",
                "description": (
                    "Een wolk chemische stoffen trekt over het aangeduide gebied. De "
                    "buitenlucht inademen kan gevaarlijk zijn."
                ),
                "instruction": (
                    "Ga onmiddellijk het dichtstbijzijnde gebouw binnen. Sluit deuren en "
                    "ramen, zet ventilatie en airco uit. Haal uw kinderen niet op school: de "
                    "leerkrachten zorgen voor hen. Volg de media en deze website. Bel 112 "
                    "alleen bij een noodgeval."
                ),
                "sms_text": (
                    "ALARM Brussel: chemische lozing. Ga naar binnen, sluit deuren en ramen, "
                    "zet de ventilatie uit."
                ),
            },
            "en": {
                "name": "Chemical release – shelter in place",
                "event": "Chemical release",
                "headline": "Chemical release: go indoors and stay there",
                "description": (
                    "A cloud of chemicals is moving over the area shown. Breathing the "
                    "outside air may be dangerous."
                ),
                "instruction": (
                    "Go into the nearest building at once. Close doors and windows, switch "
                    "off ventilation and air conditioning. Do not fetch your children from "
                    "school: the teachers look after them. Follow the media and this site. "
                    "Call 112 only in an emergency."
                ),
                "sms_text": (
                    "ALERT Brussels: chemical release. Go indoors, close doors and windows, "
                    "switch off ventilation."
                ),
            },
        },
    },
    {
        "slug": "evacuation",
        "category": "Safety",
        "event": "Evacuation",
        "response_type": "Evacuate",
        "urgency": "Immediate",
        "severity": "Extreme",
        "certainty": "Observed",
        "duration_hours": 12,
        "texts": {
            "fr": {
                "name": "Évacuation",
                "event": "Évacuation",
                "headline": "Évacuation de la zone : quittez les lieux",
                "description": (
                    "Les autorités ordonnent l'évacuation de la zone indiquée pour votre sécurité."
                ),
                "instruction": (
                    "Quittez la zone dès maintenant, à pied si possible, en suivant les "
                    "indications des services de secours. Emportez vos médicaments, papiers "
                    "d'identité et chargeur de téléphone. Aidez vos voisins qui en ont besoin. "
                    "Ne revenez pas avant l'annonce de la fin de l'alerte."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: evacuation. Quittez la zone maintenant en suivant les "
                    "secours. Emportez medicaments et papiers."
                ),
            },
            "nl": {
                "name": "Evacuatie",
                "event": "Evacuatie",
                "headline": "Evacuatie van het gebied: verlaat de zone",
                "description": (
                    "De overheid beveelt voor uw veiligheid de evacuatie van het aangeduide gebied."
                ),
                "instruction": (
                    "Verlaat het gebied nu, indien mogelijk te voet, en volg de aanwijzingen "
                    "van de hulpdiensten. Neem uw geneesmiddelen, identiteitspapieren en "
                    "telefoonlader mee. Help buren die hulp nodig hebben. Keer niet terug "
                    "voordat het einde van het alarm is aangekondigd."
                ),
                "sms_text": (
                    "ALARM Brussel: evacuatie. Verlaat de zone nu en volg de hulpdiensten. "
                    "Neem geneesmiddelen en papieren mee."
                ),
            },
            "en": {
                "name": "Evacuation",
                "event": "Evacuation",
                "headline": "Evacuation of the area: leave now",
                "description": (
                    "The authorities order the evacuation of the area shown, for your safety."
                ),
                "instruction": (
                    "Leave the area now, on foot if possible, following the emergency "
                    "services. Take your medicines, identity papers and phone charger. Help "
                    "neighbours who need it. Do not return until the all-clear is announced."
                ),
                "sms_text": (
                    "ALERT Brussels: evacuation. Leave the area now, follow the emergency "
                    "services. Take medicines and papers."
                ),
            },
        },
    },
    {
        "slug": "flood",
        "category": "Met",
        "event": "Flood",
        "response_type": "Avoid",
        "urgency": "Immediate",
        "severity": "Severe",
        "certainty": "Likely",
        "duration_hours": 24,
        "texts": {
            "fr": {
                "name": "Inondation",
                "event": "Inondation",
                "headline": "Risque d'inondation : évitez les caves et les tunnels",
                "description": (
                    "De fortes pluies provoquent des inondations dans la zone indiquée. Le "
                    "niveau de l'eau peut monter très vite."
                ),
                "instruction": (
                    "Ne descendez pas dans les caves, parkings souterrains et tunnels. Ne "
                    "traversez pas une rue inondée, ni à pied ni en voiture. Montez les objets "
                    "de valeur en hauteur et coupez l'électricité si l'eau entre chez vous."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: inondations. Evitez caves, parkings souterrains et "
                    "tunnels. Ne traversez pas l'eau."
                ),
            },
            "nl": {
                "name": "Overstroming",
                "event": "Overstroming",
                "headline": "Overstromingsgevaar: vermijd kelders en tunnels",
                "description": (
                    "Hevige regen veroorzaakt overstromingen in het aangeduide gebied. Het "
                    "water kan zeer snel stijgen."
                ),
                "instruction": (
                    "Ga niet naar kelders, ondergrondse parkings en tunnels. Steek een "
                    "ondergelopen straat niet over, niet te voet en niet met de auto. Breng "
                    "waardevolle spullen naar boven en schakel de elektriciteit uit als het "
                    "water uw woning binnenkomt."
                ),
                "sms_text": (
                    "ALARM Brussel: overstromingen. Vermijd kelders, ondergrondse parkings en "
                    "tunnels. Ga niet door het water."
                ),
            },
            "en": {
                "name": "Flood",
                "event": "Flood",
                "headline": "Flood risk: keep out of cellars and tunnels",
                "description": (
                    "Heavy rain is causing floods in the area shown. Water levels can rise "
                    "very quickly."
                ),
                "instruction": (
                    "Do not go into cellars, underground car parks or tunnels. Do not cross a "
                    "flooded street, on foot or by car. Move valuables upstairs and switch off "
                    "the electricity if water enters your home."
                ),
                "sms_text": (
                    "ALERT Brussels: flooding. Avoid cellars, underground car parks and "
                    "tunnels. Do not walk or drive through water."
                ),
            },
        },
    },
    {
        "slug": "heatwave",
        "category": "Met",
        "event": "Heatwave",
        "response_type": "Prepare",
        "urgency": "Expected",
        "severity": "Moderate",
        "certainty": "Likely",
        "duration_hours": 72,
        "texts": {
            "fr": {
                "name": "Canicule",
                "event": "Canicule",
                "headline": "Canicule : protégez-vous de la chaleur",
                "description": (
                    "De très fortes chaleurs sont attendues ces prochains jours, de jour "
                    "comme de nuit."
                ),
                "instruction": (
                    "Buvez de l'eau régulièrement sans attendre d'avoir soif. Restez au frais "
                    "entre 11 et 18 heures et fermez volets et fenêtres le jour. Prenez des "
                    "nouvelles des personnes âgées, isolées ou malades. Ne laissez jamais un "
                    "enfant ou un animal dans une voiture."
                ),
                "sms_text": (
                    "Bruxelles: canicule. Buvez de l'eau, restez au frais de 11h a 18h, "
                    "prenez des nouvelles des personnes agees."
                ),
            },
            "nl": {
                "name": "Hittegolf",
                "event": "Hittegolf",
                "headline": "Hittegolf: bescherm u tegen de hitte",
                "description": (
                    "De komende dagen wordt zeer grote hitte verwacht, overdag en 's nachts."
                ),
                "instruction": (
                    "Drink regelmatig water, ook zonder dorst. Blijf tussen 11 en 18 uur in "
                    "de koelte en houd overdag luiken en ramen dicht. Houd contact met "
                    "ouderen, alleenstaanden en zieken. Laat nooit een kind of dier achter "
                    "in een auto."
                ),
                "sms_text": (
                    "Brussel: hittegolf. Drink water, blijf van 11u tot 18u in de koelte, "
                    "kijk om naar ouderen."
                ),
            },
            "en": {
                "name": "Heatwave",
                "event": "Heatwave",
                "headline": "Heatwave: protect yourself from the heat",
                "description": (
                    "Very high temperatures are expected in the coming days, day and night."
                ),
                "instruction": (
                    "Drink water regularly, before you feel thirsty. Stay somewhere cool "
                    "between 11:00 and 18:00 and keep shutters and windows closed during the "
                    "day. Check on elderly, isolated or ill people. Never leave a child or an "
                    "animal in a car."
                ),
                "sms_text": (
                    "Brussels: heatwave. Drink water, stay cool from 11:00 to 18:00, check on "
                    "elderly people."
                ),
            },
        },
    },
    {
        "slug": "storm",
        "category": "Met",
        "event": "Storm",
        "response_type": "Avoid",
        "urgency": "Expected",
        "severity": "Severe",
        "certainty": "Likely",
        "duration_hours": 12,
        "texts": {
            "fr": {
                "name": "Tempête",
                "event": "Tempête",
                "headline": "Tempête : limitez vos déplacements",
                "description": (
                    "Des rafales de vent violentes sont attendues. Des arbres, branches et "
                    "objets peuvent tomber."
                ),
                "instruction": (
                    "Évitez les parcs, les bois et les déplacements non indispensables. "
                    "Rentrez ou attachez les objets qui peuvent s'envoler (terrasse, balcon). "
                    "Ne vous abritez pas sous les arbres. Signalez les dégâts au 1722, le 112 "
                    "est réservé aux urgences."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: tempete. Evitez parcs et deplacements, attachez les "
                    "objets exterieurs. Degats: 1722."
                ),
            },
            "nl": {
                "name": "Storm",
                "event": "Storm",
                "headline": "Storm: beperk uw verplaatsingen",
                "description": (
                    "Er worden zware windstoten verwacht. Bomen, takken en voorwerpen kunnen "
                    "vallen."
                ),
                "instruction": (
                    "Vermijd parken, bossen en niet-noodzakelijke verplaatsingen. Zet "
                    "voorwerpen die kunnen wegwaaien binnen of maak ze vast (terras, balkon). "
                    "Schuil niet onder bomen. Meld schade via 1722, 112 is voor noodgevallen."
                ),
                "sms_text": (
                    "ALARM Brussel: storm. Vermijd parken en verplaatsingen, zet voorwerpen "
                    "buiten vast. Schade: 1722."
                ),
            },
            "en": {
                "name": "Storm",
                "event": "Storm",
                "headline": "Storm: limit your journeys",
                "description": (
                    "Violent gusts of wind are expected. Trees, branches and objects may fall."
                ),
                "instruction": (
                    "Avoid parks, woods and unnecessary journeys. Bring in or tie down objects "
                    "that can blow away (terrace, balcony). Do not shelter under trees. Report "
                    "damage to 1722; 112 is for emergencies."
                ),
                "sms_text": (
                    "ALERT Brussels: storm. Avoid parks and travel, tie down outdoor objects. "
                    "Damage: 1722."
                ),
            },
        },
    },
    {
        "slug": "drinking-water",
        "category": "Health",
        "event": "Drinking water contamination",
        "response_type": "Avoid",
        "urgency": "Immediate",
        "severity": "Severe",
        "certainty": "Likely",
        "duration_hours": 48,
        "texts": {
            "fr": {
                "name": "Eau de distribution non potable",
                "event": "Eau du robinet non potable",
                "headline": "Eau du robinet non potable : ne la buvez pas",
                "description": (
                    "L'eau de distribution de la zone indiquée ne peut plus être bue sans "
                    "risque pour la santé."
                ),
                "instruction": (
                    "Ne buvez pas l'eau du robinet et ne l'utilisez pas pour cuisiner, vous "
                    "brosser les dents ou préparer un biberon : utilisez de l'eau en bouteille. "
                    "L'eau peut servir pour la toilette et la chasse d'eau. Attendez l'avis "
                    "de fin d'alerte."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: eau du robinet non potable. Buvez et cuisinez avec de "
                    "l'eau en bouteille."
                ),
            },
            "nl": {
                "name": "Leidingwater niet drinkbaar",
                "event": "Leidingwater niet drinkbaar",
                "headline": "Leidingwater niet drinkbaar: drink het niet",
                "description": (
                    "Het leidingwater in het aangeduide gebied kan niet meer zonder "
                    "gezondheidsrisico gedronken worden."
                ),
                "instruction": (
                    "Drink geen kraantjeswater en gebruik het niet om te koken, uw tanden te "
                    "poetsen of een zuigfles te bereiden: gebruik flessenwater. Het water mag "
                    "wel gebruikt worden om te wassen en door te spoelen. Wacht op het bericht "
                    "dat het alarm voorbij is."
                ),
                "sms_text": (
                    "ALARM Brussel: leidingwater niet drinkbaar. Drink en kook met flessenwater."
                ),
            },
            "en": {
                "name": "Tap water unsafe to drink",
                "event": "Tap water unsafe to drink",
                "headline": "Tap water unsafe: do not drink it",
                "description": (
                    "Tap water in the area shown can no longer be drunk without a health risk."
                ),
                "instruction": (
                    "Do not drink tap water or use it for cooking, brushing your teeth or "
                    "preparing baby bottles: use bottled water. You may use it for washing "
                    "and flushing. Wait for the all-clear."
                ),
                "sms_text": (
                    "ALERT Brussels: tap water unsafe to drink. Use bottled water for "
                    "drinking and cooking."
                ),
            },
        },
    },
    {
        "slug": "power-cut",
        "category": "Infra",
        "event": "Power cut",
        "response_type": "Prepare",
        "urgency": "Immediate",
        "severity": "Moderate",
        "certainty": "Observed",
        "duration_hours": 12,
        "texts": {
            "fr": {
                "name": "Coupure de courant",
                "event": "Coupure de courant",
                "headline": "Coupure de courant étendue",
                "description": (
                    "Une panne d'électricité touche la zone indiquée. Le rétablissement peut "
                    "prendre plusieurs heures."
                ),
                "instruction": (
                    "Utilisez une lampe de poche plutôt que des bougies. Gardez le frigo et le "
                    "congélateur fermés. Débranchez les appareils sensibles. Économisez la "
                    "batterie de votre téléphone. Prenez des nouvelles des personnes qui "
                    "dépendent d'un appareil médical."
                ),
                "sms_text": (
                    "Bruxelles: coupure de courant. Utilisez une lampe de poche, gardez le "
                    "frigo ferme, economisez votre batterie."
                ),
            },
            "nl": {
                "name": "Stroomonderbreking",
                "event": "Stroomonderbreking",
                "headline": "Uitgebreide stroomonderbreking",
                "description": (
                    "Een stroompanne treft het aangeduide gebied. Het herstel kan meerdere "
                    "uren duren."
                ),
                "instruction": (
                    "Gebruik een zaklamp in plaats van kaarsen. Houd koelkast en diepvriezer "
                    "dicht. Trek de stekker van gevoelige toestellen uit. Spaar de batterij "
                    "van uw telefoon. Houd contact met mensen die afhankelijk zijn van een "
                    "medisch toestel."
                ),
                "sms_text": (
                    "Brussel: stroomonderbreking. Gebruik een zaklamp, houd de koelkast dicht, "
                    "spaar uw batterij."
                ),
            },
            "en": {
                "name": "Power cut",
                "event": "Power cut",
                "headline": "Widespread power cut",
                "description": (
                    "A power failure affects the area shown. Restoring it may take several hours."
                ),
                "instruction": (
                    "Use a torch rather than candles. Keep the fridge and freezer closed. "
                    "Unplug sensitive appliances. Save your phone battery. Check on people "
                    "who depend on medical equipment."
                ),
                "sms_text": (
                    "Brussels: power cut. Use a torch, keep the fridge closed, save your "
                    "phone battery."
                ),
            },
        },
    },
    {
        "slug": "large-event-incident",
        "category": "Safety",
        "event": "Incident at a large event",
        "response_type": "Avoid",
        "urgency": "Immediate",
        "severity": "Severe",
        "certainty": "Observed",
        "duration_hours": 4,
        "texts": {
            "fr": {
                "name": "Incident lors d'un grand événement",
                "event": "Incident lors d'un grand événement",
                "headline": "Incident lors d'un événement : évitez le secteur",
                "description": (
                    "Un incident est en cours lors d'un grand rassemblement dans la zone "
                    "indiquée. Les services de secours sont sur place."
                ),
                "instruction": (
                    "Ne vous rendez pas dans le secteur et laissez le passage aux secours. "
                    "Si vous êtes sur place, restez calme, suivez les consignes des stewards "
                    "et de la police et éloignez-vous par les sorties indiquées. Ne diffusez "
                    "pas de rumeurs."
                ),
                "sms_text": (
                    "ALERTE Bruxelles: incident lors d'un evenement. Evitez le secteur, "
                    "suivez les consignes de la police."
                ),
            },
            "nl": {
                "name": "Incident op een groot evenement",
                "event": "Incident op een groot evenement",
                "headline": "Incident op een evenement: vermijd de omgeving",
                "description": (
                    "Er is een incident aan de gang op een grote samenkomst in het "
                    "aangeduide gebied. De hulpdiensten zijn ter plaatse."
                ),
                "instruction": (
                    "Ga niet naar de omgeving en maak de weg vrij voor de hulpdiensten. Bent "
                    "u ter plaatse, blijf kalm, volg de aanwijzingen van stewards en politie "
                    "en verlaat de plek via de aangeduide uitgangen. Verspreid geen geruchten."
                ),
                "sms_text": (
                    "ALARM Brussel: incident op een evenement. Vermijd de omgeving, volg de "
                    "aanwijzingen van de politie."
                ),
            },
            "en": {
                "name": "Incident at a large event",
                "event": "Incident at a large event",
                "headline": "Incident at an event: avoid the area",
                "description": (
                    "An incident is under way at a large gathering in the area shown. The "
                    "emergency services are on site."
                ),
                "instruction": (
                    "Do not go to the area and keep the way clear for the emergency services. "
                    "If you are there, stay calm, follow the stewards and police, and leave "
                    "by the exits indicated. Do not spread rumours."
                ),
                "sms_text": (
                    "ALERT Brussels: incident at an event. Avoid the area, follow police "
                    "instructions."
                ),
            },
        },
    },
]


def _known(model, values: dict) -> dict:
    """The values a (possibly historical, in a migration) model has fields for."""
    names = {field.name for field in model._meta.get_fields()}
    return {name: value for name, value in values.items() if name in names}


def event_names() -> dict:
    """{(slug, language): event name in that language}."""
    return {
        (data["slug"], language): text["event"]
        for data in TEMPLATES
        for language, text in data["texts"].items()
    }


def load_templates(template_model, text_model) -> int:
    """Create the templates that do not exist yet (by slug); returns how many were created."""
    created = 0
    for order, data in enumerate(TEMPLATES):
        if template_model.objects.filter(slug=data["slug"]).exists():
            continue
        template = template_model.objects.create(
            slug=data["slug"],
            category=data["category"],
            event=data["event"],
            response_type=data["response_type"],
            urgency=data["urgency"],
            severity=data["severity"],
            certainty=data["certainty"],
            duration_hours=data["duration_hours"],
            sort_order=order,
        )
        for language, text in data["texts"].items():
            text_model.objects.create(
                template=template, language=language, **_known(text_model, text)
            )
        created += 1
    return created
