"""Text banks of the demo transcripts, and their reader (fictional throughout; used by interviews/demo_texts.py).

Every bank is plain text in a small line format, so the French reads as French and not as Python:

    # topic 0.8 [tags]       a topic of the guide (or agenda item), kept with probability 0.8 (1 when omitted)
    ? [tags] question        a way the interviewer asks it
    - [tags] paragraph       something the participant may say (or, in observation notes, a discussion)
    ~ [tags] follow-up       a follow-up question ("relance")
    + [tags] answer          an answer to the follow-up question above it
    = title                  the title of an agenda item of observation notes
    * [tags] decision        a decision taken after the discussion above it
      continuation           an indented line continues the item above

Tags choose who may say what: "crisis" (a site profile tag), "seul|aine" (any of), "!stable" (not); "@name"
puts paragraphs that contradict each other in a group, of which a text says at most one. An unknown tag is
an error. {slots} are filled per text (site, organisations, gender agreement, numbers: demo_texts._site_slots
and _person_slots). Banks are written with plain apostrophes and no space before ? ! ; — demo_speech turns
them into French (Québec) typography. Names of people never appear: transcripts say "[prénom]".
"""

import re
from dataclasses import dataclass
from functools import cache

# The demo sites, mirroring sites/demo.py (names, estates, organisations, intervention model), and the
# emphases that make per-site analysis differ: crisis vs collective vision at birth, who employs the field
# worker, which controversies and solutions the site talks about. Sites never listed fall back on one of these.
SITE_PROFILES = {
    "MTL1": {
        "city": "Montréal",
        "tags": ("vision", "fw_ciusss", "stable", "dizaine", "proximite", "espaces", "familles", "seuls"),
        "origin_year": 2007,
        "fw_gender": "f",
        "fw_employer": ("CIUSSS", "m"),
        "estates": ("Habitations des Érables-Imaginaires", "Tour des Érables-Imaginaires"),
        "units": 244,
        "organizations": (("Maison de quartier des Érables", "f"), ("Marmite imaginaire", "f")),
        "food": ("Marmite imaginaire", "f"),
        "youth": ("Maison de quartier des Érables", "f"),
        "committees": ("Comité de partenaires", "Comité terrain"),
        "coordination": ("comité de partenaires", "m"),
        "comites": "le comité de partenaires, que l'OC du CIUSSS coordonne, avec les directions et les gestionnaires, "
        "et le comité terrain, avec les intervenants qui travaillent directement avec les résidents",
    },
    "MTL2": {
        "city": "Montréal",
        "tags": ("crisis", "fw_community", "roulement_fort", "espaces", "entente", "familles", "group"),
        "origin_year": 2011,
        "fw_gender": "m",
        "fw_employer": ("Carrefour jeunesse du Canal", "m"),
        "estates": ("Cité fictive du Canal",),
        "units": 212,
        "organizations": (("Carrefour jeunesse du Canal", "m"), ("Centre d'entraide Bonvoisin", "m")),
        "food": ("Centre d'entraide Bonvoisin", "m"),
        "youth": ("Carrefour jeunesse du Canal", "m"),
        "committees": ("Comité de coordination", "Comité terrain"),
        "coordination": ("comité de coordination", "m"),
        "comites": "le comité de coordination, où siègent les gestionnaires, les directions, les coordonnateurs, et le "
        "comité terrain, qui réunit les intervenants qui travaillent directement avec les résidents",
    },
    "QC1": {
        "city": "Québec",
        "tags": ("crisis", "fw_omh", "vivre_ensemble", "guide", "espaces", "familles", "seuls"),
        "origin_year": 2013,
        "fw_gender": "f",
        "fw_employer": ("OMHQ", "o"),
        "estates": ("Terrasses fictives de la Falaise", "Pavillon fictif de la Falaise"),
        "units": 190,
        "organizations": (("Ressource familles Pomme-de-Pin", "f"), ("Maison des jeunes de la Falaise", "f")),
        "food": ("Ressource familles Pomme-de-Pin", "f"),
        "youth": ("Maison des jeunes de la Falaise", "f"),
        "committees": ("Comité de partenaires", "Comité vivre ensemble", "Comité terrain"),
        "coordination": ("comité de partenaires", "m"),
        "comites": "le comité de partenaires, avec les gestionnaires et les directions, le comité terrain pour les "
        "intervenants, et le comité vivre ensemble, où siègent aussi des résidents",
    },
    "QC2": {
        "city": "Québec",
        "tags": ("vision", "asso_origin", "fw_community", "entraide", "seuls"),
        "origin_year": 2014,
        "fw_gender": "m",
        "fw_employer": ("Entraide des Pommiers", "f"),
        "estates": ("Domaine imaginaire des Pommiers",),
        "units": 84,
        "organizations": (("Entraide des Pommiers", "f"), ("comptoir alimentaire du secteur", "m")),
        "food": ("Entraide des Pommiers", "f"),
        "youth": ("bibliothèque du secteur", "f"),
        "committees": ("Rencontre des partenaires",),
        "coordination": ("rencontre des partenaires", "f"),
        "comites": "la rencontre des partenaires, aux six semaines, que l'OC du CIUSSS anime, un petit comité terrain "
        "entre intervenants",
    },
}
# French words the generator needs.
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
NUMBERS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split()
ORDINALS = ("deuxième", "troisième", "quatrième", "cinquième")
# Grammatical gender of the first word of a name, for "au / à la / aux" (the demo's organisations and estates).
FEMININE = {"maison", "cuisine", "ressource", "entraide", "bibliothèque", "marmite", "tour", "cité", "table", "halte"}
FEMININE_PLURAL = {"habitations", "terrasses"}
# Field workers of the group interview when demo_corpus is not told their roles (as in sites/demo.py).
GROUP_ROLES = (
    "intervenant·e jeunesse",
    "intervenant·e en sécurité alimentaire",
    "travailleur·se social·e",
    "intervenant·e communautaire de l'office",
    "travailleur·se de rue",
    "intervenant·e famille",
)
# A word of a field worker's role title → the tag of the bank paragraphs they may say.
FIELD_WORKER_ROLES = (
    ("milieu", "r_milieu"),
    ("jeunesse", "r_jeunesse"),
    ("aliment", "r_alim"),
    ("social", "r_ts"),
    ("office", "r_omh"),
    ("rue", "r_rue"),
    ("famille", "r_famille"),
)
# A partner's role tag → the family of organisations it belongs to (also a tag).
PARTNER_FAMILIES = {
    "oc_ciusss": "ciusss",
    "gest_ciusss": "ciusss",
    "interv_ciusss": "ciusss",
    "oc_omh": "omh",
    "agent_omh": "omh",
    "dir_comm": "communautaire",
    "coord_comm": "communautaire",
    "interv_comm": "communautaire",
    "locataires": "locataires",
    "autre": "autre",
}
# Agreement with the speaker's gender: (feminine, masculine, inclusive).
GENDER_WORDS = {
    "e": ("e", "", "·e"),
    "trice": ("trice", "teur", "teur·trice"),
    "seul": ("toute seule", "tout seul", "seul·e"),
    "ts": ("travailleuse sociale", "travailleur social", "travailleur·se social·e"),
}
# How residents and partners speak of the site's field worker: (a woman, a man).
FIELD_WORKER_WORDS = {
    "fw": ("l'intervenante", "l'intervenant"),
    "fw_e": ("e", ""),
    "fw_il": ("elle", "il"),
    "fw_lui": ("elle", "lui"),
    "fw_le": ("la", "le"),
}
# A partner's organisation kind and a word of their role title → their role tag ("" matches any title).
PARTNER_ROLES = {
    "ciusss": (("gestion", "gest_ciusss"), ("intervenant", "interv_ciusss"), ("", "oc_ciusss")),
    "housing_office": (("agent", "agent_omh"), ("", "oc_omh")),
    "community": (("direct", "dir_comm"), ("intervenant", "interv_comm"), ("coordon", "coord_comm")),
    "tenants": (("", "locataires"),),
    "other": (("", "autre"),),
}
# The people around the table in observation notes: (a woman, a man); the same at a site every month.
MEETING_ROLES = {
    "oc_ciusss": ("l'OC du CIUSSS", "l'OC du CIUSSS"),
    "oc_omh": ("l'OC de l'{omh}", "l'OC de l'{omh}"),
    "dir_org": ("la directrice {de_org}", "le directeur {de_org}"),
    "coord_jeunes": ("la coordonnatrice {de_jeunes}", "le coordonnateur {de_jeunes}"),
    "interv_jeunes": ("l'intervenante jeunesse", "l'intervenant jeunesse"),
    "pres_asso": ("la présidente de l'association de locataires", "le président de l'association de locataires"),
    "agent": ("l'agente sociocommunautaire du poste de quartier", "l'agent sociocommunautaire du poste de quartier"),
    "gest": ("la gestionnaire du CIUSSS", "le gestionnaire du CIUSSS"),
}
# Observed meetings by committee kind: start time, room, and who attends besides the field worker (the notes only
# speak of people who are there).
MEETINGS = {
    "coord": (
        (13, 30),
        "dans la salle communautaire",
        {"oc_ciusss", "oc_omh", "dir_org", "coord_jeunes", "pres_asso"} | {"agent", "gest"},
    ),
    "terrain": ((9, 30), "dans le bureau de l'intervenant·e de milieu", {"oc_omh", "interv_jeunes", "coord_jeunes"}),
    "ve": ((18, 30), "au local communautaire", {"oc_omh", "pres_asso"}),
}
HEADER_INDIVIDUAL = (
    "Entrevue individuelle avec {code} ({description}), {site}, {city}, le {date}. Transcription anonymisée, les noms "
    "de personnes ont été retirés."
)
HEADER_GROUP = (
    "Entrevue de groupe avec {count} intervenant·e·s ({codes}), {site}, {city}, le {date}. Transcription anonymisée, "
    "les noms de personnes ont été retirés."
)
THANKS_INDIVIDUAL = "Merci infiniment pour votre temps. J'arrête l'enregistrement."
THANKS_GROUP = "Merci à toutes et à tous, c'était très riche. J'arrête l'enregistrement."

CIUSSS_NAMES = {
    "Montréal": "CIUSSS du Centre-Fictif-de-l'Île-de-Montréal",
    "Québec": "CIUSSS de la Capitale-Imaginaire",
}
HOUSING_OFFICES = {"Montréal": "OMHM", "Québec": "OMHQ"}

# Spoken-French variation, applied sentence by sentence (demo_texts._spoken).
OPENERS = (
    "Tsé, ",
    "Bon, ",
    "Fait que ",
    "Ben, ",
    "Euh… ",
    "Honnêtement, ",
    "Dans le fond, ",
    "En fait, ",
    "Pis ",
    "Mettons que ",
    "C'est sûr que ",
    "Disons que ",
    "Moi, je dirais que ",
    "Je pense que ",
)
TAGS = (", tsé.", ", en tout cas.", ", là.", ", vraiment.", ", je pense.", ", mettons.", ", fait que c'est ça.")
REFORMULATIONS = (
    "Enfin, c'est comme ça que je le vois.",
    "Je sais pas si je suis clair{e}.",
    "C'est ça que je veux dire.",
    "En tout cas, c'est mon impression.",
    "Je le dis comme je le pense.",
    "Je sais pas si ça répond à votre question.",
    "Je me répète peut-être, là.",
    "C'est un peu mêlant, mais bon.",
)
ASIDES = ("[rires]", "[pause]", "[inaudible]", "[soupir]")
BACKCHANNELS = ("Hum hum.", "D'accord.", "Ah oui?", "Ok.", "Je vois.", "Ah bon.", "Oui.", "C'est intéressant.")
QUESTION_LEADS = ("Et ", "Ok. ", "D'accord. ", "Je vois. ", "Merci. ", "Très bien. ", "Hum hum. ", "Intéressant. ")
RELANCES = (
    "Pouvez-vous m'en dire un peu plus?",
    "Hum hum. Et quoi d'autre?",
    "Y a-t-il autre chose là-dessus?",
    "Et à part ça?",
    "Oui, continuez.",
    "D'accord. Et de votre côté?",
    "Qu'est-ce qui vous vient d'autre en tête?",
    "Avez-vous un autre exemple?",
    "Et vous, qu'est-ce que vous en pensez?",
    "C'est intéressant. Pouvez-vous développer?",
)
RESIDENT_EMOJI = ("🙂", "👍🏽", "😅", "🙂🙂")

PARTNER = """
# presentation
? Pour commencer, pouvez-vous me parler de vous, de votre organisation et de votre rôle {a_lieu}?
? Pour débuter, j'aimerais que vous vous présentiez un peu. Vous travaillez pour quelle organisation, et depuis quand
  êtes-vous impliqué{e} {a_lieu}?
? Peut-être pour commencer, pouvez-vous me dire qui vous êtes, professionnellement, et comment vous êtes arrivé{e}
  dans le partenariat?
- [oc_ciusss] Moi je suis organisa{trice} communautaire au {ciusss}, depuis… ça va faire {n_ans_poste} ans. J'ai
  {lieu} dans mon territoire, avec deux autres milieux, fait que je partage mon temps. Mon mandat, c'est le
  développement des communautés. Dans le HLM, mon rôle c'est d'aller chercher les partenaires, de soutenir la
  concertation, d'animer les rencontres. Avant ça j'étais en santé publique, alors j'ai comme un regard populationnel
  sur les choses.
- [oc_ciusss] Je suis OC au CIUSSS, en organisation communautaire, depuis {annee_poste}. {Lieu}, c'est un
  de mes dossiers prioritaires, je dirais même que c'est celui qui me prend le plus de temps. J'ai une formation en
  service social, j'ai fait de l'intervention individuelle pendant quelques années avant de passer à l'organisation
  communautaire, pis j'ai jamais regretté.
- [gest_ciusss] Je suis gestionnaire au {ciusss}. Je chapeaute l'équipe des services de proximité et l'organisation
  communautaire pour le secteur. Je siège surtout {a_coord}, avec les directions des organismes. Je ne
  suis pas sur le terrain au quotidien, mais je suis là pour débloquer des choses quand il faut, des ressources, des
  ententes entre établissements.
- [interv_ciusss] Je suis intervenant{e} au CIUSSS, à l'équipe jeunesse du CLSC. Je viens dans le milieu une
  demi-journée par semaine, surtout pour les familles. Je participe au comité terrain, c'est là que je fais des liens
  avec les organismes. Avant, je voyais les familles juste au CLSC, pis souvent elles venaient pas aux rendez-vous.
- [oc_omh] Je suis organisa{trice} communautaire à l'{omh}. À l'Office, on est une petite équipe pour plusieurs
  dizaines d'ensembles, fait que j'ai {ensembles} depuis {annee_poste}, à peu près. Mon travail, c'est beaucoup le
  lien avec l'association de locataires, le soutien à la vie associative, pis faire le pont avec la gestion,
  l'entretien, les préposés. Je suis un peu la porte d'entrée de l'Office pour les partenaires.
- [agent_omh] Moi je suis agent{e} de développement à l'{omh}. Mon travail, c'est de soutenir les projets dans les
  ensembles, les demandes de subvention, les aménagements. Je travaille en équipe avec l'OC de l'Office, qui est plus
  sur la vie associative. Je suis dans le dossier {de_lieu} depuis {n_ans_poste} ans.
- [dir_comm] Je suis direc{trice} {de_mon_org}. On est un organisme communautaire qui existe depuis… ben, avant le
  HLM, en fait, on était déjà dans le quartier. On offre de l'aide aux devoirs, des activités familles, du dépannage
  alimentaire, des ateliers. On siège {a_coord} depuis le début, fait que j'ai vu passer pas mal de
  monde autour de la table.
- [coord_comm] Moi je suis coordonna{trice} {a_mon_org}. Je suis là depuis {n_ans_poste} ans. On a un point de service
  directement dans le HLM, dans le local communautaire, deux soirs par semaine. Je m'occupe de la programmation, des
  animateurs, pis je représente l'organisme dans le partenariat.
- [interv_comm] Je suis intervenant{e} {a_mon_org}. Je fais de l'animation pis de l'intervention, surtout avec les
  familles et les jeunes. Je suis dans le milieu trois jours par semaine. Je siège au comité terrain, avec
  {fw} de milieu pis les autres intervenants.
- [locataires] Je suis président{e} de l'association des locataires. Je reste ici depuis {n_ans_hlm} ans, fait que je
  suis à la fois résident{e} et partenaire, si on veut. Au début j'étais juste bénévole, je faisais le café aux
  assemblées [rires], pis un moment donné on m'a demandé de me présenter au conseil d'administration. C'est du
  travail, mais j'aime ça.
- [autre] Je travaille au poste de quartier, je suis agent{e} sociocommunautaire. Mon rôle dans le partenariat, c'est
  de faire le lien entre la police et les organismes, pis d'être présent{e} autrement qu'en intervention. On essaie
  d'être vus dans le milieu pour autre chose que des plaintes.
~ Et qu'est-ce qui vous a amené{e} à vous impliquer dans le partenariat?
+ [!locataires] C'est un peu venu avec le poste, honnêtement. Mais ça m'a accroché{e}. C'est rare qu'on voie autant
  d'organisations travailler ensemble sur un même milieu de vie.
+ [locataires] C'est l'intervenant{fw_e} qui m'a encouragé{e}. {Fw_il} me disait que j'avais du leadership. Moi je le
  voyais pas, mais {fw_il} avait raison, faut croire [rires].

# naissance
? Comment est né le réseau de partenaires {a_lieu}? Qu'est-ce qui a fait que les gens ont commencé à se réunir?
? J'aimerais revenir aux débuts. Comment le partenariat s'est-il mis en place, selon ce que vous savez?
? Si on remonte au début, c'est parti d'où, cette mobilisation des partenaires {a_lieu}?
- [crisis] Ça a parti d'une crise, clairement. En {annee_origine}, y'a eu une série d'événements, des feux dans les
  poubelles, des bagarres dans la cour, des jeunes qui se faisaient recruter… Les locataires avaient peur, la police
  venait tout le temps. L'Office a appelé le CIUSSS, le CIUSSS a appelé les organismes, et on s'est retrouvés une
  quinzaine autour d'une table en se disant « qu'est-ce qu'on fait? ». C'est vraiment né en réaction.
- [crisis] Au départ, c'est une réaction à une crise de cohabitation. Il y avait des tensions très fortes entre des
  groupes de résidents, des plaintes tous les jours, une situation grave dans un des blocs, je rentrerai pas dans les
  détails. Les médias en ont parlé. Après ça, tout le monde voulait faire quelque chose en même temps, et c'était la
  cacophonie. C'est l'OC du CIUSSS qui a proposé de structurer ça, d'avoir une table, parce que sinon chacun arrivait
  avec son projet de son bord.
- [crisis] Ce que j'ai compris, c'est que la crise a été un déclencheur, mais que les problèmes étaient là depuis
  longtemps. L'isolement, la pauvreté, les tensions entre voisins. La crise a juste rendu ça visible. Fait que les
  premières années, on était beaucoup dans l'urgence, dans la sécurité, pis tranquillement on a réussi à passer à
  autre chose, à de la prévention.
- [vision !asso_origin] C'est pas parti d'un problème, c'est parti d'une envie. Il y avait un petit groupe, des
  organismes et l'OC du CIUSSS de l'époque, qui partageaient une vision collective de ce que pourrait être
  l'intervention en HLM. On se disait, le HLM c'est pas juste du logement, c'est un milieu de vie. En {annee_origine},
  ils ont écrit un projet ensemble, ils sont allés chercher l'Office, et c'est comme ça que ça a commencé.
- [vision !asso_origin] Ce qui est particulier ici, c'est qu'il n'y a pas eu d'événement déclencheur. C'est une vision
  collective qui s'est construite sur du temps. Il y avait déjà une culture de concertation dans le quartier, la table
  de quartier était forte, et les gens se sont dit qu'on pourrait faire la même chose à l'échelle des habitations. On
  a pris le temps de s'entendre sur des valeurs avant de lancer des actions.
- [vision] Je dirais que c'est né d'une volonté de mettre en œuvre une vision collective de l'intervention. Les
  partenaires voulaient sortir de la logique de projet ponctuel, tsé, une activité ici, un atelier là, pis après plus
  rien. L'idée c'était d'avoir une présence continue, un intervenant de milieu, et des partenaires qui s'engagent sur
  le long terme.
- [asso_origin] Ici, c'est parti des locataires eux-mêmes. L'association existait déjà, elle était petite mais
  déterminée. En {annee_origine}, ils ont invité les organismes et le CIUSSS à une assemblée en disant « on a des
  idées pour notre milieu, on a besoin de vous pour les réaliser ». Le réseau s'est formé autour de l'association,
  autour d'une vision collective portée par les résidents. C'est assez rare, je pense.
- Dès le départ, il y avait plusieurs organismes autour de la table, pas juste le CIUSSS et l'Office. Il y avait
  {org}, {org2}, le poste de quartier, un peu la bibliothèque, l'école primaire à côté. Fait que c'est un partenariat
  qui a toujours été large, avec des institutions et des organismes communautaires ensemble. C'est pas toujours
  facile, mais c'est la richesse du réseau.
- Les institutions étaient là dès le début, le CIUSSS, l'Office, même la Ville pour les aménagements. Mais c'est les
  organismes communautaires qui ont donné le ton, je pense. Ils connaissaient déjà les familles, ils avaient la
  confiance des gens. Les institutions ont eu l'intelligence de pas arriver en disant « c'est nous qui décidons ».
~ Et vous, à ce moment-là, vous étiez impliqué{e}?
+ Non, moi je suis arrivé{e} après, quand c'était déjà en place. Fait que ce que je vous raconte, c'est un peu
  l'histoire qu'on se transmet entre partenaires, la légende, si on veut [rires]. Mais les anciens en parlent encore,
  ça fait partie de l'identité du réseau.
+ Oui, j'étais dans les premières rencontres. Je me rappelle qu'on était dans une petite salle de l'école, pas assez
  de chaises, du café tiède [rires]. Mais il y avait une énergie, tout le monde sentait qu'il fallait faire quelque
  chose ensemble.
+ De loin. Mon organisation était invitée, mais c'était ma collègue qui y allait, [prénom], qui est partie depuis.
  J'ai hérité du dossier avec une boîte de procès-verbaux [rires].
- Ce qui a aidé au départ, c'est qu'il y avait déjà des liens entre certaines personnes. L'OC du CIUSSS connaissait
  bien la direction {de_org}, l'Office avait déjà travaillé avec l'association. Le réseau s'est greffé sur des
  relations qui existaient, il est pas parti de zéro.
- On dit souvent que le réseau est né d'un coup, mais en réalité ça s'est fait par étapes. D'abord quelques rencontres
  informelles, puis un premier projet commun, puis la décision d'embaucher {fw} de milieu. Chaque étape a pris un an
  ou deux.

# structure
? Aujourd'hui, comment est organisé le partenariat? Quels sont les comités, qui siège où?
? Pouvez-vous me décrire la structure actuelle, les différentes instances?
? Comment fonctionne le partenariat au quotidien, concrètement?
- [!asso_origin] Le partenariat comporte plusieurs comités. Il y a {comites}. Et puis il y a des comités ad hoc, pour
  la fête de quartier, pour le jardin. Ça peut sembler lourd vu de l'extérieur, mais chaque comité a sa raison d'être.
- [vivre_ensemble] On a aussi créé un comité vivre ensemble, où il y a des résidents et des intervenants. C'est là
  qu'on parle des irritants, du bruit, des poubelles, des chicanes de stationnement, mais aussi des bons coups. C'est
  un des endroits où on peut nommer les problèmes ouvertement, sans que ça devienne une plainte officielle à l'Office.
- [!asso_origin] La structure a beaucoup changé avec le temps. Au début, c'était une grosse table où tout le monde
  parlait de tout, et c'était pas efficace. Tranquillement, on a séparé ce qui relève de la coordination et ce qui
  relève du terrain. Les gestionnaires ont pas besoin de savoir que telle famille a un problème de punaises, et les
  intervenants ont pas besoin de discuter des budgets pendant deux heures.
- [!asso_origin] Honnêtement, des fois je trouve qu'il y a trop de rencontres. On se retrouve, les mêmes personnes,
  dans trois réunions par mois, et on répète les mêmes affaires. Pour un petit organisme, c'est beaucoup de temps.
  Mais si on n'est pas là, on n'a pas d'influence sur les décisions. C'est le dilemme de la concertation.
- [!vivre_ensemble !asso_origin] On a déjà parlé de faire un comité avec les résidents, mais pour l'instant c'est
  l'association de locataires qui joue ce rôle-là. Ça fonctionne, mais ça dépend beaucoup de la santé de
  l'association.
- [asso_origin] Ici, c'est une petite structure. {Comites}, pis l'association de locataires qui est au centre. On n'a
  pas de comité de coordination formel, on n'en a pas besoin, on est une dizaine de personnes qui se connaissent bien.
- Ce que j'aime de notre structure, c'est que chacun sait où amener quoi. Une situation individuelle, ça va au comité
  terrain. Une décision qui engage les organismes, ça va {a_coord}. Ça a pris du temps à clarifier, mais ça évite
  bien des frustrations.
~ Et qui anime ces rencontres-là?
+ C'est l'OC du CIUSSS qui anime la plupart du temps. C'est elle qui prépare l'ordre du jour, qui relance les gens,
  qui envoie le compte rendu. Sans elle, honnêtement, je pense que la structure tiendrait pas longtemps.
+ Ça dépend. {Coord}, c'est l'OC du CIUSSS qui l'anime. Le comité terrain, c'est une coanimation entre {fw} de milieu
  et l'OC de l'Office. On a essayé de faire une rotation de l'animation, mais ça a pas vraiment marché, les gens
  étaient pas à l'aise.
~ Et les résidents, ont-ils une place dans ces instances?
+ Pas assez, je trouve. Il y a l'association, qui est invitée, mais les réunions sont en plein jour, avec beaucoup de
  jargon. C'est pas fait pour eux, honnêtement. On en parle souvent, mais on a pas trouvé la formule.
+ [vivre_ensemble] Oui, surtout au comité vivre ensemble. C'est là qu'ils ont une vraie voix. Aux autres comités,
  l'association est invitée, mais c'est plus difficile pour eux de prendre leur place.

# role_oc_ciusss
? [!oc_ciusss] Quel rôle joue l'organisatrice communautaire du CIUSSS dans tout ça?
? [!oc_ciusss] Comment décririez-vous le rôle de l'OC du CIUSSS dans le réseau?
? [oc_ciusss] Comment décririez-vous votre rôle d'organisa{trice} communautaire dans le réseau?
- [!oc_ciusss] L'OC du CIUSSS, c'est la pièce centrale. C'est la personne qui a identifié les partenaires au départ,
  qui est allée cogner aux portes, qui connaît tout le monde dans le quartier. Et aujourd'hui encore, c'est elle qui
  coordonne la structure, qui s'assure que les comités se parlent entre eux. Quand il y a une tension, c'est elle qui
  fait la médiation.
- [oc_ciusss] Mon rôle à moi, je le vois comme un rôle de tisserand{e} [rires]. Je fais des liens. J'identifie qui
  devrait être autour de la table, je vois les trous, les partenaires qui manquent. Puis j'essaie de garder la
  structure vivante, de m'assurer que les rencontres servent à quelque chose. J'ai pas de budget à donner, j'ai pas
  d'autorité sur personne, fait que tout passe par la relation.
- [!oc_ciusss] L'OC a un rôle clef de coordination, c'est sûr. Mais des fois, je trouve que ça repose trop sur une
  seule personne. Quand elle est en vacances ou qu'elle est prise ailleurs, tout ralentit. On a commencé à en parler,
  de mieux partager le leadership, mais c'est pas évident parce que les autres partenaires n'ont pas ce mandat-là dans
  leur description de tâches.
- [!oc_ciusss] Ce que j'apprécie, c'est son rôle d'animation. Elle est capable de recadrer une discussion qui part
  dans tous les sens, de ramener les gens à l'objectif. Et surtout, elle est neutre, elle a pas de service à vendre.
  Dans une table où chaque organisme défend un peu son financement, ça prend quelqu'un comme ça.
- [oc_ciusss] Je dirais que j'ai deux chapeaux. Je suis employé{e} du CIUSSS, fait que j'ai des attentes de mon
  établissement, des orientations, des redditions de comptes. Mais sur le terrain, je suis au service de la
  communauté, pas au service du CIUSSS. Des fois ça crée des tensions, quand l'établissement veut des résultats
  rapides, des chiffres, et que moi je sais que ça prend du temps.
- [oc_ciusss] Une grosse partie de mon travail, c'est la médiation. Entre organismes, entre l'Office et l'association,
  des fois entre des résidents. Je prépare beaucoup les rencontres difficiles, je fais des appels avant, je m'assure
  que chacun va pouvoir parler. C'est invisible, mais c'est ce qui empêche la structure d'éclater.
- [gest_ciusss] Pour moi, l'OC, c'est l'investissement le plus rentable du CIUSSS dans ce milieu-là. Une seule
  personne, et elle mobilise une douzaine d'organisations. Mais je dois la protéger, parce que tout le monde veut lui
  donner des mandats de plus.
- [!oc_ciusss] C'est elle qui garde la vue d'ensemble. Nous, chacun dans notre organisme, on voit notre morceau. Elle,
  elle voit comment les morceaux s'emboîtent, ou pas. Quand il manque un partenaire pour un dossier, c'est elle qui le
  remarque.
- [oc_ciusss] Je passe beaucoup de temps à préparer les rencontres, pis encore plus à faire des suivis après. Un
  courriel, un appel, un café avec une direction qui a l'air frustrée. La coordination, c'est surtout ce qui se passe
  entre les réunions.
~ Est-ce que ce rôle a évolué avec le temps?
+ Oui. Au début, c'était beaucoup de mobilisation des partenaires, les convaincre de venir. Maintenant, c'est plus de
  l'animation et de la médiation, parce que la structure existe, il faut la faire vivre.
+ Un peu. Les attentes envers l'OC ont augmenté avec le temps. On lui demande maintenant de représenter le réseau
  auprès des bailleurs de fonds, ce qui était pas prévu.

# role_oc_omh 0.9
? [!oc_omh] Et l'OC de l'Office municipal d'habitation, quel rôle joue cette personne-là?
? [!oc_omh] Comment se partagent les rôles entre l'OC du CIUSSS et l'OC de l'{omh}?
? [oc_omh] Comment voyez-vous votre rôle, à l'Office, par rapport à celui de l'OC du CIUSSS?
- [!oc_omh] L'OC de l'Office a un rôle plus logistique, je dirais. C'est la personne qui réserve le local, qui fait le
  lien avec la gestion quand il y a un problème d'entretien, qui s'occupe des clés, des assurances. C'est moins
  visible, mais sans ça, rien ne marche. C'est aussi le lien avec les résidents, parce que l'Office connaît les
  locataires.
- [oc_omh] Moi, à l'Office, je fais le pont. Entre l'institution et les résidents, entre l'institution et les
  partenaires. Quand l'association de locataires veut faire une demande, elle passe par moi. Quand un partenaire veut
  installer une activité dans le local, il passe par moi. Des fois je me sens pris{e} entre l'arbre et l'écorce, parce
  que l'Office a ses règles et les partenaires trouvent que c'est lourd.
- Au début, c'était pas clair, qui faisait quoi entre les deux OC. Les deux s'appellent « organisateur
  communautaire », mais c'est pas le même métier. On a eu des malentendus, des gens qui se marchaient sur les pieds.
  Maintenant c'est plus clair, l'OC du CIUSSS coordonne, l'OC de l'Office s'occupe de la logistique et du lien avec la
  vie associative.
- [!oc_omh] L'Office, c'est le propriétaire, fait que c'est un partenaire un peu particulier. Il a le pouvoir sur les
  espaces, sur les règlements. L'OC de l'Office est dans une position délicate, entre son employeur et le réseau. Je
  trouve que cette personne-là fait une bonne job pour nous expliquer les contraintes de l'institution, plutôt que
  juste dire non.
- [fw_omh] Ici, c'est particulier parce que l'intervenante de milieu est aussi employée par l'{omh}. Fait que l'Office
  est très présent. L'OC de l'Office s'occupe de la logistique du partenariat, des salles, du lien avec la gestion, et
  l'intervenante fait le soutien direct. Ça fait une équipe solide, mais certains résidents mêlent tout ça avec le
  propriétaire.
- [oc_omh] Ce que j'essaie de faire, c'est de rendre l'institution plus humaine. Les locataires voient l'Office comme
  celui qui envoie les avis, qui augmente le loyer, qui fait attendre pour les réparations. Moi, je suis là aux fêtes,
  aux assemblées, je les aide à monter leurs projets. Ça change un peu le rapport.
- La personne de l'Office connaît les locataires par leur dossier, leur historique, les plaintes. C'est précieux, mais
  il faut faire attention à la confidentialité. On a dû établir des règles claires sur ce qui peut se dire au comité.
- [!oc_omh] Sans l'OC de l'Office, on aurait jamais eu accès au local, ni à la cour pour les activités. L'Office,
  c'est une grosse institution, avec ses délais. Cette personne-là sait par où passer pour que ça débloque.
~ Et comment se vit ce partage des rôles au quotidien?
+ Plutôt bien, maintenant. On se parle souvent, on s'ajuste. Quand il y a un conflit avec la gestion de l'Office, on
  sait qui appeler.
+ Ça dépend des personnes. Avec certaines, ça coulait tout seul. Avec d'autres, il a fallu redéfinir les choses à
  chaque rencontre.

# role_intervenant
? Parlons de l'intervenant{fw_e} de milieu. Comment décririez-vous son rôle?
? Quel est le rôle de l'intervenant{fw_e} de milieu par rapport aux autres partenaires?
? Et {fw} de milieu, comment s'inscrit son travail dans le réseau?
- {Fw} de milieu, c'est la personne qui est là, sur place, presque tous les jours. Son rôle, c'est le soutien direct
  aux résidents. Les gens cognent à sa porte pour un formulaire, un problème avec un voisin, une facture
  d'électricité, un enfant qui ne va plus à l'école. Et {fw_il} fait le lien avec nous, les organismes, pour référer
  les gens au bon endroit.
- Ce que je trouve important, c'est que {fw} collabore avec les autres intervenants sur le terrain. Il y a la
  travailleuse de rue, l'intervenante famille, les animateurs {de_jeunes}. Le comité terrain, c'est là que ça se
  coordonne. Quand ça marche bien, les résidents ne voient même pas qu'il y a plusieurs organismes, ils voient juste
  du monde qui les aide.
- [fw_ciusss] Ici, le modèle est particulier, l'intervenante est rattachée au CIUSSS, c'est une travailleuse sociale
  du CIUSSS qui a son bureau directement dans les habitations. Au début, j'étais sceptique, je me disais que ça allait
  être trop institutionnel. Mais finalement, c'est un avantage énorme. Elle a accès aux services du réseau, elle peut
  faire une référence directement au CLSC, et les résidents ont une autre image du réseau de la santé.
- [fw_ciusss] Le fait que l'intervenante soit travailleuse sociale du CIUSSS, ça change tout pour l'accès aux
  services. Avant, les gens attendaient des mois sur une liste. Maintenant, elle connaît les chemins à l'interne, elle
  sait qui appeler. Et les résidents, qui avaient souvent une méfiance envers le CLSC, la DPJ, tout ça, ont vu que le
  réseau pouvait être aidant. Ça a amélioré l'image du réseau de la santé et des services sociaux auprès d'eux.
- [fw_community] Ici, {fw} de milieu est embauché{fw_e} par {employeur}, un organisme communautaire. Ça a des
  avantages, {fw_il} est proche des gens, moins associé{fw_e} à l'institution. Mais le poste est financé par plusieurs
  partenaires, renouvelé d'année en année, fait que c'est stressant pour tout le monde.
- [fw_omh] Ici {fw} de milieu est employée par l'Office. L'avantage, c'est qu'elle peut régler des choses vite avec
  la gestion, un transfert de logement, une réparation urgente. L'inconvénient, c'est que certains locataires se
  méfient, ils pensent qu'elle va rapporter leurs affaires au propriétaire. Elle a dû bâtir la confiance malgré ça.
- Le danger, c'est que tout le monde demande tout à {fw}. {Fw_il} devient la personne à tout faire, l'organisatrice
  de fêtes, la médiatrice, la secrétaire de l'association. On a dû clarifier son rôle à quelques reprises, dire
  « non, ça, c'est pas à {fw_lui} de le faire ».
~ Est-ce que son rôle est bien compris par les résidents?
+ Par ceux qui {fw_le} connaissent, oui. Mais il y a encore des gens qui pensent que c'est une surveillante de
  l'Office, ou au contraire qu'{fw_il} peut tout régler. Il faut réexpliquer souvent.
+ De plus en plus. Au début, les gens se demandaient qui c'était, cette personne qui se promenait dans les corridors
  [rires]. Maintenant, {fw_il} fait partie du décor, dans le bon sens.
- Ce que j'admire, c'est sa capacité à être partout sans s'épuiser. Enfin, {fw_il} s'épuise aussi, des fois. On essaie
  de {fw_le} protéger, de pas {fw_lui} refiler tout ce qu'on sait pas où mettre.
- {Fw} de milieu, c'est nos yeux et nos oreilles dans le milieu. {Fw_il} nous ramène ce que les résidents vivent
  vraiment, pas ce qu'on imagine dans nos bureaux. Sans ça, nos actions seraient déconnectées.

# concertation
? Selon vous, qu'est-ce que la concertation et le partenariat apportent concrètement?
? Qu'est-ce que ça change, d'avoir tous ces partenaires qui travaillent ensemble?
? Quels sont, à vos yeux, les principaux apports du partenariat?
- Le premier apport, c'est qu'on multiplie les expertises. L'un connaît les jeunes, l'Office connaît le bâtiment, le
  CIUSSS connaît la santé mentale, l'organisme famille connaît les parents. Quand on met tout ça ensemble autour d'une
  situation, on voit des choses qu'on verrait pas tout seul. Ça évite le travail en silo, où chacun a son petit bout
  de la personne et personne ne voit le portrait global.
- Le référencement est beaucoup plus facile. Avant, je référais quelqu'un à un organisme, je donnais un numéro de
  téléphone, pis je savais pas si la personne allait appeler. Maintenant, je connais l'intervenante de l'autre
  organisme, je peux l'appeler directement, faire une référence personnalisée. Ça fait une grosse différence pour des
  gens qui ont eu des mauvaises expériences avec les services.
- Au final, c'est une meilleure réponse aux besoins des résidents. Pas parfaite, là, mais meilleure. Quand une famille
  arrive avec plusieurs problèmes, le logement, l'école, l'argent, on est capables de se répartir ça, de coordonner.
  Avant, la famille devait répéter son histoire dix fois.
- On évite aussi les doublons. Il y avait des années où trois organismes faisaient une fête de Noël la même semaine,
  pour le même monde. C'est un peu niaiseux quand on y pense. Maintenant on se coordonne, on fait une grosse fête
  ensemble, avec plus de moyens, et les résidents s'y retrouvent mieux.
- Les mécanismes se complètent. La concertation, c'est là qu'on se donne une direction commune. Le partenariat, c'est
  les projets concrets qu'on fait ensemble. Et l'intervention de milieu, c'est ce qui fait que ça rejoint vraiment les
  gens. Si on enlevait un des trois morceaux, les deux autres marcheraient beaucoup moins bien. Ils agissent en
  symbiose.
- Le partenariat facilite aussi les projets communautaires dans le milieu de vie. Le jardin collectif, par exemple,
  ça prenait l'Office pour le terrain, la Ville pour l'eau, un organisme pour l'animation, et l'association pour
  mobiliser les jardiniers. Aucun de nous aurait pu le faire seul.
~ Avez-vous un exemple où ça a fait une différence?
+ Une famille qui allait être expulsée pour des retards de loyer. L'Office l'a signalé au comité terrain, {fw} l'a
  accompagnée, l'organisme de budget a fait un plan de paiement. La famille est restée. Sans concertation, elle aurait
  reçu un avis, point.
+ Un monsieur âgé qui s'isolait, qui n'ouvrait plus sa porte. Le concierge l'a remarqué, en a parlé à l'OC de
  l'Office, qui en a parlé à {fw}. En deux semaines, il avait du soutien à domicile. Ça, c'est le réseau qui
  fonctionne.
- La concertation, ça nous a aussi permis de parler d'une seule voix. Quand on va voir la Ville ou un bailleur de
  fonds, c'est pas un petit organisme qui demande, c'est un réseau de douze organisations. Ça pèse plus lourd.
- Honnêtement, au début, j'étais sceptique. Encore une table de concertation, encore des réunions. Mais j'ai vu des
  résultats concrets, des familles mieux accompagnées, des projets qui se réalisent. Ça m'a convaincu{e}.

# financement 0.85
? Et au niveau du financement, comment ça se passe?
? Est-ce que le partenariat a un effet sur les ressources, sur le financement des organismes?
- Le financement, c'est le nerf de la guerre. Tout le monde est sous-financé. Mais le partenariat permet de mutualiser
  des ressources. Mettons, on partage une animatrice entre deux organismes pour le camp de jour, on fait une demande
  de subvention conjointe pour le jardin collectif. Ça comble un peu les lacunes, sans régler le fond du problème.
- Ce qui est dur, c'est le financement par projet. On a une subvention pour deux ans, on embauche quelqu'un, les
  résidents s'attachent, et après la subvention finit et la personne part. C'est le contraire de ce qu'il faut pour
  bâtir la confiance. On le répète à chaque bailleur de fonds, mais ça change pas vite.
- [fw_community] Le poste de l'intervenant{fw_e} de milieu est financé en partie par l'Office, en partie par une
  fondation privée, pis un peu par le CIUSSS, et chaque année on se demande si ça va être renouvelé. Chaque printemps,
  c'est le stress, on écrit des rapports, on compte les présences… Ça prend du temps qu'on pourrait passer avec les
  résidents.
- On a développé des façons de partager : le photocopieur, le local, le matériel pour les activités, même du
  personnel pour certains événements. Pour un petit organisme, sauver quelques centaines de piastres sur une fête de
  quartier, ça change quelque chose. La mutualisation des ressources, c'est devenu un réflexe.
- [fw_ciusss] Nous, on est chanceux, le poste de l'intervenante est financé à même le budget du CIUSSS, c'est un poste
  permanent. Ça enlève une grosse pression. Les organismes, eux, courent encore après leur financement, mais au moins
  la pierre angulaire est stable.
- Le partenariat nous donne aussi de la crédibilité auprès des bailleurs de fonds. Une demande appuyée par le CIUSSS,
  l'Office et plusieurs organismes, ça passe mieux qu'une demande isolée.
~ Avez-vous un exemple de ressource partagée?
+ Le camion pour les fêtes, les tables, les chapiteaux. Un organisme les achète, tout le monde s'en sert. C'est
  simple, mais ça évite des dépenses.
+ Une animatrice payée à moitié par deux organismes, pour la période estivale. Seul, aucun des deux aurait pu
  l'embaucher.

# mobilisation
? Comment se passe la mobilisation et la participation des résidents?
? Est-ce que les résidents participent aux activités, aux comités? Comment vous les rejoignez?
? Parlons de la participation des résidents. Comment ça se passe?
- La mobilisation, c'est l'enjeu qui revient tout le temps. On réussit à mobiliser du monde autour d'un projet, mais
  maintenir un engagement à long terme, c'est très difficile. Les gens ont leurs problèmes, leur travail, leurs
  enfants, leur santé. Et quand on a trois ou quatre personnes qui portent tout, elles s'épuisent.
- Ce qui marche le mieux, c'est les projets collectifs concrets. Le jardin, la cuisine collective, la friperie, la
  fête de fin d'année. Des gens qui viendraient jamais à une réunion viennent planter des tomates. Et à travers ça,
  ils se rencontrent, et des fois ils finissent par s'impliquer ailleurs. Ça diversifie la mobilisation, ça rejoint
  pas juste les mêmes personnes.
- On a fait l'erreur, au début, de décider pour les résidents. On arrivait avec nos projets, nos idées, et on
  s'étonnait que personne vienne. Maintenant on essaie de partir des besoins exprimés par les résidents, dès le début.
  On fait des consultations, du porte-à-porte, des cafés-rencontres. C'est plus long, mais ça marche mieux.
- La participation, c'est une question de confiance. Les gens vont pas venir à une activité organisée par quelqu'un
  qu'ils connaissent pas. C'est pour ça que la présence de {fw} est si importante. {Fw_il} connaît les gens par leur
  nom, {fw_il} va les chercher, {fw_il} les accompagne la première fois.
- [familles] Il y a aussi des barrières de langue. Une bonne partie des familles sont arrivées récemment, parlent
  arabe, espagnol, dari… Les affiches en français, ça rejoint pas tout le monde. On a commencé à faire appel à des
  résidentes qui jouent un rôle d'interprète, de pont culturel, et ça a vraiment aidé.
- [seuls] Avec les personnes seules, c'est un autre défi. Beaucoup ont des problèmes de santé mentale, de mobilité,
  certaines sont très méfiantes. On peut pas s'attendre à ce qu'elles viennent à une assemblée générale. Il faut y
  aller une personne à la fois, un café à la fois.
- [asso_origin] Ici, la mobilisation est portée par l'association. C'est sa force et sa faiblesse. Quand le conseil
  d'administration est en forme, tout bouge. Quand la présidente a été malade l'an passé, tout s'est arrêté pendant
  trois mois.
- Il faut accepter que la participation prenne des formes différentes. Quelqu'un qui vient juste une fois par année à
  la fête de quartier participe, à sa façon. On a longtemps compté juste les gens qui venaient aux comités, c'était
  une erreur.
- Les résidents les plus impliqués, on les sollicite pour tout. Le comité, la fête, la consultation, la recherche
  [rires]. Il faut faire attention à pas les épuiser.
~ Qu'est-ce qui a marché, concrètement, pour mobiliser?
+ Aller chercher les gens un par un. Cogner aux portes, inviter personnellement. Les affiches, ça marche pas.
+ Offrir un repas. Ça a l'air bête, mais quand il y a un souper, les gens viennent. Et une fois qu'ils sont là, on
  peut parler d'autre chose.

# consultation 0.75
? Comment les besoins des résidents sont-ils pris en compte dans les actions du réseau?
? Est-ce que les résidents sont consultés sur les orientations?
- On a fait une grosse consultation en {annee_consult}, avec un questionnaire porte-à-porte et des groupes de
  discussion. Ça a donné une belle photo des besoins. Mais une photo, ça vieillit. Les familles changent, les besoins
  changent. Je pense qu'il faut renouveler la consultation régulièrement, pas juste une fois aux cinq ans.
- Les besoins sont très diversifiés. Il y a des gens qui veulent juste socialiser, sortir de chez eux, prendre un
  café. D'autres veulent connaître les ressources du quartier, savoir où aller pour la banque alimentaire, l'impôt, le
  CLSC. D'autres ont besoin d'aide pour des démarches, des formulaires, l'immigration. Et il y a beaucoup de parents
  qui ont besoin de soutien dans leurs tâches parentales.
- Ce qu'on entend des résidents, et je pense qu'il faut l'écouter, c'est qu'ils se sentent consultés pour rien. On
  leur pose des questions, on fait des sondages, et après ils voient pas de changement. Maintenant, on essaie de
  revenir vers eux, de dire « vous nous aviez dit ça, voici ce qu'on a fait, voici ce qu'on n'a pas pu faire et
  pourquoi ».
- Les besoins sont dynamiques. Il y a cinq ans, la priorité c'était la sécurité. Aujourd'hui, les gens nous parlent
  d'emploi, de francisation, d'activités pour les ados. Si on fait encore les mêmes activités qu'il y a cinq ans, on
  passe à côté.
- On a essayé différentes façons de consulter. Les assemblées, ça rejoint toujours les mêmes personnes. Le
  porte-à-porte, c'est plus long, mais on rejoint des gens qu'on voit jamais. Les cafés-rencontres sont un bon
  entre-deux.
~ Et qu'est-ce que la consultation a changé?
+ On a réorienté une partie des activités vers les adolescents, parce que c'est ce que les parents demandaient. On
  aurait pas fait ça sans les écouter.
+ Elle a surtout montré qu'on se trompait sur certains besoins. On pensait que les gens voulaient des ateliers, ils
  voulaient surtout des occasions de se rencontrer.

# controverses
? Est-ce qu'il y a eu des tensions, des désaccords entre les partenaires?
? Quels sont les principaux défis ou les points de friction dans le partenariat?
? Tout n'est sûrement pas rose. Quelles difficultés avez-vous rencontrées?
- Il y a eu des tensions, c'est sûr. Surtout sur la définition du type d'intervention. Certains partenaires voulaient
  une approche plus sécuritaire, plus encadrante, d'autres voulaient une approche de développement du pouvoir d'agir.
  C'est pas juste une question de mots, ça change ce qu'on fait concrètement dans le milieu. On en a parlé pendant des
  mois.
- Le grand défi, c'est la clarification des rôles. Qui fait quoi? Qui décide quoi? Est-ce que {coord} peut imposer
  quelque chose au comité terrain? {Fw} de milieu relève de qui, au quotidien? Ces questions-là reviennent chaque fois
  qu'il y a un nouveau partenaire ou un changement de personnel.
- L'organisation interne du partenariat a été un gros sujet. Les procès-verbaux, la prise de décision, le consensus ou
  le vote. Ça a l'air administratif, mais quand c'est pas clair, les frustrations s'accumulent. Un organisme a même
  quitté la table pendant un an parce qu'il trouvait que les décisions se prenaient en dehors des rencontres.
- [espaces] Le plus gros point de friction, c'est le partage et la gestion des espaces collectifs. Le local
  communautaire, tout le monde le veut. L'organisme jeunesse le veut le soir, l'organisme famille le matin,
  l'association de locataires pour ses réunions, l'Office pour ses rencontres avec les locataires. Pis après, qui fait
  le ménage? Qui est responsable si quelque chose brise? On a eu des chicanes épiques autour de ça [rires].
- [espaces] Les espaces collectifs, c'est une source de tension constante. Un local, c'est du pouvoir. Celui qui a les
  clés a du pouvoir. On a eu des situations où un organisme laissait le local dans un état lamentable et les autres
  devaient ramasser. Ou un groupe qui réservait le local et venait pas.
- [entente] Pour le local, on a fini par signer une entente de gestion entre les organismes. Qui l'utilise quand, qui
  fait l'entretien, qui paie les produits ménagers, comment on règle un conflit. Ça a pris presque un an à négocier,
  mais depuis, c'est beaucoup plus calme. Avoir quelque chose d'écrit, ça dépersonnalise les conflits.
- [crisis] Comme le réseau est né dans l'urgence, on a longtemps fonctionné en mode réaction. Chaque incident amenait
  une nouvelle idée, un nouveau comité. On a dû se poser et se demander c'est quoi, au fond, notre mission commune.
~ Comment ces tensions-là ont-elles été réglées?
+ En se parlant, tout simplement. L'OC a organisé une rencontre spéciale, juste sur cette question-là, avec une
  animation externe. Chacun a pu nommer ses frustrations. Ça a été un moment difficile, mais après ça, l'air était
  plus respirable.
+ Franchement, elles sont pas toutes réglées. Il y a des désaccords de fond qui restent. Mais on a appris à travailler
  avec, à reconnaître qu'on n'a pas tous la même mission. L'important, c'est de pouvoir en parler ouvertement.
+ [guide] On a écrit un guide d'intervention commun, avec nos principes, nos façons de faire, le rôle de chacun. Ça a
  pris du temps, mais maintenant, quand un nouveau partenaire arrive, on lui remet le guide et il comprend comment on
  fonctionne.
+ [vivre_ensemble] Le comité vivre ensemble a aidé, parce que c'est un lieu où on peut mettre les problèmes sur la
  table, avec les résidents, sans que ça devienne personnel. On nomme le problème, pas la personne.
- Il y a eu des tensions entre les institutions et les organismes communautaires. Les institutions ont des mandats,
  des redditions de comptes, des façons de faire très encadrées. Les organismes tiennent à leur autonomie. Il a fallu
  apprendre à respecter ça des deux côtés.
- Une autre source de friction, c'est la confidentialité. Jusqu'où on peut parler d'une situation au comité terrain?
  Les intervenants du réseau public ont des règles strictes, les organismes en ont d'autres. On a dû s'entendre sur un
  cadre commun.

# roulement
? Y a-t-il eu beaucoup de roulement de personnel chez les partenaires?
? Comment le roulement du personnel affecte-t-il le travail du réseau?
? Les personnes autour de la table ont-elles beaucoup changé au fil des années?
- [!stable] Le roulement, c'est le fléau. Dans les organismes communautaires, les salaires sont bas, les gens partent
  après deux ans. Au CIUSSS, il y a eu la réorganisation, les gens changent de poste. Chaque fois, on perd la mémoire,
  on perd les liens avec les résidents, et il faut tout recommencer.
- [roulement_fort] Juste dans les deux dernières années, on a eu trois OC différentes au CIUSSS, deux intervenants de
  milieu et je sais plus combien de coordonnateurs à l'organisme jeunesse. C'est épuisant. À chaque fois, il faut
  réexpliquer l'historique, pourquoi on fait les choses comme ça. Et les résidents, eux autres, se demandent pourquoi
  ils feraient confiance à quelqu'un qui va partir dans six mois.
- [roulement_fort] Avec le roulement du personnel, on perd la compréhension commune du problème. Les nouveaux arrivent
  avec leur propre lecture de la situation, et c'est légitime, mais il faut refaire la problématisation ensemble, se
  repositionner. Des fois, c'est l'organisme au complet qui doit se repositionner dans la structure parce que la
  nouvelle personne voit pas son rôle pareil.
- [!stable] Ce qui nous a aidés, c'est d'avoir quelques personnes stables, qui sont là depuis le début. Elles portent
  la mémoire. Quand il y a un nouveau, elles prennent le temps de l'accueillir, de lui expliquer. Mais ça repose sur
  la bonne volonté de ces personnes-là, c'est pas structuré.
- [stable] Honnêtement, on a été chanceux. Les partenaires principaux sont restés assez stables. L'OC du CIUSSS est là
  depuis presque le début, l'intervenante aussi. Ça fait une énorme différence. Les gens se connaissent, ils se font
  confiance, ils peuvent se dire les vraies affaires.
- [stable] Il y a du roulement dans les organismes, comme partout, mais le noyau est stable. Quand quelqu'un de
  nouveau arrive, il est intégré par des gens qui sont là depuis longtemps. La culture du réseau se transmet.
~ Comment intégrez-vous les nouvelles personnes?
+ On a pris l'habitude de faire une rencontre d'accueil, avec l'historique du réseau, les comités, les dossiers en
  cours. C'est pas parfait, mais c'est mieux que d'arriver à une réunion sans rien comprendre.
+ [guide] Le guide d'intervention sert beaucoup à ça. On le remet, on en discute. Ça évite de tout réinventer à chaque
  départ.
+ Pas assez bien, honnêtement. On compte sur le fait que la personne va poser des questions. Il faudrait un vrai
  processus.

# confiance 0.9
? Comment s'est construite la collaboration entre les partenaires, au fil du temps?
? Qu'est-ce qui favorise, selon vous, une bonne collaboration?
- Ça se construit graduellement. Au début, il y avait de la méfiance, chaque organisme protégeait son territoire. Avec
  les rencontres régulières, on a appris à se connaître, à comprendre les contraintes des autres. Le lien de
  confiance, ça se décrète pas, ça se gagne avec le temps.
- L'apprentissage du travail collectif, ça prend des années. Il faut apprendre à faire des compromis, à partager le
  crédit, à accepter qu'une décision collective soit pas exactement ce qu'on voulait. C'est pas naturel pour des
  organismes qui sont habitués de se battre pour leur financement.
- [proximite] La proximité physique aide énormément. Ici, plusieurs partenaires ont leurs bureaux dans la même
  bâtisse, au rez-de-chaussée de la tour. On se croise dans le corridor, on prend un café ensemble, on règle des
  choses en deux minutes qui prendraient trois courriels autrement. Je suis convaincu{e} que ça a changé la qualité de
  la collaboration.
- Il faut une certaine stabilité des personnes autour de la table. Si chaque rencontre il y a de nouvelles personnes,
  on n'avance pas. La confiance, c'est entre des personnes, pas entre des logos d'organismes.
- Les rencontres régulières, même quand il y a pas grand-chose à l'ordre du jour, c'est important. C'est là que les
  liens se font. On a déjà essayé d'espacer les rencontres pour sauver du temps, et on l'a regretté.
- La confiance, ça passe aussi par le fait de reconnaître ses erreurs. Une fois, on a pris une décision sans consulter
  un organisme, et ça a créé un froid. On s'est excusés, on a changé notre façon de faire. Ça a renforcé le lien, au
  fond.
~ Qu'est-ce qui a fait la différence, selon vous?
+ Le temps, surtout. Se voir souvent, traverser des moments difficiles ensemble. Après, on se fait confiance.
+ Des petites victoires. Un premier projet qui marche, ça donne confiance pour le suivant.

# resultats 0.85
? Avec le recul, quels sont les effets du réseau sur les résidents et sur le milieu?
? Qu'est-ce qui a changé dans le milieu depuis le début du partenariat?
- [dizaine] Ça a pris du temps. Je dirais que c'est après une dizaine d'années qu'on a vraiment commencé à voir les
  résultats. Les jeunes qui fréquentaient les activités au début sont maintenant des adultes, certains sont animateurs
  chez nous. L'ambiance dans les habitations a rien à voir avec ce que c'était.
- Les conditions de vie se sont améliorées, de façon générale. Il y a moins d'incidents, les gens se sentent plus en
  sécurité, ils connaissent leurs voisins. Il y a des activités pour les jeunes et pour les adultes directement dans
  le milieu, pas besoin de prendre deux autobus. Mais il reste beaucoup de pauvreté, ça, le partenariat peut pas le
  régler.
- Ce qui me touche le plus, c'est le pouvoir d'action des résidents. L'association de locataires est beaucoup plus
  forte qu'avant. Ils ont obtenu des rénovations, un meilleur éclairage, des bancs dans la cour. Ils ont appris à
  négocier avec l'Office. Ça, c'est durable.
- [entraide] Ce qui est beau, c'est qu'il y a des réseaux d'entraide autonomes qui se sont créés. Des voisines qui se
  gardent leurs enfants, un groupe d'aînés qui se téléphonent tous les matins, un résident qui aide les nouveaux avec
  leurs papiers. Ça, le partenariat l'a pas fait directement, mais il l'a rendu possible en soutenant l'association.
- [fw_ciusss] Un effet qu'on n'avait pas prévu, c'est l'image du réseau public. Les résidents font davantage confiance
  au CLSC maintenant, parce qu'ils connaissent l'intervenante. Ils vont à leurs rendez-vous, ils acceptent des
  services qu'ils refusaient avant.
- L'accompagnement fait une différence pour accéder aux services. Des gens qui n'auraient jamais appelé un organisme y
  vont maintenant, parce que quelqu'un les a accompagnés la première fois.
- Pour les résidents, je pense que la plus grande différence, c'est qu'ils savent maintenant où aller. Avant, ils
  étaient perdus entre les services. Aujourd'hui, ils ont une porte d'entrée, {fw}, pis un réseau derrière.
- Ce qui a changé aussi, c'est le regard du quartier sur le HLM. Avant, c'était « les HLM », avec tous les préjugés.
  Maintenant, il y a des fêtes ouvertes à tout le monde, des gens du quartier qui viennent. Ça brise l'isolement du
  milieu au complet.
~ Et qu'est-ce qui reste à faire?
+ Beaucoup. La pauvreté, l'emploi, la santé mentale. On fait des petits pas, mais les grands problèmes restent.
+ Rejoindre ceux qu'on rejoint pas encore. Les personnes les plus isolées, celles qui ouvrent jamais leur porte.

# pistes
? Si vous aviez des conseils à donner à un autre milieu qui voudrait démarrer un réseau comme le vôtre, que
  diriez-vous?
? Qu'est-ce qui pourrait être amélioré, selon vous?
? Pour la suite, quelles seraient vos priorités?
- Je dirais de partir des besoins des résidents, dès le début. Pas arriver avec un projet tout fait. Et de prévoir du
  temps, beaucoup de temps. Les bailleurs de fonds veulent des résultats en deux ans, mais c'est une démarche de dix
  ans.
- Il faut renforcer le rôle d'animation et de médiation. Quelqu'un doit avoir ce mandat-là clairement, que ce soit
  l'OC du CIUSSS ou celle de l'Office. Parce que les conflits, il y en aura, et si personne a le rôle de les faire
  sortir et de les régler, ils pourrissent.
- Stabiliser les postes. Je sais que c'est pas dans nos mains, mais si je pouvais demander une seule chose aux
  bailleurs de fonds, ce serait du financement récurrent pour l'intervention de milieu. La stabilité des personnes,
  c'est ce qui fait la différence.
- [guide] Se doter d'outils. Chez nous, le guide d'intervention a vraiment aidé, mais aussi des choses simples, un
  calendrier partagé, un bottin des ressources, une fiche de référence commune. Ça aide à orienter l'action collective
  et à intégrer les nouveaux.
- [entente] Clarifier tôt les règles pour les espaces. Nous, l'entente de gestion du local, on aurait dû la faire dès
  la première année. On aurait évité bien des chicanes.
- [fw_ciusss] Je recommanderais notre modèle, avec une travailleuse sociale du CIUSSS comme intervenante de milieu.
  C'est une approche de proximité qui donne accès aux services du réseau sans que les gens aient à passer par
  l'accueil du CLSC. Mais il faut que l'établissement accepte de laisser de la latitude à son intervenante.
- Consulter les résidents régulièrement, pas juste au début. Les besoins changent, les gens changent. Une consultation
  renouvelée, ça permet de réorienter les actions avant qu'elles deviennent déconnectées.
- Prévoir des rencontres régulières, même quand tout va bien. C'est dans les périodes calmes qu'on bâtit la confiance
  qui sert quand ça va mal.
- Valoriser le travail des résidents bénévoles. Ils portent beaucoup, ils sont pas payés. Un souper de reconnaissance,
  une formation, un petit montant pour leurs dépenses, ça compte.

# fin
? Merci beaucoup. Est-ce qu'il y a autre chose que vous aimeriez ajouter avant qu'on termine?
? On arrive à la fin. Y a-t-il quelque chose dont on n'a pas parlé et qui vous semble important?
- Non, je pense que j'ai fait le tour. C'est un beau projet, avec ses défauts, mais je pense qu'il fait une vraie
  différence. Merci à vous de vous y intéresser.
- Juste peut-être que j'espère que la recherche va servir à quelque chose de concret, qu'on va avoir un retour. On
  donne beaucoup de temps aux chercheurs, et des fois on n'a jamais de nouvelles [rires].
- Non, c'est bon. Ça m'a fait du bien d'en parler, en fait. On a pas souvent le temps de prendre du recul comme ça.
"""

RESIDENT = """
# presentation
? Pour commencer, pouvez-vous me parler un peu de vous? Depuis combien de temps habitez-vous ici?
? Pour commencer, parlez-moi de vous. Vous habitez {a_lieu} depuis quand?
? J'aimerais d'abord que vous me parliez un peu de vous et de votre logement.
- [famille] Ça fait {n_ans_hlm} ans que je reste ici, {a_ensemble}. J'ai {n_enfants} enfants, le plus vieux a
  {age_vieux} ans, pis la plus jeune est en {niveau}. Avant on était dans un 4 et demie trop petit, avec de la
  moisissure, sur une grosse rue. Quand on a eu l'appel de l'Office, j'ai pleuré, tsé. Ça a pris {n_attente} ans sur
  la liste d'attente.
- [famille] Moi je suis arrivé{e} au Québec en {annee_arrivee}, avec ma famille. On a habité chez mon beau-frère au
  début, c'était difficile, trop de monde dans un petit logement. Après, on a eu le logement ici. Ça fait {n_ans_hlm}
  ans maintenant. J'ai {n_enfants} enfants, ils vont à l'école à côté, c'est pratique.
- [seul !aine] Je reste ici depuis {n_ans_hlm} ans, {seul} dans un 3 et demie. J'ai eu des problèmes de santé, j'ai
  arrêté de travailler, fait que le HLM, ça a été une bouée. Avant ça, je payais la moitié de mon chèque en loyer.
- [seul !aine] Ça fait {n_ans_hlm} ans. Avant j'étais en chambre, dans une maison de chambres pas très propre. Ici
  j'ai mon chez-nous, ma porte, ma clé. Ça a l'air de rien, mais pour moi c'est énorme. Je vis {seul}, j'ai un chat.
- [aine] Moi je suis ici depuis {n_ans_hlm} ans. J'ai {age} ans. Mon conjoint est décédé il y a quelques années, fait
  que je vis {seul} maintenant. J'ai élevé mes enfants dans le quartier, je connais du monde, mais beaucoup sont
  partis, ou sont morts.
- J'habite au {etage} étage, dans le bloc {bloc}. C'est correct, c'est pas le grand luxe, mais c'est propre, pis le
  loyer est abordable. C'est ça qui compte.
~ Et comment vous êtes arrivé{e} ici, aux habitations?
+ Par la liste d'attente, comme tout le monde. J'ai rempli le formulaire à l'Office, pis j'ai attendu. Quand ils m'ont
  appelé{e}, j'ai visité, pis j'ai dit oui tout de suite, même si c'était pas le quartier que je voulais.
+ C'est une travailleuse sociale de l'hôpital qui m'a aidé{e} à faire la demande, dans le temps. J'étais dans une
  mauvaise passe. Sans elle, je sais pas où je serais.

# vie 1
? Comment vous trouvez ça, vivre ici?
? Comment décririez-vous la vie dans les habitations?
? Et la vie de tous les jours ici, comment ça se passe?
- [@ambiance] Ben… ça dépend des jours [rires]. Y'a des bons voisins, pis y'en a des moins bons. Le bruit, des fois,
  c'est dur. Les murs sont minces, on entend tout. Mais en général, je me plains pas. C'est mieux qu'avant, en tout
  cas.
- C'est un milieu où il y a beaucoup de monde différent. Des familles de partout, des personnes âgées, des personnes
  qui ont des problèmes de santé mentale. Des fois ça crée des frictions, mais on apprend à vivre ensemble. Moi j'aime
  ça, la diversité.
- Le gros problème, c'est l'entretien. Quand tu fais une demande à l'Office, ça prend des semaines. Ma salle de bain,
  ça a pris trois mois pour réparer une fuite. Pis les punaises, on en a eu deux fois. C'est l'enfer, les punaises.
- Ça a changé beaucoup depuis que je suis arrivé{e}. Avant, c'était pas mal plus tough. Y'avait du trafic dans les
  escaliers, du monde qui venait de l'extérieur. Maintenant c'est plus tranquille. Je sais pas si c'est grâce aux
  intervenants ou à la police, mais c'est mieux.
- [crisis] Quand je suis arrivé{e}, c'était la période difficile, avec les chicanes pis les bagarres. J'avais peur de
  sortir le soir. Ça a pris du temps avant que ça se calme. Aujourd'hui, c'est pas parfait, mais c'est vivable.
- [famille] Pour les enfants, c'est bien. Il y a la cour, le parc à côté, l'école à cinq minutes. Mes enfants ont des
  amis de tous les pays. Mais c'est petit, {n_enfants} enfants dans deux chambres, ça joue du coude [rires].
- [seul @ambiance] C'est tranquille, dans mon bloc. Trop tranquille des fois. Les gens restent chez eux, on se croise
  dans l'ascenseur, bonjour, bonsoir. Mais je me plains pas, j'aime mieux ça que le bruit.
~ Et vos voisins, vous les connaissez?
+ Quelques-uns. La madame d'à côté, on se rend des services. Les autres, je les connais de vue.
+ Plus qu'avant. Avec les activités, on a appris à se connaître. Avant je savais même pas le nom de mon voisin d'en
  face.
- [seuls] Les personnes seules, ici, on est beaucoup à avoir des problèmes de santé. Ça se voit pas toujours, mais il
  y a beaucoup de monde qui vit avec de l'anxiété, de la douleur. Des fois, ça rend les relations difficiles entre
  voisins. Faut être patient.
- Ce que j'aime, c'est que c'est abordable. Je paie le quart de mon revenu, pis il me reste de quoi manger. Avant,
  j'allais à la banque alimentaire à la fin de chaque mois. Maintenant, c'est juste de temps en temps.
+ [famille] Les parents surtout, à cause des enfants. On se voit au parc, à l'école. Les enfants jouent ensemble, fait
  que les parents finissent par se parler.

# intervenant
? Connaissez-vous {fw} de milieu? Comment l'avez-vous connu{fw_e}?
? Avez-vous eu affaire à l'intervenant{fw_e} de milieu?
? Est-ce que vous connaissez l'intervenant{fw_e} qui travaille ici, dans les habitations?
- [@rencontre] Oui, oui, tout le monde {fw_le} connaît! {Fw_il} est toujours dans la cour, {fw_il} dit bonjour à tout
  le monde. La première fois, c'est {fw_lui} qui est venu{fw_e} cogner à ma porte pour m'inviter à un café-rencontre.
  J'étais gêné{e}, mais j'y suis allé{e}. Pis après, c'est devenu comme une personne de confiance.
- [@rencontre] Je l'ai connu{fw_e} par ma voisine. Elle m'a dit « va voir l'intervenant{fw_e}, {fw_il} va t'aider avec
  ton formulaire ». J'avais reçu une lettre du gouvernement, je comprenais rien. {Fw_il} m'a tout expliqué, {fw_il} a
  appelé avec moi. Depuis ce temps-là, quand j'ai un problème, je vais {fw_le} voir.
- [fw_ciusss] Elle, c'est une travailleuse sociale du CIUSSS, mais pas comme on pense, tsé [rires]. Au début j'avais
  peur, je me disais « CLSC, travailleuse sociale, ils vont venir se mêler de mes affaires ». Mais non. Elle m'a
  aidé{e} pour avoir un rendez-vous avec un spécialiste. Ça aurait pris un an sinon. Là, j'ai une autre idée du CLSC.
- [fw_omh] Au début, je me méfiais, parce qu'elle travaille pour l'Office. Je me disais, si je lui parle de mes
  problèmes, elle va le dire au bureau. Mais elle m'a expliqué que c'était confidentiel, pis c'est vrai, elle a
  toujours respecté ça.
- [retrait @rencontre] Honnêtement, je l'ai pas vu{fw_e} souvent. Je suis quelqu'un qui reste chez nous. Mais je sais
  qu'{fw_il} est là si j'en ai besoin. Ça me rassure de savoir ça.
- [roulement_fort] J'en ai connu trois, quatre, des intervenants. Ils changent tout le temps. Celui-là, il est
  correct, mais je sais pas combien de temps il va rester. Chaque fois, faut tout recommencer.
- [!retrait] Je {fw_le} vois au café-rencontre, surtout. {Fw_il} passe, {fw_il} jase avec tout le monde. C'est pas
  comme un rendez-vous au CLSC, c'est plus naturel. Tu peux lui parler de tes affaires sans que ça soit une grosse
  affaire.
- [stable !retrait] Ça fait des années qu'{fw_il} est là. {Fw_il} connaît mes enfants depuis qu'ils sont bébés. C'est
  quasiment de la famille, là [rires]. Quand j'ai un problème, je sais à qui parler.
~ Qu'est-ce qui fait que vous lui faites confiance?
+ {Fw_il} tient parole. Quand {fw_il} dit qu'{fw_il} va rappeler, {fw_il} rappelle. C'est rare, ça, dans les services.
+ {Fw_il} me juge pas. Je lui ai raconté des affaires que j'ai jamais dites à personne, pis {fw_il} a jamais changé
  d'attitude avec moi.
+ Ça a pris du temps. Au début je me méfiais, je pensais qu'{fw_il} travaillait pour l'Office pour nous surveiller.
  Mais {fw_il} a jamais rien répété.

# accompagnement
? De quelle façon l'intervenant{fw_e} vous a-t-{fw_il} aidé{e}?
? Pouvez-vous me donner un exemple de situation où vous avez reçu de l'aide?
? Est-ce que vous avez déjà été accompagné{e} dans des démarches?
- Quand j'ai perdu ma job, j'étais complètement perdu{e}. Je savais pas que j'avais droit à l'aide, je savais pas
  comment faire la demande. {Fw_il} m'a accompagné{e} au bureau, {fw_il} m'a aidé{e} à remplir les papiers. Sans
  {fw_lui}, je pense que je serais tombé{e} dans un trou.
- [famille] Pour mes enfants, surtout. Mon plus vieux avait des problèmes à l'école, il se battait. {Fw} m'a référé{e}
  à l'organisme famille, pour un groupe de parents. Ça m'a aidé{e} à comprendre des affaires. Pis mon fils va aux
  activités {de_jeunes} maintenant, il a des animateurs qui l'encadrent.
- Pour des petites affaires aussi. Un rendez-vous chez le médecin, un appel pour l'électricité, remplir le formulaire
  pour les impôts. Pour moi, c'est des montagnes, ça. Je lis pas bien le français. {Fw_il} prend le temps, {fw_il} me
  juge pas.
- [aine] Quand je suis tombé{e} l'hiver passé, c'est {fw_lui} qui a organisé tout ça, le soutien à domicile du CLSC,
  la popote roulante. Ma fille reste loin, en région, elle peut pas venir tout le temps. Sans ça, j'aurais peut-être
  dû partir en résidence.
- L'accompagnement, ça fait une grosse différence. C'est pas juste de te donner un numéro de téléphone. C'est de venir
  avec toi la première fois. Moi, {seul}, je serais jamais allé{e} à la banque alimentaire, j'avais trop honte. Mais
  {fw_il} est venu{fw_e} avec moi, pis là j'y vais chaque semaine.
- [seul] J'ai des problèmes d'anxiété. Des fois je suis pas capable de sortir. {Fw} le sait, {fw_il} vient me voir,
  {fw_il} m'appelle. {Fw_il} m'a aidé{e} à avoir un suivi en santé mentale. Ça a pris du temps, mais maintenant j'ai
  quelqu'un.
~ Et sans cet accompagnement-là, qu'est-ce qui se serait passé, selon vous?
+ Je sais pas. Je pense que j'aurais laissé tomber. Quand t'appelles pis que personne te répond, tu laisses tomber.
+ J'aurais fini par me débrouiller, peut-être, mais ça aurait pris beaucoup plus de temps. Pis j'aurais été tout le
  temps stressé{e}.
- [famille] Pour l'inscription à la garderie, c'était un casse-tête. Le site Internet, les listes, je comprenais rien.
  {Fw} s'est assis{fw_e} avec moi, on a tout fait ensemble. Ma fille a eu une place six mois plus tard.
- Avec l'Office, pour mon renouvellement de bail. Il manquait des papiers, j'allais perdre ma subvention. {Fw} a
  appelé le bureau, a expliqué ma situation. Ça s'est réglé en une semaine.
+ Je serais peut-être plus ici. Ou je serais malade. Sérieusement, ça m'a sauvé{e}, cet accompagnement-là.

# securite 0.9
? Vous sentez-vous en sécurité ici?
? Est-ce que le sentiment de sécurité a changé avec les années?
- [@securite] Oui, maintenant oui. Avant, non. Le soir, je sortais pas. Maintenant, il y a plus de lumière dans la
  cour, il y a du monde, les intervenants passent. Je me sens plus en sécurité.
- [@securite] Ça dépend. Dans mon bloc, ça va. Mais l'autre bloc, il y a encore du trafic, des gens qui viennent de
  l'extérieur. J'aime mieux pas passer par là le soir. J'en ai parlé au comité, ils disent qu'ils travaillent
  là-dessus.
- Ce qui m'a aidé{e}, c'est de connaître mes voisins. Avant je connaissais personne. Maintenant je connais la madame
  d'en face, le monsieur du troisième. Si y'a de quoi, je sais que je peux cogner. Ça, c'est de la sécurité aussi.
- {Fw}, {fw_il} fait de la prévention. Mettons quand y'a un conflit entre voisins, {fw_il} intervient avant que ça
  dégénère, avant que la police arrive. Une fois, y'avait une chicane dans le corridor à cause du bruit, pis {fw_il} a
  fait une médiation. Depuis, ça va mieux.
- [famille] Mes enfants peuvent aller jouer dans la cour sans que je capote. Avant, je les gardais en dedans. Là, il y
  a des animateurs l'été, il y a du monde. Je les surveille par la fenêtre, mais je suis plus tranquille.
- [crisis] Après la mauvaise période, il y a eu des réunions, des nouvelles lumières, des caméras dans l'entrée. Pis
  surtout, il y a eu du monde qui s'est mis à s'occuper de la place. Ça a changé l'atmosphère.
- [seul] La nuit, des fois, j'entends crier dans le corridor. Ça me fait peur. Mais je sais que si je parle à
  {fw}, {fw_il} va faire quelque chose. Avant, je savais pas à qui le dire.
~ Qu'est-ce qui a changé, selon vous?
+ Le monde se connaît plus. Quand tu connais tes voisins, tu as moins peur d'eux.
+ Il y a plus d'activités, plus de monde dehors. Un endroit vide, c'est là que les problèmes arrivent.

# isolement 0.9
? Est-ce qu'il vous arrive de vous sentir seul{e}?
? Avez-vous l'occasion de rencontrer d'autres personnes, ici?
- [seul] Oui, beaucoup. Surtout l'hiver. Des fois je passe des journées sans parler à personne. Le café-rencontre du
  mardi, c'est ma sortie de la semaine. Je vais là, je prends un café, je jase avec les autres. Ça brise l'isolement,
  comme ils disent.
- [aine] Depuis que mon conjoint est parti, c'est dur. Mais il y a le groupe des aînés le jeudi, on joue aux cartes,
  on fait des sorties. La dernière fois, on est allés à la cabane à sucre, c'était le fun. Sans ça, je resterais
  devant ma télé.
- [famille] Avec les enfants, on n'a pas le temps d'être seul{e} [rires]. Mais c'est vrai que comme parent, on est
  isolé{e} autrement. J'ai pas de famille ici. Le groupe de parents, ça m'a fait du bien. On se parle, on s'échange
  des vêtements d'enfants, on se garde les enfants des fois.
- Au début, j'étais vraiment isolé{e}. Je parlais pas la langue, je connaissais personne. C'est {fw} qui m'a invité{e}
  à la cuisine collective. Là j'ai rencontré d'autres personnes de mon pays, pis d'autres pays. Maintenant on est
  comme une petite famille.
- [entraide] On s'est fait un petit réseau d'entraide entre voisins. Quand quelqu'un est malade, on fait ses
  commissions. On s'appelle le matin pour savoir si tout va bien. L'association nous a aidés à partir ça, mais
  maintenant ça marche tout seul.
- [seul !aine !retrait] Je suis pas quelqu'un de très social. Mais je vais au dîner communautaire une fois par mois.
  Ça me force à sortir, à m'habiller [rires]. Pis j'ai rencontré un monsieur qui aime les échecs comme moi.
- [seul] Ma famille vient pas souvent. Mes enfants travaillent, ils ont leur vie. Le téléphone sonne pas beaucoup. Ça
  fait que les activités ici, c'est important pour moi. Même juste de savoir qu'il y a quelque chose le mardi, ça me
  donne une raison de me lever.
- [!retrait] Je suis pas quelqu'un qui va vers les autres. C'est la cuisine collective qui m'a sorti{e} de mon trou.
  On parle de recettes, pis tranquillement on parle d'autres choses.
~ Qu'est-ce qui vous a aidé{e} à sortir de chez vous?
+ Quelqu'un qui est venu me chercher, littéralement. Ma voisine m'a dit « viens avec moi ». Tout{e} seul{e}, j'y
  serais jamais allé{e}.
+ Le café gratuit [rires]. Non, mais c'est vrai, ça aide. Pis une fois que t'es là, tu restes.

# activites
? Quelles activités sont offertes ici? Y participez-vous?
? Que pensez-vous des activités pour les jeunes et pour les adultes dans les habitations?
? Est-ce qu'il y a des activités qui vous intéressent, dans le milieu?
- [famille] Pour les jeunes, y'a les activités {de_jeunes} le soir, l'aide aux devoirs après l'école, le camp de jour
  l'été. Mes enfants y vont tout le temps. C'est gratuit ou presque, pis c'est juste en bas. Si fallait que je paie un
  camp de jour, je pourrais pas.
- [famille] Il manque des activités pour les ados. Les petits, il y a plein de choses. Mais mon fils de {age_ado} ans,
  il traîne dehors avec ses amis, pis les gens se plaignent. Il faudrait un terrain de basket, un local juste pour eux
  autres.
- [!retrait] Pour les adultes, y'a la cuisine collective, le café-rencontre, des ateliers sur le budget, des fois des
  sorties. J'aime beaucoup la cuisine collective. On cuisine ensemble, on repart avec des plats pour la semaine. C'est
  économique, pis c'est social aussi.
- Avant, pour faire une activité, il fallait prendre l'autobus, aller au centre communautaire de l'autre bord du
  boulevard. Maintenant, c'est ici, dans le local. Ça change tout. Les gens qui sortent pas beaucoup peuvent venir.
- [seul !retrait] Le jardin communautaire, c'est mon bonheur. J'ai mon petit carré, je fais mes tomates, mes fines
  herbes. Pis on se parle entre jardiniers. L'été passé, on a fait une épluchette de blé d'Inde pour tout le monde.
- [retrait famille] Je participe pas beaucoup, honnêtement. Les heures me conviennent pas, je travaille de soir. Ce
  serait bien qu'il y ait des choses la fin de semaine.
- [famille] Ma fille va à l'aide aux devoirs deux fois par semaine. Ses notes ont monté, surtout en français. Moi je
  peux pas l'aider, je comprends pas tout. Les bénévoles sont gentils, patients.
- [famille] L'été, le camp de jour, c'est un cadeau. Mes enfants sortent, ils vont à la piscine, au parc. Moi, ça me
  donne un peu de répit. Pis ils reviennent fatigués, ils dorment bien [rires].
- Il y a eu des ateliers sur le budget, sur l'alimentation. J'ai appris des choses. Comment faire l'épicerie avec peu
  d'argent, comment lire les circulaires. C'est utile.
~ Et qui organise ces activités-là?
+ Les organismes, pis {fw}. Des fois l'association aussi. Je sais pas trop qui fait quoi, honnêtement. Pour moi, c'est
  « les intervenants » [rires].
+ Ça dépend. La cuisine collective, c'est {cuisine}. Le camp de jour, c'est {jeunes}. Mais c'est toujours {fw} qui
  nous en parle en premier.
- [retrait seul] Je participe pas beaucoup. Avec mes douleurs, j'ai pas toujours l'énergie. Pis les groupes, c'est pas
  mon fort. Mais je sais que ça existe, si jamais.

# association 0.9
? Connaissez-vous l'association de locataires? Y participez-vous?
? Êtes-vous impliqué{e} dans l'association de locataires ou dans un comité?
- [!retrait @implication] Oui, je suis sur le conseil d'administration depuis {n} ans. Au début, j'allais juste aux
  assemblées. Pis un jour, la présidente m'a dit « toi, t'as des idées, présente-toi ». Ça m'a donné confiance.
  Maintenant, je parle devant le monde, je négocie avec l'Office. J'aurais jamais pensé faire ça.
- [retrait @implication] Je vais aux assemblées générales, mais sans plus. C'est toujours les mêmes qui parlent, pis
  ça finit souvent en chicane. Je comprends que c'est important, mais moi j'ai pas l'énergie pour ça.
- L'association, elle a obtenu des affaires. Le nouvel éclairage, les bancs, la rénovation des balcons. Sans
  l'association, l'Office aurait jamais bougé. Pis {fw} les aide, pour écrire les lettres, organiser les réunions.
- [vivre_ensemble !retrait] Je suis sur le comité vivre ensemble. On est des résidents et des intervenants. On parle
  des problèmes, le bruit, les déchets, les chiens, mais sans se crier dessus. On essaie de trouver des solutions
  ensemble. Des fois ça marche, des fois non, mais au moins on se parle.
- [entraide] Ce que j'aime, c'est qu'on a formé notre propre réseau d'entraide. On se connaît entre voisins, on fait
  les commissions pour les autres l'hiver. L'association nous a aidés au début, mais maintenant ça marche tout seul,
  on n'a pas besoin des intervenants pour ça.
- [retrait @implication] Non, je participe pas. J'ai pas le temps, avec le travail. Pis je sais pas trop ce qu'ils
  font, honnêtement. Peut-être qu'ils devraient mieux expliquer.
- [asso_origin !retrait] L'association, c'est le cœur d'ici. C'est elle qui a fait venir les organismes. Moi je fais
  partie du comité des fêtes, on organise le souper de Noël pis l'épluchette. On est une quinzaine de bénévoles.
- [seul @implication] J'y vais quand c'est des sujets qui me touchent, comme le chauffage ou l'ascenseur. Sinon, non.
  Mais je trouve ça important qu'il y ait une association. Sinon, on serait tout seuls face à l'Office.
~ Qu'est-ce qui vous ferait participer davantage?
+ Des réunions plus courtes [rires]. Pis qu'on parle de choses concrètes, pas juste de procédures.
+ Qu'on me le demande directement. Les affiches, je les lis pas. Mais si quelqu'un cogne à ma porte, j'y vais.

# ressources 0.8
? Connaissez-vous les ressources du quartier?
? Comment avez-vous appris l'existence des ressources du quartier?
- Avant, je connaissais rien. Maintenant je connais la banque alimentaire, le CLSC, la clinique d'impôts, le comptoir
  de vêtements. C'est {fw} qui m'a tout montré. {Fw_il} m'a même fait une petite liste avec les adresses pis les
  heures d'ouverture.
- Il y a eu une journée, une espèce de foire des ressources dans le local. Tous les organismes étaient là, avec des
  kiosques. J'ai découvert plein d'affaires. Je savais pas qu'il y avait un organisme pour aider avec les papiers
  d'immigration, gratuit.
- Je vais surtout {a_org}. Ils ont l'aide aux devoirs, le dépannage alimentaire, pis des fois des ateliers. C'est
  proche, c'est du bon monde.
- [retrait] Je connais un peu. Mais j'ose pas toujours y aller. J'ai peur qu'on me juge, qu'on me pose trop de
  questions.

# besoins
? Selon vous, qu'est-ce qui manque encore? De quoi les résidents auraient-ils besoin?
? Si vous pouviez changer une chose, ce serait quoi?
- Plus de présence. {Fw} est tout{fw_e} seul{fw_e} pour {nb_logements} logements. {Fw_il} peut pas tout faire. Il
  faudrait deux, trois intervenants. Pis le soir et la fin de semaine, y'a personne.
- [famille] Qu'on nous demande notre avis plus souvent. Des fois, ils arrivent avec des activités, mais c'est pas ça
  qu'on veut. Moi je voudrais des cours d'anglais, pour trouver du travail, pis de l'aide pour les devoirs du
  secondaire.
- [famille] Du soutien pour les parents. C'est dur, élever des enfants avec pas d'argent, pas de famille. Un groupe où
  on peut parler, du répit, une halte-garderie. Quand t'es à bout, tu sais pas où aller.
- [!stable] Que les intervenants restent. Ça fait trois fois que l'intervenant{fw_e} change depuis que je suis ici.
  Chaque fois, faut recommencer, raconter ton histoire, refaire confiance. C'est fatigant.
- [espaces] Des espaces pour se rencontrer. Le local est toujours réservé par un organisme ou un autre. Si on veut
  faire une fête de famille, ou juste se réunir entre voisins, c'est compliqué. C'est notre milieu de vie, pis on a
  pas accès à notre propre local.
- [seul] Plus d'activités pour les personnes seules, des choses simples. Un dîner, une marche, un club de lecture.
  Quelque chose pour sortir de chez nous.
- [fw_community] Que {fw} soit là plus souvent. {Fw_il} est pas là tous les jours, pis quand t'as besoin, c'est
  toujours le jour où {fw_il} est pas là [rires].
- Des informations claires. On reçoit des papiers de l'Office, du gouvernement, on comprend pas la moitié. Quelqu'un
  qui explique, dans notre langue si possible.
~ Est-ce qu'on vous a déjà demandé votre avis là-dessus?
+ Une fois, il y a eu un sondage, des gens sont passés aux portes. Mais je sais pas ce qu'ils ont fait avec ça.
+ Oui, au café-rencontre, ils nous demandent souvent ce qu'on veut. Pis des fois ça donne quelque chose, comme
  l'atelier de couture qu'on avait demandé.
+ Non, jamais. C'est la première fois que quelqu'un me pose la question, avec vous.
- [seul] Qu'on nous demande notre avis. On est des adultes, on sait ce dont on a besoin. Moi, je voudrais plus de
  visites pour les personnes qui sortent pas, pis du transport pour les rendez-vous.

# changements 0.7
? Qu'est-ce qui a changé, pour vous, depuis l'arrivée de l'intervenant{fw_e} et des organismes?
? Avez-vous vu des changements dans le milieu depuis que vous êtes arrivé{e}?
- [!retrait] Ma vie a changé, franchement. J'étais isolé{e}, déprimé{e}. Maintenant j'ai des amis, je fais du
  bénévolat à la cuisine collective, je me sens utile. Je dis pas que tout est rose, mais je me sens plus fort{e}.
- [famille] Les enfants sont plus encadrés. Avant, ils traînaient. Maintenant ils ont des places où aller, des adultes
  qui s'occupent d'eux. Ça fait de la prévention, comme ils disent.
- [retrait] Honnêtement, pour moi, pas grand-chose. Je fais ma vie. Mais je vois que pour les familles autour, ça
  aide. Ma voisine, c'est grâce à {fw} qu'elle a trouvé une garderie pour sa fille.
- Les conditions de vie sont meilleures, en général. C'est plus propre, plus sécuritaire, y'a plus de monde dehors. On
  sent que quelqu'un s'occupe du milieu.

# local 0.6
? Et le local communautaire, vous y allez?
? Que pensez-vous des espaces communs, comme le local ou la cour?
- [espaces] Le local, il est toujours occupé par les organismes. Nous, les résidents, pour faire un party d'enfant,
  faut réserver des semaines d'avance, pis c'est souvent non. C'est frustrant, c'est notre bâtisse.
- [!retrait] J'y vais pour les activités. C'est correct, c'est propre. Il manque un peu de chaleur, c'est comme une
  salle de classe. On a demandé des plantes, des cadres, quelque chose.
- La cour, c'est notre vrai espace commun. L'été, tout le monde est dehors. Les enfants jouent, les vieux sont sur les
  bancs. C'est là que la vie se passe.
- [entente] Depuis qu'ils ont fait leur entente entre organismes, c'est plus clair. Il y a un horaire sur la porte, on
  sait quand c'est libre. Avant, on savait jamais.

# quartier 0.8
? Et le quartier autour, comment vous le trouvez?
? Sortez-vous beaucoup dans le quartier?
- Le quartier, c'est correct. Il y a une épicerie pas trop loin, une pharmacie, l'autobus passe au coin. Mais tout
  coûte cher. Je fais mon épicerie avec les circulaires, je vais dans trois magasins pour sauver quelques piastres.
- Je sors pas beaucoup en dehors des habitations. Le quartier, je le connais mal, honnêtement. Je vais au dépanneur,
  à la pharmacie, pis je reviens. C'est {fw} qui m'a fait découvrir la bibliothèque.
- [famille] Pour les enfants, il y a le parc, la piscine municipale l'été, la bibliothèque. C'est gratuit, c'est
  bien. Mais l'hiver, c'est plus dur, on reste beaucoup en dedans.
- [seul] L'hiver, je sors presque pas. Les trottoirs sont glacés, j'ai peur de tomber. L'été, je vais m'asseoir au
  parc, je regarde le monde passer. Ça me fait du bien.
- Il y a des préjugés sur les gens du HLM. Quand je dis où je reste, des fois je vois la face des gens changer. Ça
  fait mal. C'est pour ça que les fêtes ouvertes au quartier, je trouve ça important.
~ Et vous sentez-vous chez vous dans le quartier?
+ Oui, de plus en plus. Je connais les commerçants, la caissière de l'épicerie. C'est mon quartier maintenant.
+ Pas encore complètement. Je me sens chez nous dans mon logement, mais le quartier, c'est autre chose.

# sante 0.8
? Et pour votre santé, pour les services, comment ça se passe?
? Avez-vous facilement accès aux services dont vous avez besoin?
- Avoir un médecin de famille, c'est compliqué. Je suis sur la liste depuis des années. En attendant, je vais à la
  clinique sans rendez-vous, j'attends des heures. {Fw} m'a aidé{e} à comprendre comment ça marche.
- Le CLSC, avant, j'y allais jamais. Je savais même pas ce que c'était. Maintenant j'y vais pour mes prises de sang,
  pour la vaccination. C'est proche, c'est gratuit.
- [fw_ciusss] Depuis que l'intervenante est là, c'est plus facile avec le CLSC. Elle connaît le monde là-bas, elle
  sait à qui parler. Une fois, j'ai eu un rendez-vous en deux jours grâce à elle.
- [seul] Ma santé, c'est mon gros souci. J'ai du diabète, de l'arthrite. Des fois, je prends pas mes médicaments parce
  que c'est trop cher à la fin du mois. J'en ai parlé à {fw}, {fw_il} m'a aidé{e} avec l'assurance médicaments.
- [famille] Pour les enfants, on a un pédiatre au CLSC. Mais pour le dentiste, les lunettes, c'est difficile. Ça coûte
  cher. Une fois, un organisme a organisé une clinique de la vue dans le local. C'était super.
~ Qu'est-ce qui vous aiderait le plus de ce côté-là?
+ Que les services viennent ici, dans le local, comme la clinique de la vue. Aller loin, c'est compliqué.
+ Quelqu'un pour m'accompagner aux rendez-vous. Des fois je comprends pas ce que le médecin me dit.

# avenir 0.75
? Comment voyez-vous les prochaines années, pour vous et pour le milieu?
? Et pour l'avenir, qu'est-ce que vous souhaitez?
- Je souhaite rester ici. C'est chez nous maintenant. J'espère juste que les services vont rester, que les
  intervenants vont pas partir.
- [famille] Pour mes enfants, je veux qu'ils étudient, qu'ils aient une meilleure vie que moi. Le HLM, c'est une
  étape. Mais c'est une bonne étape, ça nous a permis de respirer.
- J'aimerais que les résidents s'impliquent plus. Qu'on prenne notre place. C'est notre milieu, c'est à nous de
  décider ce qu'on veut.
- [seul] À mon âge, je pense pas trop à l'avenir [rires]. Je veux juste être en santé, pis pas être tout{e} seul{e}.
- [retrait] Je sais pas. Je vis au jour le jour. On verra.
~ Qu'est-ce qui pourrait menacer ce que vous avez construit ici?
+ Les coupures. Si le financement arrête, les activités arrêtent. On l'a déjà vécu une fois.
+ Le départ des bonnes personnes. Quand un intervenant qu'on aime part, tout est à recommencer.

# fin
? Merci beaucoup. Y a-t-il autre chose que vous aimeriez ajouter?
? On a fait le tour. Voulez-vous ajouter quelque chose avant qu'on termine?
- Non, c'est correct. Merci à vous. J'espère que ça va aider les autres HLM.
- Juste de dire merci aux intervenants. Ils font une grosse job, pis ils sont pas assez payés, je pense.
- Non, c'est beau. C'était le fun de jaser.
- Juste que les gens pensent que dans les HLM, c'est juste du monde à problèmes. C'est pas vrai. Y'a du bon monde ici.
"""

FIELD_WORKER = """
# presentation
? Pour commencer, pouvez-vous me parler de votre parcours et de votre poste {a_lieu}?
? J'aimerais d'abord que vous me présentiez votre travail et depuis quand vous le faites.
- [r_milieu fw_community] Je suis intervenant{e} de milieu depuis {n_ans_poste} ans, embauché{e} par {employeur}.
  J'ai une formation en éducation spécialisée. Avant, j'ai travaillé en maison d'hébergement. Mon bureau est dans le
  local communautaire, au rez-de-chaussée, fait que je suis vraiment dans le milieu.
- [r_milieu fw_ciusss] Je suis {ts} au CIUSSS, mais mon poste est entièrement dédié aux habitations. J'ai un bureau
  ici, dans un ancien logement transformé. C'est un modèle d'intervention de proximité, je suis rattaché{e} au CIUSSS
  mais je travaille dans le milieu, pas au CLSC. Ça fait {n_ans_poste} ans.
- [r_milieu fw_omh] Je suis intervenant{e} de milieu à l'{omh}. C'est un poste que l'Office a créé il y a quelques
  années, pour avoir quelqu'un sur le terrain qui fait autre chose que de la gestion. Ça fait {n_ans_poste} ans que je
  suis {a_lieu}. J'ai étudié en travail social.
- [r_milieu] Mon rôle, c'est le soutien direct aux résidents, d'abord. Accueillir, écouter, accompagner. Mais aussi
  faire le pont avec les organismes, participer aux comités, soutenir l'association de locataires. C'est un poste très
  large, on touche à tout.
- [r_jeunesse] Moi je suis {mon_role} {a_mon_org}, depuis {n_ans_poste} ans. Je travaille avec les jeunes, les 12-17
  surtout. Je fais de l'animation, de l'aide aux devoirs, des sorties, mais surtout de l'écoute. Les jeunes ici ont
  pas toujours un adulte à qui parler. Je suis souvent cette personne-là.
- [r_alim] Je suis {mon_role} {a_mon_org}. Je m'occupe du dépannage, de la cuisine collective, des ateliers. La
  nourriture, c'est une porte d'entrée extraordinaire. Les gens viennent chercher un panier, pis après on jase, pis on
  apprend ce qui se passe vraiment chez eux.
- [r_ts] Je suis {ts} au CLSC, à l'équipe enfance-famille, depuis {n_ans_poste} ans. Je viens une journée par semaine
  dans le milieu, pour rencontrer des familles ici plutôt qu'au CLSC. Les gens viennent plus facilement quand c'est
  proche de chez eux.
- [r_omh] Je suis {mon_role}, {a_mon_org}. Mon travail, c'est la vie communautaire dans les ensembles, le soutien à
  l'association, le lien avec la gestion. Je suis l'Office sur le terrain, si on veut, mais du côté communautaire.
- [r_rue] Je suis {mon_role} {a_mon_org}. Je travaille surtout à l'extérieur, dans la cour, dans le parc, aux arrêts
  d'autobus. Je rejoins les gens qui vont pas dans les organismes, les jeunes adultes, les personnes qui consomment.
- [r_famille] Je suis {mon_role} {a_mon_org}. J'accompagne les parents dans leur rôle parental. Groupes de parents,
  visites à domicile, accompagnement à l'école. Beaucoup de familles immigrantes, beaucoup de mères seules.
- [r_autre] Je suis {mon_role} {a_mon_org}, depuis {n_ans_poste} ans. Je travaille avec {fw} de milieu et les autres
  intervenants du comité terrain.
- [!r_milieu] Je suis {a_lieu} depuis {n_ans_poste} ans, à temps partiel au début, maintenant plus.
- [!r_milieu] Je siège au comité terrain depuis mon arrivée. C'est là que je connais les autres.
- [!r_milieu] Avant, j'ai travaillé dans un autre quartier, mais ici c'est différent, c'est un vrai milieu de vie.
- [!r_milieu] J'ai commencé comme stagiaire, pis je suis jamais reparti{e} [rires].
~ Qu'est-ce qui vous a amené{e} vers ce travail-là?
+ J'ai toujours voulu travailler avec le monde, dans le concret. Les bureaux, c'est pas pour moi. Ici, je suis dans
  la vie des gens, avec ce que ça a de beau et de difficile.
+ Un peu le hasard. J'ai fait un stage dans un HLM pendant mes études, pis j'ai adoré ça. Quand le poste s'est ouvert,
  j'ai appliqué.

# semaine
? À quoi ressemble une semaine typique pour vous?
? Comment se déroulent vos journées, concrètement?
- [@semaine] Y'a pas de semaine typique [rires]. Mettons, le lundi matin, j'ai le comité terrain. Après, je fais ma
  tournée, je passe dans les corridors, dans la cour. L'après-midi, j'ai des rencontres individuelles, des gens qui
  viennent pour un formulaire, une lettre de l'Office, un problème de voisinage. Pis entre tout ça, les urgences.
- Je passe beaucoup de temps à être disponible. Ça a l'air de rien, mais être assis{e} dans la cour avec un café,
  c'est du travail. C'est là que les gens viennent me parler, que j'apprends ce qui se passe. Les gens viennent pas
  nécessairement au bureau, il faut aller vers eux.
- Beaucoup d'accompagnement. Aller avec quelqu'un au CLSC, à l'aide sociale, au tribunal du logement. Des fois juste
  attendre avec la personne dans la salle d'attente. C'est là que le lien se crée.
- Il y a une grosse part de travail invisible. Les appels, les courriels, les rapports, la préparation des comités.
  Des fois je me dis que je passe plus de temps à coordonner qu'à intervenir.
- [r_milieu @semaine] Le matin, je fais souvent des suivis téléphoniques, je prépare les rencontres. Vers dix heures,
  j'ouvre mon bureau, pis là c'est le défilé [rires]. Des gens qui passent pour une question, une photocopie, un café.
  Le jeudi, j'ai le café-rencontre avec les personnes seules, pis le vendredi, c'est plus administratif.
~ Qu'est-ce qui prend le plus de votre temps?
+ Les imprévus. Tu planifies ta journée, pis à neuf heures quelqu'un cogne parce qu'il a reçu un avis d'expulsion.
  Tout le reste attend.
+ Les rencontres de partenaires, honnêtement. Elles sont importantes, mais elles me sortent du terrain.

# soutien
? Quel type de soutien apportez-vous aux résidents?
? Quelles sont les demandes les plus fréquentes des résidents?
- Le soutien direct, c'est beaucoup de démarches. Les formulaires de l'Office, le renouvellement du bail, l'aide
  sociale, l'immigration, les impôts. Beaucoup de gens lisent pas bien le français, ou sont dépassés par la
  bureaucratie. Je traduis, j'explique, j'accompagne.
- Il y a aussi beaucoup d'écoute. Des gens qui sont seuls, qui ont besoin de parler. Des fois, c'est juste ça qu'ils
  ont besoin, que quelqu'un les écoute vingt minutes. Pour briser l'isolement, c'est déjà énorme.
- Les familles viennent souvent pour des questions liées aux enfants. L'école, la garderie, un comportement qui
  inquiète. Le soutien dans les tâches parentales, c'est une grosse demande, qu'on voyait pas au début.
- Des situations plus lourdes aussi. Violence conjugale, santé mentale, dépendances. Là, mon rôle c'est de sécuriser
  la personne et de la référer rapidement au bon service.
- Je fais beaucoup d'accompagnement physique. Aller avec la personne au CLSC, à la banque, au palais de justice. Juste
  être là, à côté. Pour quelqu'un qui a été mal reçu partout, ça change tout.
~ Avez-vous un exemple récent?
+ La semaine passée, un monsieur est venu avec une pile de lettres pas ouvertes. Des mois de courrier. On a tout
  ouvert ensemble, trié, appelé. Il avait peur de ce qu'il y avait dedans. Finalement, c'était réglable.
+ Une jeune mère qui arrivait de l'étranger, avec trois enfants, pas de garderie, pas de médecin. En trois mois, on a
  tout mis en place, avec les partenaires. Aujourd'hui, elle fait du bénévolat à l'aide aux devoirs.

# referencement
? Comment se passe le référencement vers les autres ressources?
? Comment travaillez-vous avec les ressources du quartier quand quelqu'un a besoin d'aide?
- Le référencement, c'est le cœur de mon travail. Je connais les ressources, je connais les intervenantes des autres
  organismes, fait que je peux faire une référence personnalisée. J'appelle devant la personne, je la présente, je
  l'accompagne si c'est nécessaire. Une référence avec juste un numéro de téléphone, ça marche presque jamais.
- [fw_ciusss r_milieu] Étant au CIUSSS, j'ai un accès direct aux services. Je peux faire une demande en santé mentale,
  en soutien à domicile, en jeunesse, sans que la personne passe par l'accueil. C'est un gros avantage. Les gens
  voient que le réseau peut être aidant, que c'est pas juste des listes d'attente.
- [!fw_ciusss] Le plus dur, c'est le référencement vers le réseau public. Les listes d'attente, les critères, les
  formulaires. Je réfère quelqu'un en santé mentale, pis ça prend six mois. Entre-temps, c'est moi qui tiens le fort.
  Heureusement, avec le partenariat, j'ai des contacts au CLSC qui m'aident à débloquer des choses.
- La concertation a vraiment facilité le référencement. Avant, chaque organisme travaillait en silo. Maintenant, au
  comité terrain, on discute des situations, avec le consentement des personnes bien sûr, et on voit qui est le mieux
  placé pour aider.
- Je réfère beaucoup aux ressources du quartier, la banque alimentaire, la clinique d'impôts, le centre de
  francisation. Le but, c'est que les gens finissent par y aller par eux-mêmes. Qu'ils aient recours aux ressources
  sans moi.
~ Qu'est-ce qui fait qu'une référence fonctionne?
+ Le lien. Si je connais la personne à qui je réfère, je peux la décrire, rassurer. « Tu vas voir, elle est fine. »
  Ça paraît rien, mais c'est ce qui fait que la personne va y aller.
+ Le suivi. Je rappelle la personne après, je lui demande comment ça s'est passé. Si ça a pas marché, on cherche autre
  chose. Une référence, c'est pas un transfert.

# collaboration
? Comment se passe la collaboration avec les autres intervenants sur le terrain?
? Comment travaillez-vous avec les autres partenaires?
- Ça va bien, en général. On se voit au comité terrain, on se parle souvent. Avec l'organisme jeunesse, on fait des
  activités ensemble. Avec l'organisme famille, je réfère des parents. C'est une vraie équipe, même si on n'a pas le
  même employeur.
- Il y a eu des frictions au début, sur qui fait quoi. Une autre intervenante faisait aussi du porte-à-porte, et les
  résidents savaient plus qui était qui. On a dû clarifier nos rôles. Maintenant on se partage mieux le travail.
- [proximite] On a nos bureaux dans la même bâtisse, plusieurs organismes et moi. On se croise tous les jours. Ça
  facilite énormément. Je peux aller voir ma collègue et lui dire « j'ai une famille qui aurait besoin de toi » et
  c'est réglé en cinq minutes. La proximité physique, ça change tout.
- La collaboration avec l'Office, c'est plus compliqué. Ils ont leurs procédures, leurs délais. Mais l'OC de l'Office
  nous aide beaucoup à faire le lien, à faire avancer les demandes des résidents.
- [vivre_ensemble] Le comité vivre ensemble, c'est un bel outil de collaboration, parce que les résidents sont là
  aussi. On règle pas tout, mais on entend leur point de vue directement, pas à travers nous.
- La collaboration, ça se bâtit. Les intervenants, on a tous nos mandats, nos employeurs, nos statistiques à remplir.
  Il faut apprendre à travailler ensemble malgré ça. Le comité terrain, c'est notre lieu pour apprendre ça.
~ Y a-t-il des partenaires avec qui c'est plus difficile?
+ Avec ceux qui viennent juste aux réunions, mais qu'on voit jamais sur le terrain. C'est difficile de collaborer avec
  quelqu'un qui connaît pas les gens.
+ Avec le réseau, des fois. Les délais, les critères. Mais c'est pas les personnes, c'est le système.

# mobilisation
? Comment se passe la mobilisation des résidents?
? Est-ce facile d'amener les résidents à participer?
- C'est la partie la plus difficile de mon travail. Mobiliser, c'est long. Les gens ont beaucoup de choses sur les
  épaules. Quand t'as trois enfants, pas d'argent, des problèmes de santé, t'as pas le goût d'aller à une réunion.
  Faut être patient{e}.
- Ce qui marche, c'est de partir de leurs intérêts. Une résidente aimait cuisiner, on a parti la cuisine collective
  avec elle. Un résident voulait faire du jardin, on a monté le jardin. Quand c'est leur projet, ils s'impliquent.
  Quand c'est notre projet, ils viennent une fois pis ils reviennent plus.
- On a un noyau de cinq, six résidents très impliqués. Le défi, c'est qu'ils s'épuisent, pis que c'est toujours les
  mêmes. On essaie d'aller chercher d'autres personnes, des jeunes, des nouveaux arrivants. C'est difficile de
  maintenir l'engagement à long terme.
- La mobilisation, c'est aussi une question de pouvoir d'agir. Quand les résidents voient qu'ils peuvent changer
  quelque chose, comme obtenir des bancs dans la cour, ils ont envie de continuer. Quand ils se font dire non tout le
  temps, ils décrochent.
- [seuls] Avec les personnes seules, la mobilisation, c'est autre chose. C'est pas des grandes assemblées. C'est
  convaincre une personne de venir au café du mardi. Pis un jour, elle amène sa voisine.
- [entraide] Ici, ce qui m'impressionne, c'est que des résidents ont monté leur propre réseau d'entraide. Moi j'ai
  juste donné un coup de pouce au début. Maintenant, ils s'organisent sans moi, pis c'est exactement ce qu'on veut.
~ Qu'est-ce qui fait décrocher les résidents?
+ Les promesses pas tenues. Si on leur dit qu'on va faire quelque chose, pis que ça se fait pas, ils reviennent plus.
+ L'épuisement. Les bénévoles portent beaucoup. Il faut les reconnaître, les remercier, leur laisser prendre des
  pauses.

# confiance
? Comment se construit le lien de confiance avec les résidents?
? Qu'est-ce qui fait que les résidents vous font confiance?
- Avec le temps. Ça m'a pris un an avant que certaines personnes me parlent vraiment. Au début, on me prenait pour
  quelqu'un de l'Office, ou de la DPJ. Il faut faire ses preuves, être là, tenir ses promesses, garder la
  confidentialité. La confiance, ça se gagne lentement pis ça se perd vite.
- La présence, c'est la clé. Être là tous les jours, aux mêmes heures. Dire bonjour. Se souvenir du nom des enfants.
  Les petites choses. C'est comme ça qu'un jour, quelqu'un vient te voir pour quelque chose de grave, parce qu'il te
  fait confiance.
- [!stable] Le roulement, c'est ce qui brise la confiance. Les résidents me disent que je suis la {rang} personne à
  occuper ce poste en quelques années. Les gens me disent « toi aussi tu vas partir ». Ils ont raison de se méfier. La
  stabilité des postes, c'est fondamental.
- [fw_omh r_milieu] Comme je suis employée de l'Office, j'ai dû travailler fort sur la confiance. Il a fallu que je
  montre que je rapportais pas les confidences à la gestion. Aujourd'hui, je pense que les gens ont compris que je
  suis de leur bord.
- [fw_ciusss r_milieu] Au début, le mot CIUSSS faisait peur. Les gens pensaient à la DPJ. Mais avec le temps, ils ont
  vu que j'étais là pour les aider, pas pour les surveiller. Maintenant, ils me présentent à leurs amis comme « la
  travailleuse sociale du HLM ».
- La confidentialité, c'est sacré. Dans un HLM, tout se sait. Si une seule fois je répète quelque chose, c'est fini.
  Les gens doivent savoir que ce qu'ils me disent reste entre nous.
~ Et avec les partenaires, la confiance s'est-elle construite de la même façon?
+ Un peu. Avec le temps, les rencontres régulières, les dossiers qu'on a portés ensemble. La confiance entre
  intervenants, ça se construit dans l'action.
+ Plus lentement, je dirais. Entre organismes, il y a des enjeux de territoire, de financement. Il a fallu apprendre
  à se faire confiance.

# prevention 0.8
? Quel rôle jouez-vous au niveau de la sécurité et de la prévention?
? Est-ce que votre présence a un effet sur le sentiment de sécurité des résidents?
- Je fais beaucoup de prévention. Repérer les situations avant qu'elles dégénèrent, les conflits de voisinage, les
  personnes âgées qui s'isolent, les jeunes qui décrochent. Quand on intervient tôt, on évite que ça explose.
- [crisis] Ici, avec l'historique, les gens ont encore le réflexe d'appeler la police pour tout. J'essaie de proposer
  autre chose, la médiation, la discussion. Ça prend du temps, mais ça change.
- Le sentiment de sécurité s'est amélioré. Les gens me le disent. Il y a plus de monde dans les espaces communs, plus
  d'activités, les voisins se connaissent. Un milieu où les gens se parlent, c'est un milieu plus sécuritaire.

# espaces 0.9
? Et la question des espaces, du local communautaire?
? Comment se passe l'utilisation des espaces communs?
- [espaces] Le local, c'est un casse-tête. Tout le monde veut l'utiliser, personne veut le nettoyer [rires]. On a eu
  des tensions entre organismes sur les horaires, sur le rangement, sur les clés. Pour moi, c'est le partage et la
  gestion des espaces collectifs qui a créé le plus de conflits dans le partenariat.
- [entente] Depuis l'entente de gestion, ça va mieux. C'est écrit, chacun sait ses plages horaires et ses
  responsabilités pour l'entretien. Avant, c'était moi qui finissais par faire le ménage, parce que je suis sur place.
- [espaces] Les résidents aussi veulent le local, pis c'est normal, c'est chez eux. Mais quand les organismes ont
  toutes les plages, il reste rien pour eux. On essaie de garder des soirées libres pour les résidents.
- [!espaces] On a une petite salle communautaire, pas grand-chose, mais ça suffit. On s'arrange entre nous, il y a pas
  vraiment de conflit là-dessus.

# type_intervention 0.8
? Comment percevez-vous le type d'intervention mis en place ici?
? Est-ce que tous les partenaires s'entendent sur le type d'intervention à faire dans le milieu?
- [fw_ciusss r_milieu] Je pense que le modèle où l'intervenant de milieu est rattaché au CIUSSS et agit comme {ts},
  c'est vraiment pertinent. On a accès aux services du réseau, on connaît les chemins. Et ça donne une image positive
  du réseau de la santé, ce qui était pas gagné d'avance ici.
- Il y a eu des débats sur le type d'intervention. Est-ce qu'on fait de l'intervention individuelle ou du
  développement collectif? Les deux, je pense. Mais les partenaires avaient des attentes différentes, certains me
  voyaient comme une travailleuse de rue, d'autres comme une animatrice. Il a fallu définir ensemble ce qu'on
  attendait de l'intervention de milieu.
- [guide] On a écrit le guide d'intervention, justement, pour clarifier ça. Ça a pris des mois, plusieurs versions.
  Mais maintenant quand une nouvelle personne arrive, elle sait c'est quoi notre approche, nos principes, le rôle de
  chacun.
- [fw_community r_milieu] Être dans un organisme communautaire, ça me donne de la liberté. Je peux faire de
  l'intervention collective, soutenir l'association, sans avoir des statistiques d'actes à remplir. Mais j'ai moins de
  poids quand vient le temps de débloquer un service au CLSC.

# besoins 0.85
? Quels sont les principaux besoins que vous observez chez les résidents?
? Les besoins des résidents ont-ils changé depuis que vous êtes là?
- Les besoins sont très variés. Beaucoup de gens veulent juste socialiser, briser l'isolement. D'autres ont besoin
  d'aide pour des démarches, de l'immigration, de l'aide sociale, des lettres de l'Office. Les parents ont besoin de
  soutien dans leurs tâches parentales. Et il y a des besoins plus lourds, en santé mentale, en dépendance.
- Les besoins changent tout le temps. Une année, c'était beaucoup de nouvelles familles réfugiées, avec des besoins de
  francisation, d'orientation. Après, on a eu plus de personnes âgées en perte d'autonomie. Il faut consulter
  régulièrement, ajuster.
- Un besoin qui revient, c'est de connaître les ressources du quartier. Les gens savent pas ce qui existe. Une bonne
  partie de mon travail, c'est juste de l'information, mais bien faite, au bon moment.
~ Comment savez-vous ce dont les résidents ont besoin?
+ En les écoutant, au quotidien. Mais aussi par des consultations plus formelles, aux deux ans à peu près.
+ Par ce qu'ils me demandent, mais aussi par ce qu'ils demandent pas. Les besoins les plus grands, c'est souvent ceux
  dont on parle pas.

# pistes 0.85
? Qu'est-ce qui pourrait améliorer votre travail ou le fonctionnement du réseau?
? Quelles recommandations feriez-vous?
- Reconnaître le temps que ça prend. Une intervention de milieu, ça porte fruit après plusieurs années. Il faut que
  les bailleurs de fonds et les établissements acceptent ça.
- Que les partenaires se rappellent que c'est les résidents qui sont au centre. Des fois, les réunions tournent autour
  des organismes, de leurs mandats, de leurs locaux. On oublie pourquoi on est là.
- Plus de stabilité. Des postes permanents, des équipes qui restent. C'est la base de tout le reste.
- Des rencontres régulières avec les résidents pour revoir les priorités. Une consultation renouvelée, pas juste un
  sondage aux cinq ans.

# association 0.85
? Quel est votre lien avec l'association de locataires?
? Comment soutenez-vous l'association de locataires?
- Je soutiens l'association, mais j'essaie de pas prendre sa place. Je les aide à préparer l'assemblée, à écrire une
  lettre à l'Office, à faire un budget. Mais c'est eux qui décident. Mon rôle, c'est de renforcer leur pouvoir
  d'action.
- L'association, c'est fragile. Quand le conseil d'administration change, il faut tout recommencer, la formation, les
  procédures. Je fais beaucoup d'accompagnement pour que les nouveaux se sentent capables.
- [entraide] Ce qui est beau ici, c'est que l'association a fait naître des réseaux d'entraide qui vivent tout seuls.
  Des voisines qui s'appellent, des commissions partagées. Moi j'ai juste été là au début.
- Des fois, il y a des tensions entre l'association et l'Office, pis moi je suis au milieu. J'essaie d'aider les deux
  côtés à se comprendre, sans trahir la confiance des locataires.

# roulement 0.8
? Le roulement du personnel a-t-il un effet sur votre travail?
? Les intervenants changent-ils souvent, autour de vous?
- Le roulement, c'est le grand défi. Chaque fois qu'une collègue d'un autre organisme part, je perds une partenaire,
  une façon de référer, un lien avec des familles. Pis il faut reconstruire avec la suivante.
- [roulement_fort] Ici, ça roule beaucoup. En deux ans, j'ai vu passer trois coordonnateurs à l'organisme jeunesse,
  deux OC au CIUSSS. À chaque fois, on perd la compréhension commune, il faut réexpliquer pourquoi on fait les choses
  comme ça.
- [stable] On est chanceux, l'équipe est stable depuis plusieurs années. Ça se sent dans la confiance des résidents,
  pis dans la qualité de la collaboration. On se connaît par cœur.
- Pour les résidents, le roulement du personnel est très dur. Ils ont raconté leur histoire une fois, deux fois. À la
  troisième, ils ne veulent plus.

# fin
? Merci beaucoup. Aimeriez-vous ajouter quelque chose?
- Juste que c'est un beau travail, exigeant, mais beau. Quand tu vois une personne qui était complètement isolée venir
  à la cuisine collective et rire avec les autres, ça vaut toutes les réunions du monde [rires].
- Je voudrais qu'on reconnaisse plus le travail des intervenants de milieu. C'est un travail invisible, ça se mesure
  mal en statistiques.
- Non, merci à vous. C'est rare qu'on nous demande notre avis, à nous, les intervenants.
"""

# The group interview: questions to the group and short reactions between speakers; the answers come from the
# field worker bank (same topics), so the group and the individual interviews speak of the same things.
GROUP = """
# ouverture
? Merci à vous six d'être là. Pour commencer, j'aimerais qu'on fasse un tour de table. Chacun, chacune pourrait se
  présenter, dire pour quelle organisation vous travaillez et depuis quand vous êtes {a_lieu}.
# comite_terrain
? Vous siégez presque tous au comité terrain. Comment ça fonctionne, de l'intérieur?
? Parlez-moi du comité terrain. À quoi sert-il, pour vous?
- Le comité terrain, c'est notre bouée. Aux deux semaines, on se retrouve, on fait le tour des situations, on se
  partage les dossiers. Sans ça, on travaillerait chacun dans notre coin, en silo, pis on se marcherait sur les pieds.
- Ce que j'aime, c'est qu'on peut dire ce qui marche pas. Entre intervenants, on se comprend. {A_coord}, c'est plus
  politique, on fait attention à ce qu'on dit. Au comité terrain, on parle vrai.
- On a mis du temps à trouver notre façon de fonctionner. Au début, c'était long, tout le monde racontait tous ses
  cas. Maintenant, on a un ordre du jour, un tour rapide, pis on garde du temps pour une ou deux situations complexes.
- Le comité terrain, c'est aussi là qu'on a appris à se faire confiance. On partage des choses délicates. Il faut
  savoir que ça va rester entre nous, pis que personne va utiliser ça contre une famille.
- [roulement_fort] Le problème, c'est que la composition change tout le temps. Sur les six qu'on est autour de la
  table, la moitié sont arrivés dans la dernière année. Il faut toujours réexpliquer nos façons de faire.
~ Et le lien avec {coord}?
+ C'est pas toujours clair. On fait remonter des choses, mais on sait pas toujours ce qui se décide en haut. Des fois
  on l'apprend par hasard.
+ Ça s'est amélioré. Maintenant il y a un compte rendu qui circule, pis une personne du terrain qui siège aux deux.

# evolution
? Depuis que vous travaillez ici, comment le milieu a-t-il changé?
? Si vous comparez avec vos débuts, qu'est-ce qui est différent aujourd'hui?
- [crisis] Quand je suis arrivé{e}, c'était juste après la crise. Les gens se méfiaient de tout le monde, des
  intervenants aussi. Aujourd'hui, les familles nous arrêtent dans la cour pour jaser. C'est le jour et la nuit.
- Il y a plus de monde dans les espaces communs, plus d'activités, plus de liens entre voisins. Les conditions de vie
  se sont améliorées, même si la pauvreté est toujours là.
- Les résidents ont pris plus de place. L'association est plus active, des résidents animent eux-mêmes des activités.
  C'est ce qu'on veut, qu'ils aient du pouvoir d'action sur leur milieu.
- Ce qui a changé, c'est aussi nous. On travaille beaucoup plus ensemble qu'avant. On connaît les forces de chacun.
  Ça a pris des années.
- Honnêtement, sur certaines choses, ça a pas changé. Les mêmes problèmes d'entretien, les mêmes listes d'attente.
  Le partenariat peut pas tout régler.
~ Et qu'est-ce qui reste le plus difficile?
+ La mobilisation, encore. On réussit des projets, mais garder les gens impliqués sur le long terme, c'est toujours
  aussi dur.
+ Les ressources. On est toujours en train de chercher du financement, pis ça nous enlève du temps de terrain.

# reactions
- Oui, c'est ça.
- Exactement.
- C'est tellement vrai [rires].
- Je suis d'accord avec ça.
- Moi aussi, même chose.
- C'est ça, oui.
- Hum hum.
- Je rajouterais juste une chose.
# relais
- Pour rebondir sur ce qui vient d'être dit,
- Moi, je rajouterais que
- De mon côté,
- Dans mon cas,
- Pour compléter,
- Si je peux me permettre,
"""

# Observation notes of partner meetings: narrative, no speaker labels and no colons at all (a "Word :" at a line
# start would read as a speaker turn). Items: "= title", "- discussion", "* decision"; tags are site profile tags,
# the committee ("coord", "terrain", "ve") and the month ("m1" … "m12"): a month tag marks a seasonal item.
OBSERVATION = """
# _presences
- [coord] Sont présent·e·s {oc_ciusss}, {oc_omh}, {fw} de milieu, {dir_org}, {coord_jeunes} et {n_presents} autres
  personnes des organismes et de l'association de locataires. {Oc_ciusss} anime. L'observatrice est assise en retrait,
  près de la fenêtre, et prend des notes à la main.
- [coord] Autour de la table, {n_presents} partenaires en plus de {oc_ciusss}, qui anime, et de {oc_omh}, qui a
  réservé la salle. {Gest} arrive avec vingt minutes de retard. {Pres_asso} représente les locataires.
- [terrain] Sont présent·e·s {fw} de milieu, l'intervenante famille, {interv_jeunes}, la travailleuse de rue et
  {oc_omh}. {N_presents} personnes en tout. La rencontre a lieu dans le bureau de {fw}, un peu à l'étroit.
- [terrain] Le comité terrain réunit {n_presents} intervenant·e·s. {Fw} de milieu anime en alternance avec {oc_omh}.
  Deux personnes se joignent par téléphone.
- [ve] Sont présent·e·s {n_residents} résident·e·s, dont {pres_asso}, ainsi que {fw} de milieu et {oc_omh}. La
  rencontre se tient le soir, dans le local communautaire, autour d'un café et de biscuits.
- [ve] Le comité vivre ensemble compte ce soir {n_residents} résident·e·s et deux intervenant·e·s. Plusieurs enfants
  jouent dans le coin du local pendant la rencontre.

# _tour
- [coord] {Dir_org} annonce que l'organisme a obtenu une petite subvention pour l'aide aux devoirs.
- {Oc_omh} rappelle que les travaux de réfection des balcons commenceront le mois prochain.
- {Fw} mentionne une hausse des demandes d'aide pour les formulaires de renouvellement de bail.
- [coord|terrain] {Coord_jeunes} signale que la fréquentation du soir a presque doublé depuis la rentrée.
- [coord] {Agent} indique qu'aucun incident majeur n'a été rapporté ce mois-ci, ce qui fait sourire plusieurs
  personnes.
- [coord|ve] {Pres_asso} invite tout le monde à la prochaine assemblée de l'association.
- [coord] Une représentante de la bibliothèque présente l'heure du conte offerte gratuitement aux familles.
- [coord] {Gest} annonce une réorganisation au CIUSSS, sans pouvoir en préciser les effets pour le milieu.
- [roulement_fort coord] {Oc_ciusss} annonce son départ en congé prolongé; une remplaçante devrait être nommée d'ici
  quelques semaines. Un silence suit l'annonce.
- {Fw} rapporte que deux familles nouvellement arrivées ont été accueillies ce mois-ci.
- {Oc_omh} informe le groupe que le taux d'inoccupation des logements est très bas et que la liste d'attente
  s'allonge.
- [seuls] {Fw} note que plusieurs personnes seules ne sont pas sorties de chez elles depuis les grands froids.
- [familles coord|terrain] {Coord_jeunes} mentionne que les inscriptions au soccer du samedi sont complètes.

- [terrain] {Interv_jeunes} signale une bagarre entre adolescents au parc, rapidement désamorcée.
- [terrain|ve] {Fw} annonce que le café-rencontre déménage au local du rez-de-chaussée pendant les travaux.
- [ve] Une résidente annonce la naissance de son petit-fils; applaudissements.
- [ve] Un résident signale que l'ascenseur du bloc B est encore en panne depuis une semaine.
- {Oc_omh} rappelle la date limite pour le renouvellement des baux.
- {Fw} remercie les bénévoles de la dernière collecte de vêtements.

# _echanges
- [coord|ve] {Pres_asso} demande la parole pour rappeler que les résident·e·s doivent être consulté·e·s avant toute
  décision qui les touche.
- {Oc_omh} précise les contraintes de l'Office, ce qui suscite quelques soupirs autour de la table.
- {Fw} rapporte des propos entendus dans la cour, qui vont dans le même sens.
- [coord] {Dir_org} insiste sur la charge de travail que cela représente pour un petit organisme.
- La discussion déborde du temps prévu; {oc_ciusss} propose de reporter la suite à la prochaine rencontre.
- Une personne fait remarquer qu'on a déjà discuté de cette question l'an dernier sans arriver à une décision.
- [coord|terrain] {Coord_jeunes} rappelle que les jeunes eux-mêmes devraient être consultés.
- Échange vif mais courtois; {oc_ciusss} reformule les positions de chacun avant de passer au point suivant.
- Plusieurs personnes hochent la tête, personne ne s'oppose ouvertement.
- {Fw} souligne l'importance de garder le lien de confiance avec les familles concernées.
- [coord] {Gest} rappelle les orientations du CIUSSS en matière d'intervention de proximité.
- Un rire général détend l'atmosphère quand quelqu'un évoque la dernière fête d'hiver.
- [ve] Une résidente raconte son expérience personnelle; le groupe l'écoute en silence.
- [ve] Deux résident·e·s ne sont pas d'accord et le disent, calmement; {fw} fait le point sur ce qui les rapproche.

# recherche [m9]
= Présentation de la recherche
- L'observatrice présente brièvement le projet de recherche, ses objectifs et le principe de l'observation des
  rencontres. {Oc_ciusss} précise que les partenaires ont accepté la présence de l'équipe. Une question porte sur la
  confidentialité des propos tenus en rencontre; l'observatrice rappelle que les notes ne nomment personne.
* Les partenaires acceptent que l'observatrice assiste aux rencontres pendant la durée du projet.

# rentree [m9]
= Bilan de l'été et rentrée
- {Coord_jeunes} dresse le bilan du camp de jour. Plus de cinquante enfants inscrits, une belle participation des
  parents à la fête de clôture. {Fw} souligne que plusieurs adolescent·e·s sont restés sans activité et ont passé
  l'été dans la cour. La discussion porte ensuite sur l'aide aux devoirs, qui reprend la semaine prochaine avec des
  bénévoles du cégep.
* L'aide aux devoirs reprend le lundi suivant, trois soirs par semaine.

# consultation [m10|m2]
= Consultation des résidents
- {Oc_ciusss} propose de renouveler la consultation des résidents, la dernière datant de plusieurs années. {Dir_org}
  appuie l'idée mais s'inquiète de la fatigue des résident·e·s, souvent sollicité·e·s. {Pres_asso} insiste pour que
  l'association porte la démarche elle-même. Après discussion, on s'entend sur un porte-à-porte en binômes
  résident·e–intervenant·e.
* Un porte-à-porte sera réalisé en binômes; {fw} coordonne et {oc_ciusss} prépare un court questionnaire.
- Retour sur le porte-à-porte. {Fw} présente les premiers résultats, environ quatre-vingts portes, une quarantaine de
  réponses. Les besoins nommés sont diversifiés, socialiser, connaître les ressources du quartier, de l'aide pour les
  démarches, du soutien pour les tâches parentales. {Oc_omh} note que plusieurs réponses concernent l'entretien et
  promet de les transmettre à la gestion.
* Les résultats de la consultation seront présentés aux résident·e·s lors d'un café-rencontre.

# fete_hiver [m11|m12]
= Fête d'hiver
- Planification de la fête d'hiver commune. {Dir_org} rappelle qu'il y a deux ans, trois organismes avaient organisé
  chacun leur fête la même semaine. On s'entend sur une seule fête, avec un budget mis en commun. {Coord_jeunes} se
  propose pour l'animation des enfants, {oc_omh} s'occupe de la salle et des assurances. La question des cadeaux
  soulève un débat sur le risque de créer une relation d'assistance plutôt qu'une fête de voisinage.
* Une seule fête d'hiver commune aura lieu; les organismes mutualisent leurs budgets d'activités.

# financement [m3|m11 coord]
= Financement
- {Oc_ciusss} présente un appel de projets d'une fondation. Plusieurs partenaires proposent une demande conjointe
  plutôt que des demandes séparées qui se feraient concurrence. {Dir_org} accepte de porter la demande au nom du
  partenariat. On discute de la mutualisation des ressources, en particulier le partage d'une animatrice entre deux
  organismes.
* Une demande de financement conjointe sera déposée par un organisme au nom du partenariat.
- [fw_community] Le renouvellement du financement du poste de {fw} de milieu est à l'ordre du jour. {Gest} indique que
  la contribution du CIUSSS est maintenue pour un an. {Oc_omh} ne peut pas encore confirmer celle de l'Office. {Fw}
  reste en retrait pendant toute la discussion; plusieurs personnes soulignent la précarité du poste.
* Les partenaires écriront ensemble aux bailleurs de fonds pour défendre la récurrence du poste.

# securite
= Sécurité et éclairage
- [coord] {Agent} fait état de quelques plaintes de bruit et d'un incident dans le stationnement. {Pres_asso} rappelle
  que l'éclairage du sentier arrière est toujours défectueux. {Oc_omh} s'engage à relancer la gestion. {Fw} insiste
  sur la prévention, les résidents connaissent mieux leurs voisins et se sentent plus en sécurité qu'avant, selon les
  échanges dans la cour.
* [coord|ve] {Oc_omh} relance la gestion pour l'éclairage du sentier arrière.
- [crisis coord] La discussion revient sur l'historique du milieu, la crise qui a donné naissance au réseau. {Agent}
  estime que la situation n'a plus rien à voir. {Dir_org} met en garde contre un retour à une lecture uniquement
  sécuritaire du milieu. Le ton monte brièvement, puis {oc_ciusss} recadre la discussion sur les actions de
  prévention.
* [crisis coord] {Oc_ciusss} propose de consacrer une rencontre au bilan des actions de prévention.
- [ve] Des résident·e·s rapportent du bruit tard le soir et des inconnus dans l'entrée du bloc B. {Pres_asso} rappelle
  que l'éclairage du sentier arrière est toujours défectueux. {Oc_omh} s'engage à relancer la gestion. {Fw} souligne
  que les voisins se connaissent mieux qu'avant et que plusieurs disent se sentir plus en sécurité.
* [coord|ve] {Oc_omh} relance la gestion pour l'éclairage du sentier arrière.
- [terrain] {Interv_jeunes} rapporte des tensions entre des adolescents et des résidents âgés dans la cour. {Fw}
  propose une médiation plutôt qu'un appel à la police. Les intervenant·e·s conviennent d'une présence accrue en
  soirée, en prévention.
* [terrain] Une présence en soirée est prévue deux fois par semaine pendant l'été.
- [crisis ve] Une résidente évoque la période difficile qui a donné naissance au réseau, la crise dont tout le monde
  se souvient. {Fw} rappelle le chemin parcouru depuis. Le groupe s'attarde un moment sur ce souvenir avant de revenir
  à l'ordre du jour.

# association [m5|m10 coord|ve]
= Soutien à l'association de locataires
- {Pres_asso} présente les préparatifs de l'assemblée générale. Le conseil d'administration manque de relève, deux
  postes sont vacants. {Fw} propose d'accompagner les nouvelles personnes intéressées. {Oc_omh} rappelle les règles de
  l'Office pour le soutien financier aux associations. Discussion sur la façon de soutenir sans prendre la place des
  locataires.
* {Fw} accompagne deux résident·e·s intéressé·e·s par le conseil d'administration de l'association.
- [entraide] {Pres_asso} décrit le réseau d'entraide qui s'est formé entre voisins, appels du matin, commissions pour
  les personnes malades. {Oc_ciusss} souligne que ce réseau fonctionne sans intervenant et demande comment le
  partenariat peut le soutenir sans l'institutionnaliser.
* [entraide] L'association présentera son réseau d'entraide à la prochaine rencontre des partenaires.

# roulement [coord|terrain]
= Accueil d'une nouvelle personne
- Tour de présentation pour accueillir une nouvelle intervenante d'un organisme partenaire, la troisième à ce poste en
  peu de temps. {Oc_ciusss} refait l'historique du réseau et des comités. Plusieurs partenaires expriment leur
  fatigue face au roulement du personnel. {Dir_org} remarque qu'il faut chaque fois revoir la compréhension commune
  du problème et repositionner l'organisme dans la structure.
* Une rencontre d'accueil sera offerte à chaque nouvelle personne, avec l'historique du réseau.
- Départ annoncé de {coord_jeunes}. Les partenaires soulignent sa contribution. La discussion porte sur la
  transmission des dossiers et sur la perte de liens avec les jeunes. {Fw} propose une rencontre de passation avec la
  personne qui prendra le relais.
* Une rencontre de passation est prévue avec la personne qui prendra le relais.

# roles [coord|terrain]
= Clarification des rôles
- Discussion tendue sur la clarification des rôles. Un organisme estime que {coord} prend des
  décisions qui reviennent au comité terrain. {Oc_ciusss} propose de rédiger un court document sur le mandat de chaque
  instance. {Oc_omh} rappelle que l'Office a des responsabilités de propriétaire qui ne se délèguent pas.
* {Oc_ciusss} prépare une proposition écrite sur le mandat de chaque comité pour la prochaine rencontre.
- La question de l'organisation interne revient, prise de décision, suivi des procès-verbaux. {Dir_org} souhaite que
  les décisions soient prises en rencontre et non par courriel. L'observatrice note que plusieurs personnes hochent la
  tête sans prendre la parole.
* Les décisions seront désormais consignées dans un compte rendu adopté au début de chaque rencontre.

# guide [guide coord|terrain]
= Guide d'intervention
- Travail sur le guide d'intervention commun. {Fw} présente la deuxième version, principes, rôle de chaque
  partenaire, façon de référer. Les échanges portent sur la définition du type d'intervention à privilégier, plus
  individuelle ou plus collective. {Oc_ciusss} propose que le guide reste un document vivant, révisé chaque année.
* La version finale du guide d'intervention sera adoptée à la rencontre suivante.

# local [espaces]
= Local communautaire
- Le partage et la gestion des espaces collectifs reviennent à l'ordre du jour. {Coord_jeunes} se plaint que le local
  a été laissé en désordre après une activité. {Dir_org} répond que les horaires ne sont pas respectés. {Pres_asso}
  rappelle que les résident·e·s aussi veulent utiliser le local. {Oc_omh} rappelle que l'Office reste responsable des
  clés et des assurances.
* Un horaire partagé du local sera affiché et tenu à jour par {oc_omh}.
- Discussion sur l'horaire du local communautaire. Trois organismes réclament la même plage du mardi soir.
  {Oc_ciusss} joue un rôle de médiation et propose une rotation aux deux semaines. {Fw} souligne que la vaisselle
  et le ménage retombent souvent sur {fw_lui}.
* Une rotation aux deux semaines est adoptée pour la plage du mardi soir.

# entente [entente coord]
= Entente de gestion du local
- Suite des travaux sur l'entente de gestion du local communautaire. Les organismes discutent des plages horaires, de
  l'entretien, du partage des produits ménagers et d'un mécanisme en cas de conflit. {Dir_org} demande que l'entente
  soit signée par les directions et pas seulement par les intervenant·e·s.
* Un projet d'entente sera rédigé par {oc_omh} et soumis aux directions.
- L'entente de gestion est relue point par point. {Oc_omh} fait ajouter une clause sur les clés. Après une heure de
  discussion, les partenaires s'entendent sur le texte. Applaudissements spontanés autour de la table.
* L'entente de gestion du local sera signée par les directions des organismes.

# bilan [m8|m12 coord|terrain]
= Bilan et planification
- Bilan des activités des six derniers mois. {Oc_ciusss} présente un tableau des activités, des participations et des
  références. Plusieurs partenaires soulignent que la mobilisation des résident·e·s reste difficile à maintenir dans
  le temps, mais que les projets collectifs, jardin et cuisine, rejoignent des personnes nouvelles.
* Le bilan sera présenté à l'assemblée de l'association de locataires.
- [dizaine] {Gest} rappelle que le réseau existe depuis plus d'une dizaine d'années et que les résultats se voient
  surtout à long terme. {Dir_org} nuance en rappelant que la pauvreté des familles n'a pas diminué.

# camp_jour [m4|m5|m6 familles]
= Camp de jour et activités d'été
- Planification de l'été. {Coord_jeunes} présente l'offre du camp de jour et annonce un manque d'animateurs.
  {Dir_org} propose de prêter une animatrice. {Fw} rappelle la demande des parents pour des activités destinées aux
  adolescent·e·s. On discute d'un tournoi de soccer dans la cour.
* Une animatrice sera prêtée au camp de jour; un tournoi de soccer est prévu en juillet.

# fete_quartier [m6|m7]
= Fête de quartier
- Préparation de la fête de quartier dans la cour. {Pres_asso} veut un repas partagé plutôt qu'un traiteur. {Oc_omh}
  réserve le matériel de l'Office. {Agent} propose un kiosque de prévention, accueilli avec réserve par certains
  organismes. On s'entend pour un kiosque commun des ressources du quartier.
* Un kiosque commun des ressources du quartier remplace les kiosques par organisme.

# situations [terrain]
= Situations
- Tour des situations, avec le consentement des personnes concernées. Une famille en retard de loyer, un monsieur âgé
  qui ne sort plus, une jeune mère isolée. Pour chaque situation, on détermine qui est le mieux placé pour intervenir.
  Le référencement se fait directement entre intervenant·e·s présent·e·s. {Fw} accompagnera la famille au bureau de
  l'Office.
* {Fw} fait une référence personnalisée vers le soutien à domicile pour une personne âgée.
- Discussion d'une situation de conflit de voisinage. {Oc_omh} précise ce que l'Office peut faire et ne pas faire.
  {Fw} propose une médiation avant toute plainte formelle. Les intervenant·e·s soulignent que travailler ensemble
  évite de multiplier les interventions auprès des mêmes personnes.
* Une médiation sera proposée aux deux voisins avant toute plainte formelle.

# mobilisation_terrain [terrain]
= Mobilisation des résidents
- Échange sur la participation aux activités. Le café-rencontre attire toujours les mêmes huit personnes.
  {Interv_jeunes} suggère d'aller chercher les parents à la sortie de l'école. {Fw} rappelle qu'il faut partir des
  intérêts des résident·e·s et non de l'offre des organismes.
* Un café-rencontre sera tenu à la sortie de l'école, un mercredi par mois.

# irritants [ve]
= Irritants du vivre-ensemble
- Les résident·e·s nomment les irritants du mois, les sacs de poubelles dans l'escalier, les chiens sans laisse, le
  bruit tard le soir. {Pres_asso} propose une affiche rédigée par les résident·e·s eux-mêmes plutôt qu'un avis de
  l'Office. {Fw} rappelle que le comité est un lieu pour nommer les problèmes, pas les personnes.
* Une affiche sur la gestion des déchets sera conçue par les résident·e·s et traduite en quatre langues.

# projets_ve [ve]
= Projets collectifs
- Discussion sur un projet de murale dans le passage entre les deux bâtiments. Plusieurs résident·e·s veulent y
  participer avec leurs enfants. {Oc_omh} vérifiera les autorisations. Une résidente fait remarquer que c'est la
  première fois que son voisin du troisième vient à une rencontre.
* Le projet de murale est soumis à l'Office par le comité.

# modele_ciusss [fw_ciusss coord]
= Intervention de proximité du CIUSSS
- {Gest} présente les statistiques de l'intervention de proximité. {Fw} insiste sur ce que les chiffres ne montrent
  pas, la confiance des résident·e·s envers le réseau public, les suivis acceptés qui auraient été refusés au CLSC.
  {Dir_org} souligne que le modèle de la travailleuse sociale du CIUSSS rattachée au milieu donne une image positive
  du réseau de la santé auprès des familles.
* Le CIUSSS maintient le poste de {fw} de milieu pour l'année suivante.

# proximite [proximite coord|terrain]
= Bureaux partagés
- Point sur le réaménagement des bureaux au rez-de-chaussée de la tour. Trois partenaires partageront un même
  corridor. {Oc_ciusss} souligne que la proximité physique entre partenaires a déjà facilité la collaboration depuis
  l'an dernier. On discute de la confidentialité des conversations dans un espace partagé.
* Les bureaux partagés seront aménagés d'ici la fin du mois.

# isolement [seuls]
= Personnes seules
- {Fw} présente un projet d'appels d'amitié pour les personnes seules pendant l'hiver, porté par des bénévoles
  résidents. {Oc_ciusss} fait le lien avec le programme de soutien à domicile. On s'inquiète de la surcharge des
  bénévoles. La discussion montre que briser l'isolement passe autant par les voisins que par les services.
* Un projet d'appels d'amitié est lancé avec les bénévoles de l'association.

# _reflexion
- [coord] Réflexion de l'observatrice — Climat cordial, beaucoup d'humour. Les échanges restent toutefois dominés par
  les institutions; les organismes communautaires parlent moins. La question du partage des rôles affleure sans être
  nommée directement.
- Réflexion de l'observatrice — Rencontre efficace, ordre du jour respecté. Le rôle d'animation de {oc_ciusss} est
  très visible, reformulations, synthèses, relances auprès des personnes silencieuses.
- Réflexion de l'observatrice — La fatigue est palpable. Plusieurs personnes consultent leur téléphone. Le roulement
  récent semble peser sur la dynamique du groupe.
- [ve|coord] Réflexion de l'observatrice — Les résident·e·s présent·e·s prennent davantage la parole qu'aux rencontres
  précédentes. Le lien de confiance avec {fw} semble jouer un rôle important.
- [terrain] Réflexion de l'observatrice — Les intervenant·e·s parlent vite, en raccourcis, signe d'une longue
  habitude de travail ensemble. Les situations individuelles occupent presque tout le temps.
- [ve] Réflexion de l'observatrice — Ambiance familiale, enfants présents, interruptions fréquentes. Les
  résident·e·s parlent de leur milieu de vie avec beaucoup de précision; les intervenant·e·s écoutent plus qu'ils ne
  parlent.
- Réflexion de l'observatrice — Une tension entre l'urgence des situations individuelles et le temps long du travail
  collectif traverse toute la rencontre.
- [coord] Réflexion de l'observatrice — Les décisions se prennent par consensus, sans vote. Certaines personnes
  semblent hésiter à exprimer un désaccord devant les gestionnaires.

# _suivi
- Suivi, le {jour_suivi} — {Oc_ciusss} envoie le compte rendu par courriel. Deux partenaires répondent pour corriger
  une décision mal rapportée.
- Suivi, le {jour_suivi} — Croisé {fw} dans la cour. {Fw_il} revient sur la rencontre et dit avoir trouvé la
  discussion utile mais trop longue.
- Suivi, le {jour_suivi} — {Oc_omh} confirme par téléphone que la demande a été transmise à la gestion.
"""


# --- reading the banks ------------------------------------------------------------------------------------

ROLE_TAGS = {tag for _, tag in FIELD_WORKER_ROLES} | {"r_autre"}
SITE_TAGS = {tag for profile in SITE_PROFILES.values() for tag in profile["tags"]}
KNOWN_TAGS = ROLE_TAGS | SITE_TAGS | set(PARTNER_FAMILIES) | set(PARTNER_FAMILIES.values())
KNOWN_TAGS |= {"famille", "seul", "aine", "retrait", "coord", "terrain", "ve"} | {f"m{month}" for month in range(1, 13)}


@dataclass(frozen=True)
class Item:
    text: str
    conditions: tuple = ()  # ((alternatives, negated), …): every condition must hold
    group: str = ""  # at most one item of a group per text (they contradict each other)
    follows: int = -1  # a follow-up answer or a decision: the index of the question or discussion it belongs to

    def fits(self, tags) -> bool:
        return all(bool(alternatives & tags) != negated for alternatives, negated in self.conditions)

    def names_any(self, tags) -> bool:
        """Is this item specific to one of these tags (a positive condition on it)?"""
        return any(not negated and alternatives & tags for alternatives, negated in self.conditions)


@dataclass(frozen=True)
class Topic:
    name: str
    probability: float
    conditions: tuple
    items: dict  # marker ("?", "-", "~", "+", "=", "*") -> tuple of Item

    def fits(self, tags) -> bool:
        return Item("", self.conditions).fits(tags)

    def pick(self, marker, tags) -> list:
        return [item for item in self.items.get(marker, ()) if item.fits(tags)]

    def is_seasonal(self) -> bool:
        """An observation item tied to months of the year ("m1" … "m12")."""
        return any(re.fullmatch(r"m\d+", tag) for alternatives, _ in self.conditions for tag in alternatives)


def _item(text: str, follows: int) -> Item:
    """An item of a bank line, after its marker: "[tags @group] text" or just text."""
    match = re.fullmatch(r"\[([^\]]*)\] (.*)", text)
    if not match:
        return Item(text, follows=follows)
    words = match[1].split()
    group = next((word[1:] for word in words if word.startswith("@")), "")
    conditions = _conditions(" ".join(word for word in words if not word.startswith("@")))
    return Item(match[2], conditions, group, follows)


def _conditions(spec: str) -> tuple:
    conditions = []
    for word in spec.split():
        alternatives = frozenset(word.lstrip("!").split("|"))
        if unknown := alternatives - KNOWN_TAGS:
            raise ValueError(f"Unknown tag in a demo bank: {sorted(unknown)}")
        conditions.append((alternatives, word.startswith("!")))
    return tuple(conditions)


@cache
def parse(source: str) -> tuple[Topic, ...]:
    """The topics of a bank written in demo_bank's line format (parsed once per bank)."""
    headers, bodies = [], []
    for raw in source.splitlines():
        if raw.startswith("# "):
            match = re.fullmatch(r"# (\S+)(?: ([\d.]+))?(?: \[(.*)\])?", raw)
            headers.append((match[1], float(match[2] or 1), _conditions(match[3] or "")))
            bodies.append([])
        elif raw.startswith("  "):
            bodies[-1][-1][1] += " " + raw.strip()
        elif raw.strip():
            bodies[-1].append([raw[0], raw[2:]])
    topics = []
    for (name, probability, conditions), lines in zip(headers, bodies, strict=True):
        items = {}
        for marker, text in lines:
            # a follow-up answer belongs to the question above it, a decision to the discussion above it
            follows = len(items.get({"+": "~", "*": "-"}.get(marker, ""), ())) - 1
            items.setdefault(marker, []).append(_item(text, follows))
        topics.append(Topic(name, probability, conditions, {key: tuple(value) for key, value in items.items()}))
    return tuple(topics)
