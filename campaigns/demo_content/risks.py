"""Risk pages: what it is, before, during, after. Order matters: the first risk of a CAP
category is the one an alert of that category links to."""

from alerts.cap_vocab import Category
from campaigns.choices import Hazard

SECTION = {
    "fr": {
        "slug": "risques",
        "title": "Les risques",
        "intro": (
            "Inondation, canicule, tempête, panne d'électricité… Pour chaque risque : ce que "
            "c'est, comment s'y préparer, les bons réflexes pendant et ce qu'il faut faire après."
        ),
    },
    "nl": {
        "slug": "risicos",
        "title": "De risico's",
        "intro": (
            "Overstroming, hittegolf, storm, stroompanne… Per risico: wat het is, hoe u zich "
            "voorbereidt, de juiste reflexen tijdens en wat u daarna moet doen."
        ),
    },
    "en": {
        "slug": "risks",
        "title": "Risks",
        "intro": (
            "Flood, heatwave, storm, power cut… For each risk: what it is, how to prepare, the "
            "right reflexes during the event and what to do afterwards."
        ),
    },
}


def _risk(hazard, category, content):
    return {"hazard": hazard, "cap_category": category, "content": content}


RISKS = [
    _risk(
        Hazard.FLOOD,
        Category.MET,
        {
            "fr": {
                "slug": "inondation",
                "title": "Inondation",
                "intro": "À Bruxelles, les inondations viennent surtout d'orages violents qui "
                "saturent les égouts en quelques minutes.",
                "what": "<p>Un orage intense peut faire déborder le réseau d'égouttage et remplir "
                "en peu de temps les caves, les parkings souterrains, les tunnels et les rues en "
                "contrebas, notamment dans les vallées de la Senne, du Maelbeek et de la Woluwe. "
                "La carte des zones d'aléa d'inondation de Bruxelles Environnement indique si votre "
                "rue est exposée.</p>",
                "before": [
                    "Vérifiez sur la carte de Bruxelles Environnement si votre adresse est en zone d'aléa",
                    "Rangez les objets de valeur et les produits dangereux en hauteur, pas à la cave",
                    "Faites installer un clapet anti-retour sur votre raccordement à l'égout",
                    "Repérez le compteur électrique et le robinet de gaz pour pouvoir les couper",
                    "Abonnez-vous aux alertes de votre commune",
                ],
                "during": [
                    (
                        "Ne descendez pas à la cave ni au parking souterrain",
                        "L'eau peut monter en quelques minutes et bloquer les portes.",
                    ),
                    (
                        "Coupez l'électricité si l'eau approche des prises",
                        "Seulement si vous pouvez le faire au sec.",
                    ),
                    (
                        "Ne roulez pas et ne marchez pas dans une rue inondée",
                        "Une plaque d'égout peut avoir sauté ; 30 cm d'eau suffisent à emporter une voiture.",
                    ),
                    (
                        "Appelez le 112 si une vie est en danger",
                        "Pour une cave inondée sans danger, attendez : les secours traitent d'abord les urgences.",
                    ),
                ],
                "after": "<ul><li>Photographiez les dégâts et prévenez votre assureur au plus vite.</li>"
                "<li>Portez des gants et des bottes pour nettoyer : l'eau d'égout est souillée.</li>"
                "<li>Jetez les aliments qui ont été en contact avec l'eau.</li>"
                "<li>Faites contrôler l'installation électrique avant de la remettre en service.</li></ul>",
            },
            "nl": {
                "slug": "overstroming",
                "title": "Overstroming",
                "intro": "In Brussel ontstaan overstromingen vooral door hevige onweders die de "
                "riolering in enkele minuten verzadigen.",
                "what": "<p>Een hevig onweer kan de riolering doen overlopen en in korte tijd "
                "kelders, ondergrondse parkings, tunnels en lager gelegen straten doen vollopen, "
                "vooral in de valleien van de Zenne, de Maalbeek en de Woluwe. De kaart van de "
                "overstromingsgevoelige gebieden van Leefmilieu Brussel toont of uw straat "
                "blootgesteld is.</p>",
                "before": [
                    "Controleer op de kaart van Leefmilieu Brussel of uw adres in een risicogebied ligt",
                    "Bewaar waardevolle spullen en gevaarlijke producten hoog, niet in de kelder",
                    "Laat een terugslagklep op uw rioolaansluiting plaatsen",
                    "Weet waar de elektriciteitsmeter en de gaskraan zitten om ze te kunnen afsluiten",
                    "Schrijf u in op de waarschuwingen voor uw gemeente",
                ],
                "during": [
                    (
                        "Ga niet naar de kelder of de ondergrondse parking",
                        "Het water kan in enkele minuten stijgen en deuren blokkeren.",
                    ),
                    (
                        "Schakel de elektriciteit uit als het water de stopcontacten nadert",
                        "Alleen als u dat droog kunt doen.",
                    ),
                    (
                        "Rijd of wandel niet door een overstroomde straat",
                        "Een putdeksel kan weggeslagen zijn; 30 cm water volstaat om een auto mee te sleuren.",
                    ),
                    (
                        "Bel 112 als een leven in gevaar is",
                        "Voor een ondergelopen kelder zonder gevaar wacht u: de hulpdiensten gaan eerst naar de dringende gevallen.",
                    ),
                ],
                "after": "<ul><li>Fotografeer de schade en verwittig zo snel mogelijk uw verzekeraar.</li>"
                "<li>Draag handschoenen en laarzen bij het opruimen: rioolwater is vervuild.</li>"
                "<li>Gooi voedsel weg dat met het water in contact is gekomen.</li>"
                "<li>Laat de elektrische installatie nakijken voor u ze weer inschakelt.</li></ul>",
            },
            "en": {
                "slug": "flood",
                "title": "Flood",
                "intro": "In Brussels, floods mostly come from violent thunderstorms that overwhelm "
                "the sewers within minutes.",
                "what": "<p>A heavy thunderstorm can make the sewer network overflow and quickly fill "
                "basements, underground car parks, tunnels and low-lying streets, especially in the "
                "Senne, Maelbeek and Woluwe valleys. Brussels Environment's flood hazard map shows "
                "whether your street is exposed.</p>",
                "before": [
                    "Check on Brussels Environment's map whether your address is in a flood-hazard area",
                    "Store valuables and hazardous products high up, not in the basement",
                    "Have a non-return valve fitted on your sewer connection",
                    "Know where the electricity meter and the gas valve are so you can turn them off",
                    "Subscribe to the alerts for your commune",
                ],
                "during": [
                    (
                        "Do not go down to the basement or an underground car park",
                        "Water can rise within minutes and block doors.",
                    ),
                    (
                        "Switch off the electricity if water reaches the sockets",
                        "Only if you can do it standing on dry ground.",
                    ),
                    (
                        "Do not drive or walk through a flooded street",
                        "A manhole cover may have lifted; 30 cm of water can carry a car away.",
                    ),
                    (
                        "Call 112 if a life is in danger",
                        "For a flooded basement with no danger, wait: emergency services deal with urgent calls first.",
                    ),
                ],
                "after": "<ul><li>Photograph the damage and inform your insurer as soon as possible.</li>"
                "<li>Wear gloves and boots to clean up: sewer water is contaminated.</li>"
                "<li>Throw away food that has been in contact with the water.</li>"
                "<li>Have the electrical installation checked before switching it back on.</li></ul>",
            },
        },
    ),
    _risk(
        Hazard.HEATWAVE,
        Category.MET,
        {
            "fr": {
                "slug": "canicule",
                "title": "Canicule",
                "intro": "Plusieurs jours de forte chaleur fatiguent l'organisme, surtout en ville où "
                "les nuits restent chaudes.",
                "what": "<p>On parle de vague de chaleur lorsque les températures restent élevées "
                "plusieurs jours de suite. L'IRM publie les avertissements chaleur et la Région "
                "active son plan canicule et pics d'ozone. Les personnes âgées, les jeunes enfants, "
                "les malades chroniques et les personnes isolées sont les plus à risque.</p>",
                "before": [
                    "Repérez une pièce fraîche chez vous ou un lieu climatisé près de chez vous",
                    "Prévoyez des volets, stores ou rideaux occultants côté soleil",
                    "Demandez à votre médecin si vos médicaments nécessitent des précautions",
                    "Convenez avec vos voisins âgés ou isolés de passer les voir",
                ],
                "during": [
                    (
                        "Buvez de l'eau régulièrement, sans attendre d'avoir soif",
                        "Évitez l'alcool et les boissons très sucrées.",
                    ),
                    (
                        "Fermez fenêtres et volets le jour, aérez la nuit",
                        "Quand l'air extérieur est plus frais que l'intérieur.",
                    ),
                    (
                        "Évitez les efforts aux heures les plus chaudes",
                        "Restez à l'ombre et rafraîchissez-vous avec un linge humide.",
                    ),
                    (
                        "Ne laissez jamais un enfant ou un animal dans une voiture",
                        "Même quelques minutes.",
                    ),
                    (
                        "Appelez le 112 en cas de coup de chaleur",
                        "Peau chaude et sèche, confusion, malaise : c'est une urgence.",
                    ),
                ],
                "after": "<p>Continuez à boire et à prendre des nouvelles des personnes fragiles : la "
                "fatigue de plusieurs jours de chaleur se fait sentir après le pic.</p>",
            },
            "nl": {
                "slug": "hittegolf",
                "title": "Hittegolf",
                "intro": "Meerdere dagen grote hitte putten het lichaam uit, zeker in de stad waar "
                "de nachten warm blijven.",
                "what": "<p>Er is sprake van een hittegolf als de temperaturen meerdere dagen na "
                "elkaar hoog blijven. Het KMI geeft de hittewaarschuwingen en het Gewest activeert "
                "zijn hitte- en ozonplan. Ouderen, jonge kinderen, chronisch zieken en alleenstaanden "
                "lopen het grootste risico.</p>",
                "before": [
                    "Zoek een koele kamer in huis of een gekoelde plek in uw buurt",
                    "Voorzie rolluiken, zonneschermen of verduisterende gordijnen aan de zonkant",
                    "Vraag uw arts of uw geneesmiddelen voorzorgen vragen",
                    "Spreek met oudere of alleenstaande buren af dat u langsgaat",
                ],
                "during": [
                    (
                        "Drink regelmatig water, wacht niet tot u dorst hebt",
                        "Vermijd alcohol en zeer suikerrijke dranken.",
                    ),
                    (
                        "Sluit overdag ramen en luiken, verlucht 's nachts",
                        "Wanneer de buitenlucht koeler is dan binnen.",
                    ),
                    (
                        "Vermijd inspanningen op de warmste uren",
                        "Blijf in de schaduw en verfris u met een vochtige doek.",
                    ),
                    (
                        "Laat nooit een kind of een dier achter in een auto",
                        "Zelfs niet enkele minuten.",
                    ),
                    (
                        "Bel 112 bij een hitteslag",
                        "Warme en droge huid, verwardheid, onwel worden: dat is een noodgeval.",
                    ),
                ],
                "after": "<p>Blijf drinken en blijf kwetsbare personen opvolgen: de vermoeidheid van "
                "meerdere hittedagen laat zich na de piek voelen.</p>",
            },
            "en": {
                "slug": "heatwave",
                "title": "Heatwave",
                "intro": "Several days of intense heat wear the body down, especially in the city "
                "where nights stay warm.",
                "what": "<p>A heatwave is a spell of several consecutive days of high temperatures. "
                "The Royal Meteorological Institute (RMI) issues heat warnings and the Region "
                "activates its heat and ozone plan. Older people, young children, the chronically "
                "ill and people living alone are most at risk.</p>",
                "before": [
                    "Find a cool room at home or an air-conditioned place near you",
                    "Fit shutters, blinds or blackout curtains on the sunny side",
                    "Ask your doctor whether your medicines need special care",
                    "Agree with older or isolated neighbours that you will drop by",
                ],
                "during": [
                    (
                        "Drink water regularly, before you feel thirsty",
                        "Avoid alcohol and very sugary drinks.",
                    ),
                    (
                        "Close windows and shutters by day, air the rooms at night",
                        "When the air outside is cooler than inside.",
                    ),
                    (
                        "Avoid exertion during the hottest hours",
                        "Stay in the shade and cool down with a damp cloth.",
                    ),
                    ("Never leave a child or an animal in a car", "Not even for a few minutes."),
                    (
                        "Call 112 for heatstroke",
                        "Hot, dry skin, confusion, feeling faint: it is an emergency.",
                    ),
                ],
                "after": "<p>Keep drinking and keep checking on vulnerable people: the fatigue of "
                "several hot days shows after the peak.</p>",
            },
        },
    ),
    _risk(
        Hazard.STORM,
        Category.MET,
        {
            "fr": {
                "slug": "tempete",
                "title": "Tempête et vents violents",
                "intro": "Des rafales violentes peuvent arracher des branches, des tuiles et des "
                "échafaudages.",
                "what": "<p>L'IRM avertit des vents violents par des codes jaune, orange et rouge. "
                "Lors d'une tempête, Bruxelles Environnement ferme les parcs et la forêt de Soignes, "
                "où les chutes d'arbres et de branches sont le principal danger.</p>",
                "before": [
                    "Rentrez ou fixez ce qui peut s'envoler : pots, mobilier de jardin, trampoline",
                    "Fermez volets et fenêtres",
                    "Rechargez votre téléphone et gardez une lampe de poche à portée de main",
                    "Reportez les déplacements non indispensables",
                ],
                "during": [
                    ("Restez à l'intérieur, loin des fenêtres", None),
                    (
                        "N'allez pas dans les parcs ni en forêt",
                        "Ne vous abritez pas sous un arbre.",
                    ),
                    ("Ne montez pas sur le toit pour réparer", "Attendez la fin de la tempête."),
                    (
                        "Appelez le 112 uniquement en cas de danger pour des personnes",
                        "Les lignes doivent rester libres pour les urgences.",
                    ),
                ],
                "after": "<ul><li>Ne touchez jamais un câble électrique tombé au sol.</li>"
                "<li>Méfiez-vous des branches cassées encore suspendues.</li>"
                "<li>Photographiez les dégâts pour votre assureur.</li></ul>",
            },
            "nl": {
                "slug": "storm",
                "title": "Storm en hevige wind",
                "intro": "Zware rukwinden kunnen takken, dakpannen en stellingen losrukken.",
                "what": "<p>Het KMI waarschuwt voor hevige wind met de codes geel, oranje en rood. "
                "Bij storm sluit Leefmilieu Brussel de parken en het Zoniënwoud, waar vallende bomen "
                "en takken het grootste gevaar vormen.</p>",
                "before": [
                    "Haal binnen of maak vast wat kan wegwaaien: potten, tuinmeubelen, trampoline",
                    "Sluit luiken en ramen",
                    "Laad uw telefoon op en houd een zaklamp bij de hand",
                    "Stel niet-noodzakelijke verplaatsingen uit",
                ],
                "during": [
                    ("Blijf binnen, weg van de ramen", None),
                    ("Ga niet naar parken of bossen", "Schuil niet onder een boom."),
                    ("Klim niet op het dak om te herstellen", "Wacht tot de storm voorbij is."),
                    (
                        "Bel 112 alleen als er gevaar is voor personen",
                        "De lijnen moeten vrij blijven voor noodgevallen.",
                    ),
                ],
                "after": "<ul><li>Raak nooit een elektriciteitskabel op de grond aan.</li>"
                "<li>Pas op voor afgebroken takken die nog hangen.</li>"
                "<li>Fotografeer de schade voor uw verzekeraar.</li></ul>",
            },
            "en": {
                "slug": "storm",
                "title": "Storm and high winds",
                "intro": "Violent gusts can tear off branches, roof tiles and scaffolding.",
                "what": "<p>The RMI warns of high winds with yellow, orange and red codes. During a "
                "storm, Brussels Environment closes the parks and the Sonian Forest, where falling "
                "trees and branches are the main danger.</p>",
                "before": [
                    "Bring in or tie down anything that can blow away: pots, garden furniture, trampoline",
                    "Close shutters and windows",
                    "Charge your phone and keep a torch at hand",
                    "Postpone journeys that are not essential",
                ],
                "during": [
                    ("Stay indoors, away from windows", None),
                    ("Stay out of parks and woods", "Do not shelter under a tree."),
                    ("Do not climb onto the roof to repair it", "Wait until the storm is over."),
                    (
                        "Call 112 only if people are in danger",
                        "Lines must stay free for emergencies.",
                    ),
                ],
                "after": "<ul><li>Never touch a power line lying on the ground.</li>"
                "<li>Watch out for broken branches still hanging in trees.</li>"
                "<li>Photograph the damage for your insurer.</li></ul>",
            },
        },
    ),
    _risk(
        Hazard.POWER_CUT,
        Category.INFRA,
        {
            "fr": {
                "slug": "panne-electricite",
                "title": "Panne d'électricité",
                "intro": "Une coupure de courant prolongée touche l'éclairage, le chauffage, les "
                "ascenseurs, les télécommunications et les appareils médicaux.",
                "what": "<p>À Bruxelles, le réseau de distribution est géré par Sibelga. Une panne "
                "peut être locale (incident sur un câble) ou plus large ; en cas de pénurie, un plan "
                "de délestage peut couper certaines zones à tour de rôle.</p>",
                "before": [
                    "Gardez une lampe de poche, des piles et une radio à piles",
                    "Ayez une batterie externe chargée pour votre téléphone",
                    "Si un proche dépend d'un appareil médical électrique, prévoyez une solution de secours avec son médecin",
                    "Sachez ouvrir manuellement votre porte de garage",
                ],
                "during": [
                    (
                        "Utilisez une lampe de poche plutôt que des bougies",
                        "Moins de risque d'incendie.",
                    ),
                    (
                        "Gardez le frigo et le congélateur fermés",
                        "Ils restent froids plusieurs heures.",
                    ),
                    (
                        "Débranchez les appareils sensibles",
                        "Pour éviter les dégâts au retour du courant.",
                    ),
                    (
                        "Vérifiez si la panne touche tout le quartier",
                        "Si seul votre logement est touché, vérifiez votre disjoncteur.",
                    ),
                    ("N'appelez le 112 qu'en cas d'urgence", None),
                ],
                "after": "<p>Rebranchez les appareils un à un. Jetez les aliments surgelés qui ont "
                "décongelé et les produits frais restés longtemps au-dessus de 7 °C.</p>",
            },
            "nl": {
                "slug": "stroompanne",
                "title": "Stroompanne",
                "intro": "Een langdurige stroomonderbreking treft verlichting, verwarming, liften, "
                "telecommunicatie en medische toestellen.",
                "what": "<p>In Brussel beheert Sibelga het distributienet. Een panne kan lokaal zijn "
                "(incident op een kabel) of groter; bij een tekort kan een afschakelplan bepaalde "
                "zones beurtelings afsluiten.</p>",
                "before": [
                    "Houd een zaklamp, batterijen en een radio op batterijen klaar",
                    "Zorg voor een opgeladen powerbank voor uw telefoon",
                    "Hangt een naaste af van een elektrisch medisch toestel, voorzie dan samen met de arts een noodoplossing",
                    "Weet hoe u uw garagepoort met de hand opent",
                ],
                "during": [
                    ("Gebruik een zaklamp in plaats van kaarsen", "Minder brandgevaar."),
                    ("Houd koelkast en diepvries gesloten", "Ze blijven enkele uren koud."),
                    (
                        "Trek de stekker uit gevoelige toestellen",
                        "Zo vermijdt u schade wanneer de stroom terugkomt.",
                    ),
                    (
                        "Ga na of de hele buurt getroffen is",
                        "Is alleen uw woning getroffen, controleer dan uw zekeringkast.",
                    ),
                    ("Bel 112 alleen bij een noodgeval", None),
                ],
                "after": "<p>Schakel de toestellen een voor een weer in. Gooi ontdooide diepvriesproducten "
                "weg en verse producten die lang boven 7 °C zijn gebleven.</p>",
            },
            "en": {
                "slug": "power-cut",
                "title": "Power cut",
                "intro": "A long power cut affects lighting, heating, lifts, telecommunications and "
                "medical devices.",
                "what": "<p>In Brussels the distribution network is run by Sibelga. A cut can be local "
                "(a faulty cable) or wider; in case of shortage, a load-shedding plan may cut some "
                "areas in turn.</p>",
                "before": [
                    "Keep a torch, batteries and a battery-powered radio",
                    "Keep a charged power bank for your phone",
                    "If someone close to you depends on an electrical medical device, plan a back-up with their doctor",
                    "Know how to open your garage door by hand",
                ],
                "during": [
                    ("Use a torch rather than candles", "Less risk of fire."),
                    ("Keep the fridge and freezer closed", "They stay cold for several hours."),
                    ("Unplug sensitive appliances", "To avoid damage when the power comes back."),
                    (
                        "Check whether the whole street is affected",
                        "If only your home is, check your circuit breaker.",
                    ),
                    ("Call 112 only in an emergency", None),
                ],
                "after": "<p>Plug appliances back in one at a time. Throw away frozen food that has "
                "thawed and fresh products that stayed above 7 °C for a long time.</p>",
            },
        },
    ),
    _risk(
        Hazard.DRINKING_WATER,
        Category.INFRA,
        {
            "fr": {
                "slug": "eau-potable",
                "title": "Problème d'eau potable",
                "intro": "Coupure d'eau ou eau impropre à la consommation : suivez les consignes de "
                "Vivaqua et des autorités.",
                "what": "<p>Vivaqua produit et distribue l'eau de distribution à Bruxelles. Une "
                "rupture de conduite peut priver un quartier d'eau ; une contamination peut imposer "
                "de ne pas boire l'eau du robinet, ou de la faire bouillir, jusqu'à nouvel ordre.</p>",
                "before": [
                    "Gardez une réserve d'eau en bouteille (au moins 2 litres par personne et par jour, pour 3 jours)",
                    "Notez le numéro de votre compteur d'eau et l'emplacement du robinet d'arrêt",
                ],
                "during": [
                    (
                        "Respectez strictement la consigne donnée",
                        "« Ne pas boire », « faire bouillir » ou « ne pas utiliser » ne signifient pas la même chose.",
                    ),
                    (
                        "Utilisez de l'eau en bouteille pour boire, cuisiner et préparer les biberons",
                        None,
                    ),
                    (
                        "Si l'on vous demande de faire bouillir l'eau",
                        "Portez-la à pleine ébullition pendant au moins une minute et laissez refroidir.",
                    ),
                    ("Informez vos voisins qui n'auraient pas reçu l'alerte", None),
                ],
                "after": "<p>Quand la consigne est levée, faites couler l'eau froide quelques minutes "
                "à chaque robinet avant de la consommer.</p>",
            },
            "nl": {
                "slug": "drinkwater",
                "title": "Probleem met het drinkwater",
                "intro": "Wateronderbreking of water dat niet drinkbaar is: volg de richtlijnen van "
                "Vivaqua en de overheid.",
                "what": "<p>Vivaqua produceert en verdeelt het leidingwater in Brussel. Een leidingbreuk "
                "kan een wijk zonder water zetten; een besmetting kan ertoe leiden dat u het "
                "kraantjeswater tot nader order niet mag drinken of moet koken.</p>",
                "before": [
                    "Houd een voorraad flessenwater (minstens 2 liter per persoon per dag, voor 3 dagen)",
                    "Noteer het nummer van uw watermeter en waar de afsluitkraan zit",
                ],
                "during": [
                    (
                        "Volg de gegeven richtlijn strikt",
                        "'Niet drinken', 'koken' of 'niet gebruiken' betekenen niet hetzelfde.",
                    ),
                    (
                        "Gebruik flessenwater om te drinken, te koken en zuigflessen te bereiden",
                        None,
                    ),
                    (
                        "Als u het water moet koken",
                        "Breng het minstens één minuut aan de kook en laat het afkoelen.",
                    ),
                    ("Verwittig buren die de waarschuwing misschien niet kregen", None),
                ],
                "after": "<p>Wanneer de richtlijn wordt opgeheven, laat u het koude water aan elke kraan "
                "enkele minuten lopen voor u het drinkt.</p>",
            },
            "en": {
                "slug": "drinking-water",
                "title": "Drinking-water problem",
                "intro": "Water cut or water unfit to drink: follow the instructions of Vivaqua and "
                "the authorities.",
                "what": "<p>Vivaqua produces and distributes tap water in Brussels. A burst main can "
                "leave a neighbourhood without water; contamination can mean you must not drink tap "
                "water, or must boil it, until further notice.</p>",
                "before": [
                    "Keep a stock of bottled water (at least 2 litres per person per day, for 3 days)",
                    "Note your water meter number and where the stop valve is",
                ],
                "during": [
                    (
                        "Follow the instruction exactly",
                        "'Do not drink', 'boil' and 'do not use' do not mean the same thing.",
                    ),
                    ("Use bottled water for drinking, cooking and baby bottles", None),
                    (
                        "If you are asked to boil water",
                        "Bring it to a full boil for at least one minute and let it cool.",
                    ),
                    ("Tell neighbours who may not have received the alert", None),
                ],
                "after": "<p>When the instruction is lifted, run the cold tap for a few minutes at each "
                "tap before drinking.</p>",
            },
        },
    ),
    _risk(
        Hazard.INDUSTRIAL,
        Category.CBRNE,
        {
            "fr": {
                "slug": "accident-chimique",
                "title": "Accident industriel ou chimique",
                "intro": "Incendie d'entrepôt, fuite de gaz ou accident de transport de matières "
                "dangereuses : le nuage peut toucher plusieurs quartiers.",
                "what": "<p>Bruxelles compte peu de sites industriels à haut risque, mais des "
                "matières dangereuses transitent par la route, le rail et le canal. Un incendie ou "
                "une fuite peut libérer des fumées toxiques.</p>",
                "before": [
                    "Abonnez-vous aux alertes pour votre commune et votre lieu de travail",
                    "Repérez la pièce de votre logement la plus facile à fermer, si possible sans fenêtre",
                ],
                "during": [
                    ("Rentrez immédiatement dans le bâtiment le plus proche", None),
                    (
                        "Fermez portes et fenêtres, coupez la ventilation",
                        "Éteignez la hotte et la ventilation mécanique.",
                    ),
                    (
                        "Écoutez les consignes",
                        "Sur ce site, à la radio et via les alertes. Ne sortez que lorsque c'est annoncé.",
                    ),
                    (
                        "N'allez pas chercher vos enfants à l'école",
                        "L'école les met à l'abri ; vous vous exposeriez au danger.",
                    ),
                    (
                        "Ne téléphonez qu'en cas d'urgence",
                        "Appelez le 112 si quelqu'un a du mal à respirer.",
                    ),
                ],
                "after": "<p>Aérez le logement quand la fin de l'alerte est annoncée. Suivez les "
                "consignes sur les légumes du potager et l'eau de pluie.</p>",
            },
            "nl": {
                "slug": "chemisch-ongeval",
                "title": "Industrieel of chemisch ongeval",
                "intro": "Brand in een opslagplaats, gaslek of ongeval met gevaarlijke stoffen: de "
                "wolk kan meerdere wijken treffen.",
                "what": "<p>Brussel telt weinig industriële sites met een hoog risico, maar gevaarlijke "
                "stoffen worden over de weg, het spoor en het kanaal vervoerd. Een brand of lek kan "
                "giftige rook vrijmaken.</p>",
                "before": [
                    "Schrijf u in op de waarschuwingen voor uw gemeente en uw werkplek",
                    "Zoek de kamer in uw woning die het makkelijkst af te sluiten is, bij voorkeur zonder raam",
                ],
                "during": [
                    ("Ga onmiddellijk het dichtstbijzijnde gebouw binnen", None),
                    (
                        "Sluit deuren en ramen, zet de ventilatie uit",
                        "Zet de dampkap en de mechanische ventilatie uit.",
                    ),
                    (
                        "Luister naar de richtlijnen",
                        "Op deze site, op de radio en via de waarschuwingen. Ga pas naar buiten als dat wordt gemeld.",
                    ),
                    (
                        "Haal uw kinderen niet op school",
                        "De school brengt hen in veiligheid; u zou zichzelf blootstellen.",
                    ),
                    ("Telefoneer alleen bij een noodgeval", "Bel 112 als iemand moeilijk ademt."),
                ],
                "after": "<p>Verlucht de woning wanneer het einde van het alarm wordt gemeld. Volg de "
                "richtlijnen over groenten uit de moestuin en regenwater.</p>",
            },
            "en": {
                "slug": "chemical-accident",
                "title": "Industrial or chemical accident",
                "intro": "Warehouse fire, gas leak or an accident with dangerous goods: the cloud "
                "can reach several neighbourhoods.",
                "what": "<p>Brussels has few high-risk industrial sites, but dangerous goods travel by "
                "road, rail and canal. A fire or a leak can release toxic smoke.</p>",
                "before": [
                    "Subscribe to the alerts for your commune and your workplace",
                    "Find the room in your home that is easiest to seal, ideally without a window",
                ],
                "during": [
                    ("Go inside the nearest building at once", None),
                    (
                        "Close doors and windows, switch off ventilation",
                        "Turn off the cooker hood and mechanical ventilation.",
                    ),
                    (
                        "Listen to the instructions",
                        "On this site, on the radio and through the alerts. Only go out when told to.",
                    ),
                    (
                        "Do not fetch your children from school",
                        "The school shelters them; you would expose yourself to danger.",
                    ),
                    ("Only phone in an emergency", "Call 112 if someone has trouble breathing."),
                ],
                "after": "<p>Air your home when the all-clear is given. Follow the advice about "
                "vegetables from the garden and rainwater.</p>",
            },
        },
    ),
    _risk(
        Hazard.PANDEMIC,
        Category.HEALTH,
        {
            "fr": {
                "slug": "pandemie",
                "title": "Épidémie et pandémie",
                "intro": "Une maladie contagieuse qui se répand largement peut saturer les soins et "
                "désorganiser la vie quotidienne.",
                "what": "<p>Les consignes sanitaires à Bruxelles sont données par les autorités "
                "fédérales et par Vivalis, l'administration bruxelloise de la santé. Elles évoluent "
                "avec la situation : suivez les sources officielles.</p>",
                "before": [
                    "Tenez vos vaccinations à jour",
                    "Gardez un thermomètre, du paracétamol et des masques",
                    "Prévoyez qui peut garder vos enfants ou faire vos courses si vous êtes malade",
                ],
                "during": [
                    ("Lavez-vous souvent les mains", None),
                    (
                        "Restez chez vous si vous êtes malade",
                        "Téléphonez à votre médecin avant de vous déplacer.",
                    ),
                    (
                        "Protégez les personnes fragiles",
                        "Portez un masque près d'elles si vous avez des symptômes.",
                    ),
                    ("Vérifiez les informations avant de les partager", None),
                ],
                "after": "<p>Reprenez contact avec les personnes isolées et faites le point sur vos "
                "soins reportés.</p>",
            },
            "nl": {
                "slug": "pandemie",
                "title": "Epidemie en pandemie",
                "intro": "Een besmettelijke ziekte die zich sterk verspreidt, kan de zorg overbelasten "
                "en het dagelijks leven ontwrichten.",
                "what": "<p>De gezondheidsrichtlijnen in Brussel worden gegeven door de federale "
                "overheid en door Vivalis, de Brusselse gezondheidsadministratie. Ze evolueren met "
                "de situatie: volg de officiële bronnen.</p>",
                "before": [
                    "Houd uw vaccinaties up-to-date",
                    "Houd een thermometer, paracetamol en mondmaskers in huis",
                    "Spreek af wie op uw kinderen kan passen of boodschappen kan doen als u ziek bent",
                ],
                "during": [
                    ("Was vaak uw handen", None),
                    ("Blijf thuis als u ziek bent", "Bel uw arts voor u zich verplaatst."),
                    (
                        "Bescherm kwetsbare personen",
                        "Draag een mondmasker in hun buurt als u symptomen hebt.",
                    ),
                    ("Controleer informatie voor u ze deelt", None),
                ],
                "after": "<p>Neem opnieuw contact op met geïsoleerde personen en ga na welke zorg u "
                "hebt uitgesteld.</p>",
            },
            "en": {
                "slug": "pandemic",
                "title": "Epidemic and pandemic",
                "intro": "A contagious disease spreading widely can overwhelm healthcare and disrupt "
                "daily life.",
                "what": "<p>Health instructions in Brussels come from the federal authorities and "
                "from Vivalis, the Brussels health administration. They change with the situation: "
                "follow official sources.</p>",
                "before": [
                    "Keep your vaccinations up to date",
                    "Keep a thermometer, paracetamol and face masks",
                    "Arrange who can look after your children or shop for you if you fall ill",
                ],
                "during": [
                    ("Wash your hands often", None),
                    ("Stay at home if you are ill", "Phone your doctor before going out."),
                    ("Protect vulnerable people", "Wear a mask near them if you have symptoms."),
                    ("Check information before sharing it", None),
                ],
                "after": "<p>Get back in touch with isolated people and catch up on any care you "
                "postponed.</p>",
            },
        },
    ),
    _risk(
        Hazard.TERROR,
        Category.SECURITY,
        {
            "fr": {
                "slug": "menace-terroriste",
                "title": "Menace terroriste",
                "intro": "Le niveau de la menace est fixé par l'OCAM, de 1 (faible) à 4 (très grave).",
                "what": "<p>L'Organe de coordination pour l'analyse de la menace (OCAM) évalue la "
                "menace en Belgique. Selon le niveau, la présence policière et les contrôles "
                "peuvent être renforcés, en particulier lors de grands événements.</p>",
                "before": [
                    "Repérez les sorties des lieux où vous vous rendez",
                    "Signalez au 101 un comportement ou un objet suspect",
                ],
                "during": [
                    (
                        "Fuyez si vous le pouvez",
                        "Laissez vos affaires, aidez les autres à fuir, éloignez-vous.",
                    ),
                    (
                        "Sinon, cachez-vous",
                        "Enfermez-vous, éteignez la lumière et mettez votre téléphone en silencieux.",
                    ),
                    (
                        "Alertez le 112 dès que vous êtes en sécurité",
                        "Donnez le lieu, le nombre d'agresseurs, ce que vous avez vu.",
                    ),
                    ("Suivez les instructions de la police", "Gardez les mains visibles."),
                ],
                "after": "<p>Ne diffusez ni photos ni vidéos des opérations de police, ni rumeurs. "
                "Si vous êtes choqué, parlez-en : un soutien psychosocial est proposé aux témoins.</p>",
            },
            "nl": {
                "slug": "terreurdreiging",
                "title": "Terreurdreiging",
                "intro": "Het dreigingsniveau wordt bepaald door het OCAD, van 1 (laag) tot 4 (zeer ernstig).",
                "what": "<p>Het Coördinatieorgaan voor de dreigingsanalyse (OCAD) evalueert de "
                "dreiging in België. Afhankelijk van het niveau kunnen politieaanwezigheid en "
                "controles worden verhoogd, zeker bij grote evenementen.</p>",
                "before": [
                    "Zoek de uitgangen van de plaatsen waar u naartoe gaat",
                    "Meld verdacht gedrag of een verdacht voorwerp via 101",
                ],
                "during": [
                    ("Vlucht als u kunt", "Laat uw spullen achter, help anderen vluchten, ga weg."),
                    (
                        "Anders: verstop u",
                        "Sluit u op, doe het licht uit en zet uw telefoon op stil.",
                    ),
                    (
                        "Verwittig 112 zodra u veilig bent",
                        "Geef de plaats, het aantal daders en wat u zag.",
                    ),
                    ("Volg de instructies van de politie", "Houd uw handen zichtbaar."),
                ],
                "after": "<p>Verspreid geen foto's of video's van politieoperaties, en geen geruchten. "
                "Bent u geschokt, praat erover: getuigen krijgen psychosociale steun.</p>",
            },
            "en": {
                "slug": "terrorist-threat",
                "title": "Terrorist threat",
                "intro": "The threat level is set by OCAM, the Coordination Unit for Threat Analysis, "
                "from 1 (low) to 4 (very serious).",
                "what": "<p>OCAM assesses the threat in Belgium. Depending on the level, police "
                "presence and checks may be stepped up, especially at large events.</p>",
                "before": [
                    "Note the exits of the places you go to",
                    "Report suspicious behaviour or an object to 101",
                ],
                "during": [
                    ("Run if you can", "Leave your belongings, help others get away, move away."),
                    (
                        "Otherwise, hide",
                        "Lock yourself in, switch off the light and silence your phone.",
                    ),
                    (
                        "Call 112 as soon as you are safe",
                        "Give the place, the number of attackers and what you saw.",
                    ),
                    ("Follow police instructions", "Keep your hands visible."),
                ],
                "after": "<p>Do not share photos or videos of police operations, nor rumours. If you "
                "are shaken, talk about it: witnesses are offered psychosocial support.</p>",
            },
        },
    ),
    _risk(
        Hazard.LARGE_EVENT,
        Category.SAFETY,
        {
            "fr": {
                "slug": "incident-grand-evenement",
                "title": "Incident lors d'un grand événement",
                "intro": "Concerts, matchs, manifestations : une foule dense demande quelques "
                "réflexes simples.",
                "what": "<p>Un mouvement de foule, un malaise collectif ou une évacuation peuvent "
                "survenir lors de tout grand rassemblement. Les organisateurs, la police et les "
                "secours préparent un plan pour chaque événement d'ampleur.</p>",
                "before": [
                    "Consultez la page de l'événement : accès, transports, objets interdits",
                    "Convenez d'un point de rendez-vous avec vos proches",
                    "Chargez votre téléphone",
                ],
                "during": [
                    ("Repérez les sorties et les postes de secours en arrivant", None),
                    ("Suivez les consignes des stewards et de la police", None),
                    (
                        "Ne poussez pas et restez debout",
                        "Dans une foule qui bouge, protégez votre cage thoracique avec les bras.",
                    ),
                    ("Signalez un malaise au poste de secours le plus proche ou au 112", None),
                ],
                "after": "<p>Retrouvez vos proches au point convenu. Ne relayez pas d'informations non "
                "vérifiées sur les réseaux sociaux.</p>",
            },
            "nl": {
                "slug": "incident-groot-evenement",
                "title": "Incident tijdens een groot evenement",
                "intro": "Concerten, wedstrijden, betogingen: een dichte menigte vraagt enkele "
                "eenvoudige reflexen.",
                "what": "<p>Bij elke grote samenkomst kan een gedrang, collectief onwel worden of een "
                "evacuatie voorkomen. Organisatoren, politie en hulpdiensten maken voor elk groot "
                "evenement een plan.</p>",
                "before": [
                    "Raadpleeg de pagina van het evenement: toegang, vervoer, verboden voorwerpen",
                    "Spreek een verzamelpunt af met uw naasten",
                    "Laad uw telefoon op",
                ],
                "during": [
                    ("Zoek bij aankomst de uitgangen en de hulpposten", None),
                    ("Volg de richtlijnen van stewards en politie", None),
                    (
                        "Duw niet en blijf rechtop",
                        "In een bewegende menigte beschermt u uw borstkas met uw armen.",
                    ),
                    ("Meld een onwel persoon aan de dichtstbijzijnde hulppost of via 112", None),
                ],
                "after": "<p>Vind uw naasten terug op het afgesproken punt. Deel geen onbevestigde "
                "informatie op sociale media.</p>",
            },
            "en": {
                "slug": "large-event-incident",
                "title": "Incident at a large event",
                "intro": "Concerts, matches, demonstrations: a dense crowd calls for a few simple "
                "reflexes.",
                "what": "<p>A crowd surge, people falling ill or an evacuation can happen at any large "
                "gathering. Organisers, police and emergency services prepare a plan for every major "
                "event.</p>",
                "before": [
                    "Read the event page: access, transport, forbidden items",
                    "Agree on a meeting point with the people you go with",
                    "Charge your phone",
                ],
                "during": [
                    ("Spot the exits and first-aid posts when you arrive", None),
                    ("Follow the instructions of stewards and police", None),
                    (
                        "Do not push and stay on your feet",
                        "In a moving crowd, protect your chest with your arms.",
                    ),
                    ("Report someone unwell to the nearest first-aid post or to 112", None),
                ],
                "after": "<p>Meet your group at the agreed point. Do not relay unverified information "
                "on social media.</p>",
            },
        },
    ),
]


def fields(content: dict) -> dict:
    """Model field values of a risk page from its compact description."""
    steps = [
        {"title": title, "text": f"<p>{text}</p>" if text else ""}
        for title, text in content["during"]
    ]
    return {
        "title": content["title"],
        "intro": content["intro"],
        "body": [("text", content["what"])],
        # The page already heads these sections ("Before: be prepared"…): no block title.
        "before": [("checklist", {"title": "", "items": content["before"]})],
        "during": [("steps", {"title": "", "steps": steps})],
        "after": [("text", content["after"])],
    }
