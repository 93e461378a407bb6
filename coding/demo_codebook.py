"""The demo study's codebook, drawn from the structure of the published synthesis sheet, and the code of each theme.

Data only (French, as a research team of the study would write it): coding/demo.py loads it through the
services and codes each theme span of the demo transcripts (interviews/demo_themes.py) with the code that
THEME_CODES names.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoCode:
    name: str
    colour: str
    definition: str
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    children: tuple = ()


CODEBOOK = (
    DemoCode(
        "Naissance du réseau",
        "#393b79",
        "Comment le réseau local de partenaires a pris naissance et s'est structuré.",
        "Récits des débuts, des premiers partenaires et de la mise en place des instances.",
        "Le fonctionnement actuel des instances quand il pose problème (voir Défis et controverses).",
        "« On s'est retrouvés une quinzaine autour d'une table en se disant : qu'est-ce qu'on fait? »",
        (
            DemoCode(
                "Réaction à une crise",
                "#5254a3",
                "Le réseau naît en réaction à une crise vécue dans le milieu (violence, cohabitation, insécurité).",
                "Événements déclencheurs, urgence des débuts, souvenirs de la période difficile.",
                "Une vision partagée sans événement déclencheur (voir Vision collective).",
                "« Ça a parti d'une crise, clairement. »",
            ),
            DemoCode(
                "Vision collective",
                "#6b6ecf",
                "Le réseau naît de la volonté de mettre en œuvre une vision collective de l'intervention en HLM.",
                "Valeurs communes, projet écrit ensemble, réseau porté par des locataires ou des organismes.",
                "Les récits centrés sur une crise.",
                "« C'est pas parti d'un problème, c'est parti d'une envie. »",
            ),
            DemoCode(
                "Partenaires dès le départ",
                "#9c9ede",
                "Organismes communautaires et institutions impliqués dès les débuts du réseau.",
                "Qui était autour de la table, liens préexistants, étapes de la mise en place.",
                "Le rôle actuel d'un acteur (voir Rôles des acteurs).",
                "« Dès le départ, il y avait plusieurs organismes autour de la table. »",
            ),
            DemoCode(
                "Structure et comités",
                "#3182bd",
                "Formes du partenariat : comités, instances, répartition des sujets entre elles.",
                "Description des comités, de leur composition et de leur évolution.",
                "Les comités présentés comme une solution à un conflit (voir Pistes d'action > Comités).",
                "« Le partenariat comporte plusieurs comités. »",
            ),
        ),
    ),
    DemoCode(
        "Rôles des acteurs",
        "#637939",
        "Ce que font les acteurs clés du réseau, selon eux-mêmes et selon les autres.",
        "Mandats, tâches, place dans la structure.",
        "Les désaccords sur les rôles (voir Défis et controverses > Clarification des rôles).",
        children=(
            DemoCode(
                "OC du CIUSSS",
                "#8ca252",
                "L'organisateur·trice communautaire du CIUSSS : identifier les partenaires, coordonner la structure.",
                "Coordination, vue d'ensemble, double appartenance institution / communauté.",
                "L'animation et la médiation proposées comme piste (voir Animation et médiation).",
                "« C'est la personne qui a identifié les partenaires au départ. »",
            ),
            DemoCode(
                "OC de l'OMH",
                "#b5cf6b",
                "L'organisateur·trice communautaire de l'office d'habitation : logistique, lien avec l'institution "
                "et les résident·e·s.",
                "Locaux, clés, lien avec la gestion, vie associative, contraintes de l'Office.",
                "L'intervenant·e de milieu employé·e par l'Office (voir Intervenant·e de milieu).",
                "« Moi, à l'Office, je fais le pont. »",
            ),
            DemoCode(
                "Intervenant·e de milieu",
                "#2ca02c",
                "Soutien direct aux résident·e·s et collaboration avec les autres intervenant·e·s sur le terrain.",
                "Présence, accueil, lien de confiance avec les résident·e·s, collaboration au comité terrain.",
                "L'accompagnement vers les services vu comme retombée (voir Accès aux services).",
                "« C'est nos yeux et nos oreilles dans le milieu. »",
            ),
        ),
    ),
    DemoCode(
        "Apports de la concertation",
        "#8c6d31",
        "Ce que la concertation et le partenariat apportent aux organisations et au milieu.",
        "Bénéfices nommés du travail ensemble.",
        "Les retombées vécues par les résident·e·s (voir Retombées pour les résident·e·s).",
        "« Ça nous a permis de parler d'une seule voix. »",
        (
            DemoCode(
                "Multiplier les expertises",
                "#bd9e39",
                "Mettre en commun les savoirs des partenaires autour des situations.",
                "Complémentarité des expertises, portrait global d'une situation.",
                "",
                "« Le premier apport, c'est qu'on multiplie les expertises. »",
            ),
            DemoCode(
                "Éviter le travail en silo",
                "#e7ba52",
                "Se coordonner plutôt que travailler chacun de son côté.",
                "Doublons évités, activités communes, interventions coordonnées.",
                "Le référencement entre organismes (voir Faciliter le référencement).",
                "« Sans ça, on travaillerait chacun dans notre coin, en silo. »",
            ),
            DemoCode(
                "Faciliter le référencement",
                "#f28e2b",
                "Référer une personne vers le bon service grâce aux liens entre intervenant·e·s.",
                "Références personnalisées, situations discutées au comité terrain.",
                "L'accès direct aux services du réseau par le modèle CIUSSS (voir Modèle CIUSSS travailleur social).",
                "« Je connais l'intervenante de l'autre organisme, je peux l'appeler directement. »",
            ),
            DemoCode(
                "Meilleure réponse aux besoins",
                "#ffbe7d",
                "Une réponse plus complète et mieux coordonnée aux besoins des résident·e·s.",
                "",
                "",
                "« Au final, c'est une meilleure réponse aux besoins des résidents. »",
            ),
            DemoCode(
                "Projets communautaires",
                "#b6992d",
                "Projets collectifs réalisés dans le milieu de vie grâce au partenariat.",
                "Jardin, murale, cuisine : projets qui demandent plusieurs partenaires.",
                "La mobilisation des résident·e·s autour de ces projets (voir Mobilisation des résident·e·s).",
                "« Aucun de nous aurait pu le faire seul. »",
            ),
            DemoCode(
                "Mutualisation des ressources",
                "#f1ce63",
                "Partager des ressources pour combler les lacunes de financement.",
                "Matériel, locaux, personnel partagés, demandes de financement conjointes.",
                "La précarité du financement (voir Enjeux > Financement précaire).",
                "« La mutualisation des ressources, c'est devenu un réflexe. »",
            ),
            DemoCode(
                "Mécanismes complémentaires",
                "#ff7f0e",
                "Concertation, partenariat et intervention de milieu se complètent et agissent en symbiose.",
                "",
                "",
                "« Si on enlevait un des trois morceaux, les deux autres marcheraient beaucoup moins bien. »",
            ),
        ),
    ),
    DemoCode(
        "Retombées pour les résident·e·s",
        "#843c39",
        "Effets des collaborations sur le vécu des résident·e·s et sur leur milieu de vie.",
        "Changements constatés par les résident·e·s ou par les partenaires.",
        "Les besoins non comblés (voir Enjeux > Besoins diversifiés).",
        "« On sent que quelqu'un s'occupe du milieu. »",
        (
            DemoCode(
                "Conditions de vie",
                "#ad494a",
                "Amélioration générale des conditions de vie dans les habitations.",
                "",
                "La sécurité ressentie (voir Sentiment de sécurité).",
                "« Les conditions de vie sont meilleures, en général. »",
            ),
            DemoCode(
                "Accès aux services",
                "#d6616b",
                "L'accompagnement permet d'accéder à des services d'aide et de soutien et aux ressources du quartier.",
                "Accompagnement dans les démarches, recours aux ressources du quartier, santé.",
                "Le référencement vu du côté des partenaires (voir Faciliter le référencement).",
                "« C'est pas juste de te donner un numéro de téléphone. C'est de venir avec toi la première fois. »",
            ),
            DemoCode(
                "Sentiment de sécurité",
                "#e15759",
                "Prévention et sentiment de sécurité des résident·e·s.",
                "Prévention des conflits, médiation entre voisins, éclairage, présence dans les espaces communs.",
                "Les récits de la crise des débuts (voir Réaction à une crise).",
                "« Un milieu où les gens se parlent, c'est un milieu plus sécuritaire. »",
            ),
            DemoCode(
                "Briser l'isolement",
                "#ff9d9a",
                "Sortir de chez soi, rencontrer d'autres personnes, être moins seul·e.",
                "Cafés-rencontres, cuisine collective, appels d'amitié, groupes d'aîné·e·s.",
                "Les réseaux d'entraide autonomes (voir Pouvoir d'action).",
                "« Ça brise l'isolement, comme ils disent. »",
            ),
            DemoCode(
                "Activités jeunes et adultes",
                "#d62728",
                "Offre d'activités pour les jeunes et pour les adultes directement dans le milieu.",
                "Aide aux devoirs, camp de jour, ateliers, jardin.",
                "",
                "« Maintenant, c'est ici, dans le local. Ça change tout. »",
            ),
            DemoCode(
                "Pouvoir d'action",
                "#9d7660",
                "Le pouvoir d'action des résident·e·s, les associations de locataires et les réseaux d'entraide "
                "autonomes.",
                "Gains obtenus par l'association, implication, entraide entre voisins.",
                "Les difficultés à mobiliser (voir Mobilisation des résident·e·s).",
                "« Ils ont appris à négocier avec l'Office. Ça, c'est durable. »",
            ),
        ),
    ),
    DemoCode(
        "Enjeux",
        "#7b4173",
        "Enjeux persistants dans tous les milieux.",
        children=(
            DemoCode(
                "Mobilisation des résident·e·s",
                "#a55194",
                "Mobiliser les résident·e·s et maintenir leur engagement à long terme.",
                "Participation, épuisement des bénévoles, barrières, stratégies pour rejoindre.",
                "Le pouvoir d'action obtenu (voir Pouvoir d'action).",
                "« Maintenir un engagement à long terme, c'est très difficile. »",
            ),
            DemoCode(
                "Besoins diversifiés",
                "#ce6dbd",
                "Des besoins diversifiés et dynamiques : socialiser, connaître les ressources, démarches, tâches "
                "parentales.",
                "",
                "La façon de consulter (voir Consultation renouvelée).",
                "« Les besoins sont dynamiques. »",
            ),
            DemoCode(
                "Consultation renouvelée",
                "#d37295",
                "Consulter les résident·e·s de façon renouvelée pour orienter les actions.",
                "Consultations, sondages, porte-à-porte, retour vers les résident·e·s.",
                "",
                "« Une consultation renouvelée, ça permet de réorienter les actions. »",
            ),
            DemoCode(
                "Financement précaire",
                "#e377c2",
                "Financement par projet et postes renouvelés d'année en année.",
                "Code émergent : absent de la grille initiale, ajouté après les premières entrevues.",
                "Le partage de ressources (voir Mutualisation des ressources).",
                "« Chaque printemps, c'est le stress. »",
            ),
        ),
    ),
    DemoCode(
        "Défis et controverses",
        "#2f4b7c",
        "Tensions et désaccords présents dans les milieux.",
        "Tensions nommées entre partenaires ou entre institutions et organismes.",
        "Les solutions mises en place (voir Pistes d'action).",
        "« Franchement, elles sont pas toutes réglées. »",
        (
            DemoCode(
                "Organisation interne",
                "#499894",
                "Fonctionnement interne du partenariat : décisions, procès-verbaux, nombre de rencontres, "
                "confidentialité.",
                "",
                "Qui fait quoi (voir Clarification des rôles).",
                "« Les procès-verbaux, la prise de décision, le consensus ou le vote. »",
            ),
            DemoCode(
                "Clarification des rôles",
                "#86bcb6",
                "Clarifier les rôles au sein des différentes structures.",
                "Qui fait quoi, qui décide quoi, rôles qui se chevauchent.",
                "",
                "« Le grand défi, c'est la clarification des rôles. »",
            ),
            DemoCode(
                "Type d'intervention",
                "#17becf",
                "Définir le type d'intervention et les actions à déployer dans le milieu.",
                "Approche individuelle ou collective, sécuritaire ou de pouvoir d'agir.",
                "Le modèle de rattachement de l'intervenant·e (voir Modèle CIUSSS travailleur social).",
                "« Est-ce qu'on fait de l'intervention individuelle ou du développement collectif? »",
            ),
            DemoCode(
                "Espaces collectifs",
                "#76b7b2",
                "Partage et gestion des espaces collectifs entre partenaires et avec les résident·e·s.",
                "Local communautaire, horaires, ménage, clés.",
                "L'entente écrite qui règle la question (voir Ententes de gestion).",
                "« Un local, c'est du pouvoir. »",
            ),
            DemoCode(
                "Roulement du personnel",
                "#4e79a7",
                "Le roulement du personnel et ses effets sur la cohésion et la compréhension commune du problème.",
                "Départs, remplacements, perte de mémoire, repositionnement des organismes.",
                "La stabilité vue comme condition de la confiance (voir Confiance et stabilité).",
                "« Le roulement, c'est le fléau. »",
            ),
        ),
    ),
    DemoCode(
        "Pistes d'action",
        "#1b7837",
        "Solutions gagnantes et recommandations des partenaires.",
        "Ce qui a aidé ou aiderait à régler les conflits et à mieux collaborer.",
        "",
        "« Je dirais de partir des besoins des résidents, dès le début. »",
        (
            DemoCode(
                "Comités",
                "#59a14f",
                "Comités « vivre ensemble », « terrain » ou de coordination où nommer et discuter les problèmes.",
                "",
                "La simple description de la structure (voir Structure et comités).",
                "« On nomme le problème, pas la personne. »",
            ),
            DemoCode(
                "Animation et médiation",
                "#8cd17d",
                "Renforcer le rôle d'animation et de médiation au sein du partenariat.",
                "Animation des rencontres, reformulation, médiation entre partenaires ou entre voisins.",
                "",
                "« Il faut renforcer le rôle d'animation et de médiation. »",
            ),
            DemoCode(
                "Outils et guides",
                "#bcbd22",
                "Outils et guides rédigés pour orienter l'action collective.",
                "Guide d'intervention, bottin des ressources, fiche de référence commune.",
                "",
                "« On a écrit un guide d'intervention commun. »",
            ),
            DemoCode(
                "Ententes de gestion",
                "#9467bd",
                "Ententes écrites entre organismes pour l'usage et l'entretien du local communautaire.",
                "",
                "Les conflits sur les espaces sans entente (voir Espaces collectifs).",
                "« Avoir quelque chose d'écrit, ça dépersonnalise les conflits. »",
            ),
            DemoCode(
                "Proximité physique",
                "#b07aa1",
                "La proximité physique entre partenaires favorise la collaboration.",
                "",
                "",
                "« On se croise dans le corridor, on règle des choses en deux minutes. »",
            ),
            DemoCode(
                "Modèle CIUSSS travailleur social",
                "#d4a6c8",
                "L'intervenant·e de milieu rattaché·e au CIUSSS, travailleur·se social·e : accès aux services et "
                "image positive du réseau.",
                "",
                "Les autres modèles de rattachement (voir Intervenant·e de milieu).",
                "« Ça a amélioré l'image du réseau de la santé et des services sociaux. »",
            ),
            DemoCode(
                "Confiance et stabilité",
                "#8c564b",
                "Le travail collectif et la confiance se construisent dans le temps : rencontres régulières, "
                "stabilité des personnes.",
                "",
                "Le roulement vécu comme un problème (voir Roulement du personnel).",
                "« La confiance, c'est entre des personnes, pas entre des logos d'organismes. »",
            ),
        ),
    ),
)

# The code of each theme of the demo texts (interviews/demo_themes.THEME_KEYS), as (parent, child) or (root,).
THEME_CODES = {
    "naissance_crise": ("Naissance du réseau", "Réaction à une crise"),
    "naissance_vision": ("Naissance du réseau", "Vision collective"),
    "naissance_debuts": ("Naissance du réseau", "Partenaires dès le départ"),
    "structure_comites": ("Naissance du réseau", "Structure et comités"),
    "role_oc_ciusss": ("Rôles des acteurs", "OC du CIUSSS"),
    "role_oc_omh": ("Rôles des acteurs", "OC de l'OMH"),
    "role_intervenant": ("Rôles des acteurs", "Intervenant·e de milieu"),
    "apports": ("Apports de la concertation",),
    "expertises": ("Apports de la concertation", "Multiplier les expertises"),
    "silo": ("Apports de la concertation", "Éviter le travail en silo"),
    "referencement": ("Apports de la concertation", "Faciliter le référencement"),
    "reponse_besoins": ("Apports de la concertation", "Meilleure réponse aux besoins"),
    "projets_collectifs": ("Apports de la concertation", "Projets communautaires"),
    "mutualisation": ("Apports de la concertation", "Mutualisation des ressources"),
    "symbiose": ("Apports de la concertation", "Mécanismes complémentaires"),
    "retombees": ("Retombées pour les résident·e·s",),
    "conditions_vie": ("Retombées pour les résident·e·s", "Conditions de vie"),
    "acces_services": ("Retombées pour les résident·e·s", "Accès aux services"),
    "ressources_quartier": ("Retombées pour les résident·e·s", "Accès aux services"),
    "securite": ("Retombées pour les résident·e·s", "Sentiment de sécurité"),
    "isolement": ("Retombées pour les résident·e·s", "Briser l'isolement"),
    "activites": ("Retombées pour les résident·e·s", "Activités jeunes et adultes"),
    "pouvoir_action": ("Retombées pour les résident·e·s", "Pouvoir d'action"),
    "entraide": ("Retombées pour les résident·e·s", "Pouvoir d'action"),
    "mobilisation": ("Enjeux", "Mobilisation des résident·e·s"),
    "besoins": ("Enjeux", "Besoins diversifiés"),
    "consultation": ("Enjeux", "Consultation renouvelée"),
    "financement": ("Enjeux", "Financement précaire"),
    "defis": ("Défis et controverses",),
    "organisation_interne": ("Défis et controverses", "Organisation interne"),
    "clarification_roles": ("Défis et controverses", "Clarification des rôles"),
    "type_intervention": ("Défis et controverses", "Type d'intervention"),
    "espaces": ("Défis et controverses", "Espaces collectifs"),
    "roulement": ("Défis et controverses", "Roulement du personnel"),
    "pistes": ("Pistes d'action",),
    "comites": ("Pistes d'action", "Comités"),
    "animation_mediation": ("Pistes d'action", "Animation et médiation"),
    "outils_guides": ("Pistes d'action", "Outils et guides"),
    "ententes_gestion": ("Pistes d'action", "Ententes de gestion"),
    "proximite_physique": ("Pistes d'action", "Proximité physique"),
    "modele_ciusss": ("Pistes d'action", "Modèle CIUSSS travailleur social"),
    "confiance_temps": ("Pistes d'action", "Confiance et stabilité"),
}


def paths():
    """Every code of the codebook as a path (root,) or (root, child), in codebook order."""
    return [(root.name,) for root in CODEBOOK] + [
        (root.name, child.name) for root in CODEBOOK for child in root.children
    ]


def siblings(path):
    """The other codes under the same parent (or the other roots), in codebook order."""
    if len(path) == 1:
        return [(root.name,) for root in CODEBOOK if root.name != path[0]]
    root = next(root for root in CODEBOOK if root.name == path[0])
    return [(root.name, child.name) for child in root.children if child.name != path[1]]
