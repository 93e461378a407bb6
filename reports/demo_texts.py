"""The words of the demo's synthesis sheets: the study's transversal sheet of March 2022 (its sections, objectives,
methodology, results, courses of action and lexicon) rewritten over the demo study's own evidence.

`{name}` marks a figure or a piece of evidence that reports/demo.py inserts from the demo data; every name in
the demo is fictional, the authors' included.
"""

TITLE = "Réseau local et intervention de proximité pour des résident·e·s de HLM du Québec : naissance et mise en œuvre"
KIND = "Fiche synthèse transversale"
SITE_KIND = "Fiche synthèse par milieu"
AUTHORS = [
    (
        "Hélène Fortier-Demers",
        "professeure agrégée à l'École de travail social (fictive) et membre chercheure d'un centre de recherche "
        "sur les interactions entre les intervenant·e·s et les communautés",
    ),
    ("Julie Marchand-Ouellet", "stagiaire postdoctorale à l'École de travail social (fictive)"),
]

GLOSSARY = [
    ("CA", "conseil d'administration, administre les budgets, gère le personnel et adopte les différentes "
     "politiques locales."),
    ("CIUSSS", "Centre intégré universitaire de santé et de services sociaux, assure l'accessibilité, la continuité "
     "et la qualité des services destinés à la population de son territoire."),
    ("HLM", "Habitations à loyer modique destinées aux ménages à faible revenu."),
    ("OC", "Organisateur·trice communautaire, analyse les besoins de la population et agit comme personne-ressource "
     "auprès de groupes cibles. Conçoit, coordonne et met en œuvre des programmes d'organisation communautaire afin "
     "de répondre aux besoins du milieu et de favoriser son développement."),
    ("OMH", "Office municipal d'habitation, organisme public à but non lucratif, administre et développe des "
     "logements destinés aux personnes et familles à faible revenu."),
    ("OMHM", "Office municipal d'habitation de Montréal"),
    ("OMHQ", "Office municipal d'habitation de Québec"),
]  # fmt: skip

SUMMARY = (
    "Depuis 2017, un projet de recherche est en cours dans {estates} ensembles d'habitations à loyer modique (HLM) "
    "de Montréal et de Québec. Alors que se multiplient au Québec des projets s'inspirant de l'intervention de "
    "proximité pour rejoindre les personnes socialement désaffiliées et les amener à recourir aux services offerts "
    "par la communauté, *cette recherche explore l'apport des réseaux locaux dans les HLM du Québec et cherche à "
    "montrer leur influence sur les interventions menées auprès des résident·e·s en vue d'améliorer les pratiques.*"
)

OBJECTIVES = """Les principaux objectifs de ce projet sont :

1. Analyser les conditions ayant favorisé le développement et la structuration des réseaux locaux ;
2. Comprendre comment les intervenant·e·s de milieu traduisent les orientations des réseaux en objets d'intervention ;
3. Saisir les retombées des interventions sur le vécu des résident·e·s et leur milieu de vie."""

METHODOLOGY = """La méthodologie utilisée consiste en une étude de cas réalisée dans {sites} milieux HLM desservant \
{estates} ensembles d'habitations à loyer modique pour les familles et les personnes seules à Montréal et à Québec. \
Pour ce faire, l'équipe a fait :

- de l'observation participante pendant {months} mois lors des rencontres de partenaires dans {observed} des \
{sites} milieux ;
- des entrevues individuelles avec {partners} partenaires, {residents} résident·e·s et {workers} intervenant·e·s de \
milieu issu·e·s des {sites} milieux ;
- une entrevue de groupe auprès de {group} intervenant·e·s dans un des milieux ;
- une analyse thématique réalisée pour chacun des milieux ;
- une analyse transversale de tous les milieux."""

RESULTS = """Les réseaux locaux étudiés ont pris naissance, soit en réaction à des crises dans les milieux, soit par \
la volonté de mettre en œuvre une vision collective de l'intervention au sein des HLM. Dès le départ, plusieurs \
organismes communautaires et institutions sont impliqués. Dans la plupart des milieux, l'organisateur·trice \
communautaire (OC) du CIUSSS tient un rôle clef d'identification des partenaires et de coordination de la structure. \
L'OC de l'Office municipal d'habitation (OMH) a en général un rôle plus logistique au sein du partenariat et fait \
le lien avec l'institution et les résident·e·s. Enfin, l'intervenant·e de milieu a un rôle de soutien direct aux \
résident·e·s.

{quote_roles}

Perçus positivement dans les milieux, la concertation et le partenariat permettent de multiplier les expertises, \
d'éviter le travail en silo et de faciliter le référencement ; {apports} extraits d'entrevues en témoignent. \
Cette collaboration entraîne à terme une meilleure réponse aux besoins des résident·e·s.

{chart_apports}

Pour les résident·e·s des HLM, ces collaborations favorisent l'amélioration générale de leurs conditions de vie. \
L'accompagnement par un·e intervenant·e de milieu fait une différence importante pour accéder à des services d'aide ; \
il permet d'agir en prévention, de renforcer le sentiment de sécurité et de briser l'isolement.

{quote_retombees}

{chart_retombees}

Toutefois, la mobilisation et la réponse aux besoins des résident·e·s demeurent des enjeux persistants dans tous \
les milieux : il est souvent difficile de maintenir un engagement à long terme. Les partenaires rappellent \
l'importance de la consultation renouvelée des résident·e·s pour orienter leurs actions.

{quote_enjeux}

Des défis et des controverses sont aussi présents dans tous les milieux, le plus souvent autour de :

- l'organisation interne ;
- la clarification des rôles au sein des différentes structures ;
- la définition du type d'intervention et des actions à déployer dans le milieu ;
- le partage et la gestion des espaces collectifs entre les partenaires.

{chart_defis}

Le roulement du personnel au sein des organismes et des institutions partenaires s'avère également un défi pour \
maintenir une cohésion dans l'action ainsi qu'une compréhension commune du problème."""

ACTIONS = """Les résultats démontrent que les différents modes de collaboration étudiés sont favorables pour les \
résident·e·s des HLM, mais aussi pour les intervenant·e·s et les organisations présentes. **Les mécanismes de \
collaboration, incluant la concertation, le partenariat et l'intervention de milieu, sont complémentaires et \
agissent en symbiose.** L'apprentissage du travail collectif et l'établissement d'un lien de confiance se réalisent \
graduellement, par des rencontres régulières et une certaine stabilité des participant·e·s au sein des structures.

Pour régler les conflits qui subsistent, **les partenaires ont mis en place plusieurs solutions gagnantes.** Voici \
quelques exemples :

- Constitution d'un comité « vivre ensemble » (résident·e·s et intervenant·e·s), d'un comité « terrain » \
(intervenant·e·s) et d'un comité de coordination (gestionnaires) au sein desquels il est possible de nommer et \
discuter ouvertement des problèmes ;
- Renforcement du rôle d'animation et de médiation au sein du partenariat, le plus souvent porté par l'OC du CIUSSS \
ou de l'OMH ;
- Rédaction d'outils et de guides pour orienter l'action collective ;
- Ententes de gestion pour l'entretien du local communautaire entre les différents organismes.

{quote_pistes}

Quoique nous n'ayons pas effectué une évaluation comparative entre les milieux, **nous tenons à souligner la \
pertinence du modèle d'intervention de proximité où l'intervenant·e de milieu est rattaché·e au CIUSSS et agit à \
titre de travailleur·se social·e.** Rappelons toutefois que c'est généralement seulement après une dizaine d'années \
d'intervention que l'on récolte les résultats d'une telle démarche."""

LEXICON = ""

SITE_TITLE = "Le réseau local du {site} : ce que les partenaires et les résident·e·s en disent"
SITE_SUMMARY = (
    "Cette fiche présente les résultats de l'analyse thématique réalisée pour le {site}, l'un des {sites} milieux "
    "de l'étude. Elle s'adresse d'abord aux partenaires du milieu."
)
SITE_METHODOLOGY = (
    "Dans ce milieu, l'équipe a mené des entrevues individuelles avec {partners} partenaires et {residents} "
    "résident·e·s, et a analysé {excerpts} extraits codés."
)
SITE_RESULTS = """Les partenaires du milieu décrivent un réseau actif, où la concertation facilite le référencement \
et la réponse aux besoins des résident·e·s.

{quote}

{chart}"""
SITE_ACTIONS = """Les partenaires du milieu proposent de poursuivre les rencontres régulières et de consulter à \
nouveau les résident·e·s sur leurs besoins."""
