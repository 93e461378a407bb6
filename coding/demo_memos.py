"""The demo study's memos, as its research team would write them during the analysis (data only, French).

An anchor is "study", "code:Root > Child", "site:CODE" or "interview:Title"; coding/demo.py resolves it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoMemo:
    kind: str  # coding.models.Memo.Kind
    title: str
    anchor: str
    body: str
    by_coder: bool = False


MEMOS = (
    DemoMemo(
        "methodological",
        "Grille de codage, version 1",
        "study",
        "La grille part des trois objectifs du projet (conditions de développement des réseaux, traduction des "
        "orientations en objets d'intervention, retombées pour les résident·e·s) et s'est enrichie au fil des "
        "premières entrevues. Deux codes sont émergents : « Financement précaire » et « Consultation renouvelée ».\n\n"
        "Unité de codage : le paragraphe de parole d'une personne participante. Les questions de l'intervieweuse ne "
        "sont pas codées. Un paragraphe reçoit le code le plus spécifique possible ; le code parent sert quand le "
        "propos reste général (« la concertation nous a permis de parler d'une seule voix »).",
    ),
    DemoMemo(
        "methodological",
        "Accord inter-codeurs sur le milieu des Érables",
        "study",
        "Le codeur a codé de façon indépendante les entrevues et les notes d'observation du milieu des Érables "
        "(MTL1), sans voir le codage de la chercheure. Les désaccords portent surtout sur les frontières des "
        "extraits (une première ou une dernière phrase laissée de côté) et sur des codes voisins, par exemple "
        "« Organisation interne » et « Clarification des rôles ». Quelques paragraphes n'ont pas été codés du tout.\n\n"
        "Prochaine étape : calculer le kappa par code, puis une rencontre de consensus avant d'étendre le double "
        "codage aux autres milieux.",
    ),
    DemoMemo(
        "analytic",
        "Naître d'une crise ou d'une vision",
        "code:Naissance du réseau > Réaction à une crise",
        "Le Canal (MTL2) et la Falaise (QC1) racontent une naissance en réaction à une crise de cohabitation ; les "
        "Érables (MTL1) et les Pommiers (QC2) parlent plutôt d'une vision collective, portée aux Pommiers par "
        "l'association de locataires elle-même.\n\nLa crise reste un référent dans les rencontres de la Falaise "
        "(voir les notes d'observation sur la sécurité) : elle justifie encore certaines lectures sécuritaires du "
        "milieu, que des organismes contestent.",
    ),
    DemoMemo(
        "analytic",
        "Un modèle propre aux Érables",
        "code:Pistes d'action > Modèle CIUSSS travailleur social",
        "Seul le milieu des Érables a une intervenante de milieu rattachée au CIUSSS, travailleuse sociale. "
        "Partenaires et résident·e·s y associent un accès plus direct aux services et une image plus positive du "
        "réseau de la santé et des services sociaux.\n\nPrudence : l'étude ne compare pas les milieux de façon "
        "évaluative, et ce milieu est aussi celui où le réseau existe depuis le plus longtemps.",
    ),
    DemoMemo(
        "analytic",
        "Espaces collectifs : un conflit réglé par écrit",
        "code:Défis et controverses > Espaces collectifs",
        "Le partage du local communautaire est une source de tension dans trois milieux sur quatre. Aux Pommiers, "
        "la petite salle ne suscite pas de conflit. Au Canal, l'entente de gestion signée par les directions semble "
        "avoir « dépersonnalisé » les conflits : à suivre dans les notes d'observation des mois suivants.",
    ),
    DemoMemo(
        "theoretical",
        "Pouvoir d'action et réseaux d'entraide",
        "code:Retombées pour les résident·e·s > Pouvoir d'action",
        "Deux niveaux se dessinent : un pouvoir d'action individuel (prendre la parole, siéger au conseil "
        "d'administration de l'association) et collectif (obtenir des rénovations, un meilleur éclairage). Les "
        "réseaux d'entraide autonomes des Pommiers vont plus loin : ils fonctionnent sans intervenant·e. Piste de "
        "lecture : le rôle des partenaires passe du « faire pour » au « soutenir sans institutionnaliser ».",
    ),
    DemoMemo(
        "analytic",
        "Le Canal : roulement du personnel et cohésion",
        "site:MTL2",
        "Le roulement du personnel revient dans presque toutes les entrevues du Canal, y compris dans l'entrevue "
        "de groupe : trois OC au CIUSSS en deux ans, un comité terrain renouvelé de moitié. Les partenaires décrivent "
        "l'obligation de refaire la « problématisation » et de repositionner les organismes dans la structure.",
    ),
    DemoMemo(
        "methodological",
        "Les Pommiers : des entrevues sans observation",
        "site:QC2",
        "L'observation participante n'a porté que sur trois milieux sur quatre ; aux Pommiers, l'analyse repose sur "
        "les seules entrevues. Un thème absent ici (par exemple les espaces collectifs) est peut-être absent du "
        "milieu, peut-être seulement absent des entrevues.",
    ),
    DemoMemo(
        "analytic",
        "Dynamique de l'entrevue de groupe",
        "interview:Entrevue de groupe — intervenant·e·s de milieu, MTL2",
        "Les six intervenant·e·s se relancent beaucoup et se donnent raison ; le comité terrain apparaît comme un "
        "lieu de confiance (« on parle vrai »), en contraste avec le comité de coordination. Deux personnes parlent "
        "peu : comparer avec ce qu'elles disent ailleurs.",
    ),
    DemoMemo(
        "analytic",
        "Hésitations de codage",
        "interview:Entrevue individuelle — I-MTL1-01",
        "J'ai hésité sur les passages qui parlent de confidentialité : je les ai parfois codés « Organisation "
        "interne » plutôt que « Intervenant·e de milieu ». Aussi, j'ai laissé de côté les phrases de transition en "
        "début de réponse. À discuter à la rencontre de consensus.",
        by_coder=True,
    ),
)
