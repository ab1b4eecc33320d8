"""Good-practice guides: the population's resilience and that of buildings."""

from campaigns.choices import Audience, GuideTopic

SECTION = {
    "fr": {
        "slug": "guides",
        "title": "Guides pratiques",
        "intro": (
            "Préparer son foyer, aider ses voisins, adapter son logement et son bâtiment : des "
            "conseils concrets, pour les particuliers comme pour les professionnels."
        ),
    },
    "nl": {
        "slug": "gidsen",
        "title": "Praktische gidsen",
        "intro": (
            "Uw gezin voorbereiden, uw buren helpen, uw woning en uw gebouw aanpassen: concrete "
            "tips, voor particulieren en professionals."
        ),
    },
}

A = Audience
GUIDES = [
    {
        "topic": GuideTopic.HOUSEHOLD_PLAN,
        "audiences": [A.HOUSEHOLDS, A.SCHOOLS],
        "fr": {
            "slug": "plan-urgence-familial",
            "title": "Faire son plan d'urgence familial",
            "intro": "Dix minutes autour de la table pour savoir qui fait quoi si une crise "
            "survient quand la famille est dispersée.",
            "body": [
                (
                    "text",
                    "<p>En situation d'urgence, les réseaux téléphoniques peuvent être "
                    "saturés et les déplacements impossibles. Un plan décidé à l'avance évite de "
                    "perdre du temps et de prendre des risques.</p>",
                ),
                (
                    "steps",
                    {
                        "title": "Votre plan en cinq étapes",
                        "steps": [
                            {
                                "title": "Choisissez deux points de rendez-vous",
                                "text": "<p>Un près de chez vous, un autre hors du quartier.</p>",
                            },
                            {
                                "title": "Désignez un contact hors de Bruxelles",
                                "text": "<p>Chacun lui donne de ses nouvelles : il centralise.</p>",
                            },
                            {
                                "title": "Notez qui va chercher les enfants",
                                "text": "<p>Et informez-vous du plan d'urgence de leur école.</p>",
                            },
                            {
                                "title": "Écrivez les numéros importants sur papier",
                                "text": "<p>112, 101, médecin, école, proches.</p>",
                            },
                            {"title": "Préparez votre kit d'urgence", "text": ""},
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Entraînez-vous",
                        "text": "<p>Relisez le plan une fois par an avec toute la famille, y compris les enfants.</p>",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "gezinsnoodplan",
            "title": "Een noodplan voor het gezin maken",
            "intro": "Tien minuten rond de tafel om te weten wie wat doet als er een crisis is "
            "terwijl het gezin verspreid is.",
            "body": [
                (
                    "text",
                    "<p>In een noodsituatie kunnen de telefoonnetwerken overbelast zijn en "
                    "verplaatsingen onmogelijk. Een plan dat vooraf is afgesproken, voorkomt "
                    "tijdverlies en onnodige risico's.</p>",
                ),
                (
                    "steps",
                    {
                        "title": "Uw plan in vijf stappen",
                        "steps": [
                            {
                                "title": "Kies twee verzamelpunten",
                                "text": "<p>Een dicht bij huis, een ander buiten de wijk.</p>",
                            },
                            {
                                "title": "Duid een contactpersoon buiten Brussel aan",
                                "text": "<p>Iedereen geeft hem of haar nieuws: die persoon centraliseert.</p>",
                            },
                            {
                                "title": "Noteer wie de kinderen ophaalt",
                                "text": "<p>En informeer u over het noodplan van hun school.</p>",
                            },
                            {
                                "title": "Schrijf de belangrijke nummers op papier",
                                "text": "<p>112, 101, huisarts, school, naasten.</p>",
                            },
                            {"title": "Stel uw noodpakket samen", "text": ""},
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Oefen",
                        "text": "<p>Overloop het plan één keer per jaar met het hele gezin, ook met de kinderen.</p>",
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.NEIGHBOURS,
        "audiences": [A.HOUSEHOLDS, A.ASSOCIATIONS],
        "fr": {
            "slug": "voisins-solidaires",
            "title": "Voisins solidaires en cas de crise",
            "intro": "Lors d'une canicule, d'une panne ou d'une inondation, les premiers à "
            "pouvoir aider sont souvent les voisins.",
            "body": [
                (
                    "text",
                    "<p>Connaître ses voisins, c'est savoir qui vit seul, qui se déplace "
                    "difficilement, qui a un enfant en bas âge ou un appareil médical. Un simple "
                    "échange de numéros peut tout changer.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Ce que vous pouvez faire",
                        "items": [
                            "Échangez vos numéros avec vos voisins de palier",
                            "Repérez les personnes âgées ou isolées de votre immeuble",
                            "Proposez de relayer les alertes à ceux qui n'ont pas de smartphone",
                            "Créez un groupe de messagerie d'immeuble ou de rue",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Pendant une canicule",
                        "text": "<p>Passez voir les personnes fragiles au moins une fois par jour.</p>",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "solidaire-buren",
            "title": "Solidaire buren bij een crisis",
            "intro": "Tijdens een hittegolf, een stroompanne of een overstroming zijn de buren "
            "vaak de eersten die kunnen helpen.",
            "body": [
                (
                    "text",
                    "<p>Uw buren kennen betekent weten wie alleen woont, wie zich moeilijk "
                    "verplaatst, wie een jong kind of een medisch toestel heeft. Een eenvoudige "
                    "uitwisseling van telefoonnummers kan het verschil maken.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Wat u kunt doen",
                        "items": [
                            "Wissel telefoonnummers uit met de buren op uw verdieping",
                            "Weet wie in uw gebouw ouder of alleenstaand is",
                            "Bied aan om waarschuwingen door te geven aan wie geen smartphone heeft",
                            "Maak een berichtengroep voor uw gebouw of straat",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Tijdens een hittegolf",
                        "text": "<p>Ga minstens één keer per dag langs bij kwetsbare personen.</p>",
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.REDUCED_MOBILITY,
        "audiences": [A.HOUSEHOLDS, A.ASSOCIATIONS, A.BUSINESSES],
        "fr": {
            "slug": "mobilite-reduite",
            "title": "Se préparer quand on a une mobilité réduite",
            "intro": "Ascenseur à l'arrêt, évacuation, coupure de courant : anticipez avec votre "
            "entourage.",
            "body": [
                (
                    "text",
                    "<p>Une situation d'urgence est plus difficile à gérer quand on se "
                    "déplace en fauteuil, qu'on voit ou entend mal, ou qu'on dépend d'un appareil "
                    "électrique. Quelques préparatifs rendent l'aide plus rapide.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "À préparer",
                        "items": [
                            "Un réseau de deux ou trois personnes qui peuvent venir vous aider",
                            "Une fiche avec vos besoins, vos traitements et vos contacts, près de la porte",
                            "Une solution de secours pour les appareils électriques (batterie, lieu d'accueil)",
                            "Le plan d'évacuation de votre immeuble ou de votre lieu de travail",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Au travail",
                        "text": "<p>Demandez qu'un collègue soit désigné pour vous accompagner lors des évacuations.</p>",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "beperkte-mobiliteit",
            "title": "Voorbereid zijn met een beperkte mobiliteit",
            "intro": "Lift buiten dienst, evacuatie, stroomonderbreking: bereid u samen met uw "
            "omgeving voor.",
            "body": [
                (
                    "text",
                    "<p>Een noodsituatie is moeilijker als u zich in een rolstoel "
                    "verplaatst, slecht ziet of hoort, of afhangt van een elektrisch toestel. Enkele "
                    "voorbereidingen zorgen voor snellere hulp.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Voor te bereiden",
                        "items": [
                            "Een netwerk van twee of drie personen die u kunnen komen helpen",
                            "Een fiche met uw noden, behandelingen en contacten, bij de deur",
                            "Een noodoplossing voor elektrische toestellen (batterij, opvangplaats)",
                            "Het evacuatieplan van uw gebouw of werkplek",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "advice",
                        "title": "Op het werk",
                        "text": "<p>Vraag dat een collega wordt aangeduid om u bij evacuaties te begeleiden.</p>",
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.PETS,
        "audiences": [A.HOUSEHOLDS],
        "fr": {
            "slug": "animaux-de-compagnie",
            "title": "Mes animaux en situation d'urgence",
            "intro": "Si vous devez quitter votre logement, votre animal part avec vous : "
            "préparez-le.",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Le kit de votre animal",
                        "items": [
                            "Nourriture et eau pour trois jours",
                            "Laisse, harnais ou caisse de transport",
                            "Carnet de vaccination et numéro de puce",
                            "Médicaments éventuels",
                            "Une photo récente de l'animal avec vous",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "warning",
                        "title": "Canicule",
                        "text": "<p>Ne laissez jamais un animal dans une voiture, même à l'ombre.</p>",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "huisdieren",
            "title": "Mijn huisdieren in een noodsituatie",
            "intro": "Moet u uw woning verlaten, dan gaat uw dier met u mee: bereid het voor.",
            "body": [
                (
                    "checklist",
                    {
                        "title": "Het noodpakket van uw dier",
                        "items": [
                            "Voer en water voor drie dagen",
                            "Leiband, harnas of transportbox",
                            "Vaccinatieboekje en chipnummer",
                            "Eventuele geneesmiddelen",
                            "Een recente foto van u samen met het dier",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "warning",
                        "title": "Hittegolf",
                        "text": "<p>Laat nooit een dier achter in een auto, zelfs niet in de schaduw.</p>",
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.FLOOD_PROOFING,
        "audiences": [A.HOUSEHOLDS, A.BUILDING_OWNERS, A.BUSINESSES],
        "fr": {
            "slug": "proteger-sa-cave-des-inondations",
            "title": "Protéger sa cave et son rez-de-chaussée des inondations",
            "intro": "Des aménagements simples limitent fortement les dégâts quand les égouts "
            "débordent.",
            "body": [
                (
                    "text",
                    "<p>Lors d'un orage, l'eau entre par trois chemins : le refoulement "
                    "des égouts par les avaloirs et les sanitaires de la cave, les soupiraux et "
                    "rampes de garage, et les murs. Chaque chemin a sa parade.</p>",
                ),
                (
                    "steps",
                    {
                        "title": "Par ordre de priorité",
                        "steps": [
                            {
                                "title": "Installez un clapet anti-retour",
                                "text": "<p>Sur la canalisation qui relie la maison à l'égout public, par un professionnel.</p>",
                            },
                            {
                                "title": "Surélevez les installations techniques",
                                "text": "<p>Chaudière, tableau électrique, compteurs : hors d'atteinte de l'eau.</p>",
                            },
                            {
                                "title": "Protégez les ouvertures basses",
                                "text": "<p>Batardeaux amovibles devant les portes et soupiraux, seuil surélevé pour la rampe de garage.</p>",
                            },
                            {
                                "title": "Choisissez des matériaux qui supportent l'eau",
                                "text": "<p>Carrelage, enduit à la chaux, pas de plaques de plâtre ni de moquette en cave.</p>",
                            },
                            {
                                "title": "Gérez l'eau de pluie sur la parcelle",
                                "text": "<p>Citerne, toiture verte, jardin perméable : moins d'eau envoyée vers l'égout.</p>",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Questions fréquentes",
                        "questions": [
                            {
                                "question": "Mon logement est-il en zone inondable ?",
                                "answer": "<p>Consultez la carte des zones d'aléa d'inondation de Bruxelles Environnement.</p>",
                            },
                            {
                                "question": "Existe-t-il des primes ?",
                                "answer": "<p>Renseignez-vous auprès de Bruxelles Environnement et de votre commune : certaines mesures de gestion de l'eau de pluie sont soutenues.</p>",
                            },
                        ],
                    },
                ),
            ],
        },
        "nl": {
            "slug": "kelder-beschermen-tegen-overstromingen",
            "title": "Uw kelder en gelijkvloers beschermen tegen overstromingen",
            "intro": "Eenvoudige aanpassingen beperken de schade sterk wanneer de riolering "
            "overloopt.",
            "body": [
                (
                    "text",
                    "<p>Bij een onweer komt het water langs drie wegen binnen: terugstroming "
                    "uit de riolering via putjes en sanitair in de kelder, keldergaten en "
                    "garagehellingen, en de muren. Voor elke weg bestaat een oplossing.</p>",
                ),
                (
                    "steps",
                    {
                        "title": "In volgorde van prioriteit",
                        "steps": [
                            {
                                "title": "Plaats een terugslagklep",
                                "text": "<p>Op de leiding die het huis met de openbare riolering verbindt, door een vakman.</p>",
                            },
                            {
                                "title": "Plaats technische installaties hoger",
                                "text": "<p>Verwarmingsketel, elektriciteitskast, meters: buiten bereik van het water.</p>",
                            },
                            {
                                "title": "Bescherm de lage openingen",
                                "text": "<p>Afneembare schotten voor deuren en keldergaten, een verhoogde drempel voor de garagehelling.</p>",
                            },
                            {
                                "title": "Kies materialen die tegen water kunnen",
                                "text": "<p>Tegels, kalkpleister, geen gipsplaten of vast tapijt in de kelder.</p>",
                            },
                            {
                                "title": "Beheer het regenwater op het perceel",
                                "text": "<p>Regenput, groendak, doorlaatbare tuin: minder water naar de riolering.</p>",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Veelgestelde vragen",
                        "questions": [
                            {
                                "question": "Ligt mijn woning in overstromingsgebied?",
                                "answer": "<p>Raadpleeg de kaart van de overstromingsgevoelige gebieden van Leefmilieu Brussel.</p>",
                            },
                            {
                                "question": "Bestaan er premies?",
                                "answer": "<p>Informeer bij Leefmilieu Brussel en uw gemeente: sommige maatregelen voor regenwaterbeheer worden ondersteund.</p>",
                            },
                        ],
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.HEAT_PROOFING,
        "audiences": [A.HOUSEHOLDS, A.BUILDING_OWNERS, A.SCHOOLS],
        "fr": {
            "slug": "garder-son-logement-frais",
            "title": "Garder son logement frais pendant les vagues de chaleur",
            "intro": "Protections solaires, ventilation nocturne, végétation : rafraîchir sans "
            "climatiseur.",
            "body": [
                (
                    "text",
                    "<p>Un logement surchauffé met la santé en danger, surtout les nuits "
                    "où la température ne redescend pas. La plupart des solutions consistent à "
                    "empêcher la chaleur d'entrer, puis à l'évacuer la nuit.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Mesures efficaces",
                        "items": [
                            "Protections solaires extérieures (volets, stores, screens) côté sud et ouest",
                            "Isolation de la toiture, la pièce sous les toits étant la plus chaude",
                            "Ventilation traversante la nuit, fenêtres ouvertes sur deux façades",
                            "Toiture verte ou de couleur claire",
                            "Arbres et plantes grimpantes devant les façades exposées",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Pour les écoles",
                        "text": "<p>Prévoyez une classe refuge fraîche et adaptez les horaires des activités physiques.</p>",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "woning-koel-houden",
            "title": "Uw woning koel houden tijdens hittegolven",
            "intro": "Zonwering, nachtelijke ventilatie, groen: verkoelen zonder airco.",
            "body": [
                (
                    "text",
                    "<p>Een oververhitte woning brengt de gezondheid in gevaar, vooral in "
                    "nachten waarin de temperatuur niet daalt. De meeste oplossingen houden de "
                    "warmte buiten en voeren ze 's nachts af.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Doeltreffende maatregelen",
                        "items": [
                            "Buitenzonwering (luiken, zonneschermen, screens) aan de zuid- en westkant",
                            "Dakisolatie, want de kamer onder het dak is de warmste",
                            "Dwarsventilatie 's nachts, met ramen open aan twee gevels",
                            "Groendak of licht gekleurd dak",
                            "Bomen en klimplanten voor blootgestelde gevels",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "level": "info",
                        "title": "Voor scholen",
                        "text": "<p>Voorzie een koel klaslokaal als toevlucht en pas de uren van sportactiviteiten aan.</p>",
                    },
                ),
            ],
        },
    },
    {
        "topic": GuideTopic.RENOVATION,
        "audiences": [A.BUILDING_OWNERS, A.BUSINESSES],
        "fr": {
            "slug": "renovation-resiliente",
            "title": "Rénover en pensant aux risques",
            "intro": "Une rénovation est le bon moment pour rendre un bâtiment plus sûr face à "
            "l'eau, à la chaleur et aux pannes.",
            "body": [
                (
                    "text",
                    "<p>Architectes et maîtres d'ouvrage peuvent intégrer la résilience "
                    "dès la conception, souvent pour un coût marginal quand le chantier est "
                    "ouvert.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Points d'attention pour le projet",
                        "items": [
                            "Consulter la carte des zones d'aléa d'inondation avant de concevoir les niveaux bas",
                            "Placer les locaux techniques au-dessus du niveau de la rue",
                            "Prévoir des protections solaires extérieures et une ventilation nocturne",
                            "Infiltrer ou stocker l'eau de pluie sur la parcelle",
                            "Prévoir l'éclairage de secours et l'accès des services d'incendie",
                        ],
                    },
                ),
                (
                    "contact",
                    {
                        "name": "Facilitateur Bâtiment Durable",
                        "role": "Service gratuit de Bruxelles Environnement pour les professionnels",
                        "phone": "",
                        "email": "",
                        "website": "https://environnement.brussels",
                        "address": "",
                    },
                ),
            ],
        },
        "nl": {
            "slug": "veerkrachtig-renoveren",
            "title": "Renoveren met oog voor risico's",
            "intro": "Een renovatie is het moment om een gebouw veiliger te maken tegen water, "
            "hitte en pannes.",
            "body": [
                (
                    "text",
                    "<p>Architecten en bouwheren kunnen veerkracht al in het ontwerp "
                    "opnemen, vaak tegen een kleine meerkost zolang de werf loopt.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Aandachtspunten voor het project",
                        "items": [
                            "De kaart van de overstromingsgevoelige gebieden raadplegen voor het ontwerp van de lage niveaus",
                            "Technische lokalen boven straatniveau plaatsen",
                            "Buitenzonwering en nachtelijke ventilatie voorzien",
                            "Regenwater op het perceel laten insijpelen of opvangen",
                            "Noodverlichting en toegang voor de brandweer voorzien",
                        ],
                    },
                ),
                (
                    "contact",
                    {
                        "name": "Facilitator Duurzame Gebouwen",
                        "role": "Gratis dienst van Leefmilieu Brussel voor professionals",
                        "phone": "",
                        "email": "",
                        "website": "https://leefmilieu.brussels",
                        "address": "",
                    },
                ),
            ],
        },
    },
]
