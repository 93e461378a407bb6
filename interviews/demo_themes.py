"""The theme each paragraph of the demo banks speaks of, so the demo can code its transcripts (pure, no models).

demo_texts marks every paragraph it writes with the theme found here; coding/demo.py maps each theme key to a
code of its codebook. A theme is chosen per bank and topic of interviews/demo_bank.py: the first rule whose
pattern the paragraph matches, else the topic's default; None means the paragraph carries no theme (an
introduction, thanks, small talk). A pattern is a regular expression searched in the bank's raw text, or
"#tag" for a paragraph reserved to that tag (a site emphasis such as "#fw_ciusss").

Theme keys follow the results and "pistes d'action" of the published synthesis sheet.
"""

import re
from functools import cache

# (bank, topic) -> (default theme, ((pattern, theme), …)). Banks: partner, resident, field_worker, group, observation.
RULES = {
    # --- partners ---------------------------------------------------------------------------------------------
    ("partner", "presentation"): (
        None,
        (
            (r"communautaire au \{ciusss\}|OC au CIUSSS", "role_oc_ciusss"),
            (r"communautaire à l'\{omh\}", "role_oc_omh"),
        ),
    ),
    ("partner", "naissance"): (
        "naissance_debuts",
        (
            (r"crise", "naissance_crise"),
            (r"vision collective", "naissance_vision"),
            (r"#asso_origin", "naissance_vision"),
        ),
    ),
    ("partner", "structure"): (
        "structure_comites",
        (
            (r"comité vivre ensemble", "comites"),
            (r"trop de rencontres", "organisation_interne"),
            (r"qui anime|l'anime", "animation_mediation"),
            (r"Pas assez, je trouve", "mobilisation"),
        ),
    ),
    ("partner", "role_oc_ciusss"): (
        "role_oc_ciusss",
        ((r"son rôle d'animation|c'est la médiation|l'animation et de la médiation", "animation_mediation"),),
    ),
    ("partner", "role_oc_omh"): (
        "role_oc_omh",
        ((r"pas clair, qui faisait quoi|redéfinir les choses", "clarification_roles"),),
    ),
    ("partner", "role_intervenant"): (
        "role_intervenant",
        ((r"#fw_ciusss", "modele_ciusss"), (r"tout le monde demande tout", "clarification_roles")),
    ),
    ("partner", "concertation"): (
        "apports",
        (
            (r"multiplie les expertises", "expertises"),
            (r"[Rr]éférencement est|expulsée|s'isolait", "referencement"),
            (r"réponse aux besoins", "reponse_besoins"),
            (r"doublons", "silo"),
            (r"symbiose", "symbiose"),
            (r"projets communautaires", "projets_collectifs"),
        ),
    ),
    ("partner", "financement"): (
        "mutualisation",
        (
            (r"financement par projet", "financement"),
            (r"#fw_community|#fw_ciusss", "financement"),
            (r"crédibilité", "apports"),
        ),
    ),
    ("partner", "mobilisation"): ("mobilisation", ((r"décider pour les résidents", "consultation"),)),
    ("partner", "consultation"): ("consultation", ((r"besoins sont|certains besoins", "besoins"),)),
    ("partner", "controverses"): (
        "defis",
        (
            (r"type d'intervention", "type_intervention"),
            (r"clarification des rôles", "clarification_roles"),
            (r"organisation interne|dans l'urgence|confidentialité", "organisation_interne"),
            (r"#espaces", "espaces"),
            (r"entente de gestion", "ententes_gestion"),
            (r"animation externe", "animation_mediation"),
            (r"guide d'intervention", "outils_guides"),
            (r"comité vivre ensemble", "comites"),
        ),
    ),
    ("partner", "roulement"): (
        "roulement",
        ((r"guide d'intervention", "outils_guides"), (r"on a été chanceux", "confiance_temps")),
    ),
    ("partner", "confiance"): ("confiance_temps", ((r"proximité physique", "proximite_physique"),)),
    ("partner", "resultats"): (
        "retombees",
        (
            (r"dizaine", "confiance_temps"),
            (r"conditions de vie", "conditions_vie"),
            (r"pouvoir d'action", "pouvoir_action"),
            (r"#entraide", "entraide"),
            (r"image du réseau", "modele_ciusss"),
            (r"accéder aux services|où aller", "acces_services"),
            (r"isolement|plus isolées", "isolement"),
        ),
    ),
    ("partner", "pistes"): (
        "pistes",
        (
            (r"partir des besoins|Consulter les résidents", "consultation"),
            (r"animation et de médiation", "animation_mediation"),
            (r"Stabiliser|rencontres régulières", "confiance_temps"),
            (r"guide d'intervention", "outils_guides"),
            (r"entente de gestion", "ententes_gestion"),
            (r"#fw_ciusss", "modele_ciusss"),
            (r"bénévoles", "mobilisation"),
        ),
    ),
    ("partner", "fin"): (None, ()),
    # --- residents --------------------------------------------------------------------------------------------
    ("resident", "presentation"): (None, ()),
    ("resident", "vie"): (
        None,
        (
            (r"plus tranquille", "securite"),
            (r"période difficile", "naissance_crise"),
            (r"on est beaucoup à avoir des problèmes", "besoins"),
            (r"appris à se connaître", "isolement"),
            (r"abordable", "conditions_vie"),
        ),
    ),
    ("resident", "intervenant"): (
        "role_intervenant",
        ((r"#fw_ciusss", "modele_ciusss"), (r"#roulement_fort", "roulement")),
    ),
    ("resident", "accompagnement"): ("acces_services", ()),
    ("resident", "securite"): ("securite", ()),
    ("resident", "isolement"): ("isolement", ((r"#entraide", "entraide"),)),
    ("resident", "activites"): ("activites", ()),
    ("resident", "association"): (
        "pouvoir_action",
        (
            (r"comité vivre ensemble", "comites"),
            (r"#entraide", "entraide"),
            (r"#asso_origin", "naissance_vision"),
            (r"sans plus|je participe pas|J'y vais quand|plus courtes|demande directement", "mobilisation"),
        ),
    ),
    ("resident", "ressources"): ("ressources_quartier", ()),
    ("resident", "besoins"): (
        "besoins",
        (
            (r"notre avis|sondage|ils nous demandent|Non, jamais", "consultation"),
            (r"intervenants restent", "roulement"),
            (r"#espaces", "espaces"),
        ),
    ),
    ("resident", "changements"): ("conditions_vie", ((r"J'étais isolé", "isolement"), (r"prévention", "securite"))),
    ("resident", "local"): (None, ((r"#espaces", "espaces"), (r"#entente", "ententes_gestion"))),
    ("resident", "quartier"): (None, ((r"bibliothèque", "ressources_quartier"), (r"je sors presque pas", "isolement"))),
    ("resident", "sante"): ("acces_services", ((r"#fw_ciusss", "modele_ciusss"),)),
    ("resident", "avenir"): (
        None,
        (
            (r"s'impliquent plus", "pouvoir_action"),
            (r"coupures", "financement"),
            (r"intervenants vont pas partir|départ des bonnes", "roulement"),
        ),
    ),
    ("resident", "fin"): (None, ()),
    # --- field workers (their interviews and the group interview) ---------------------------------------------
    ("field_worker", "presentation"): (None, ((r"#fw_ciusss", "modele_ciusss"), (r"#r_milieu", "role_intervenant"))),
    ("field_worker", "semaine"): (
        "role_intervenant",
        ((r"Beaucoup d'accompagnement", "acces_services"), (r"rencontres de partenaires", "organisation_interne")),
    ),
    ("field_worker", "soutien"): (
        "acces_services",
        (
            (r"briser l'isolement", "isolement"),
            (r"tâches parentales", "besoins"),
            (r"référer rapidement", "referencement"),
        ),
    ),
    ("field_worker", "referencement"): (
        "referencement",
        ((r"#fw_ciusss", "modele_ciusss"), (r"ressources du quartier", "ressources_quartier")),
    ),
    ("field_worker", "collaboration"): (
        "role_intervenant",
        (
            (r"qui fait quoi", "clarification_roles"),
            (r"proximité physique", "proximite_physique"),
            (r"l'OC de l'Office", "role_oc_omh"),
            (r"comité vivre ensemble", "comites"),
            (r"ça se bâtit", "confiance_temps"),
        ),
    ),
    ("field_worker", "mobilisation"): (
        "mobilisation",
        ((r"pouvoir d'agir", "pouvoir_action"), (r"#entraide", "entraide")),
    ),
    ("field_worker", "confiance"): (
        "role_intervenant",
        (
            (r"#fw_ciusss", "modele_ciusss"),
            (r"brise la confiance", "roulement"),
            (r"rencontres régulières|Entre organismes", "confiance_temps"),
        ),
    ),
    ("field_worker", "prevention"): ("securite", ()),
    ("field_worker", "espaces"): ("espaces", ((r"#entente", "ententes_gestion"), (r"pas\s+vraiment de conflit", None))),
    ("field_worker", "type_intervention"): (
        "type_intervention",
        ((r"#fw_ciusss", "modele_ciusss"), (r"guide d'intervention", "outils_guides")),
    ),
    ("field_worker", "besoins"): (
        "besoins",
        ((r"ressources du quartier", "ressources_quartier"), (r"consultations", "consultation")),
    ),
    ("field_worker", "pistes"): (
        "pistes",
        ((r"temps que ça prend|stabilité", "confiance_temps"), (r"consultation", "consultation")),
    ),
    ("field_worker", "association"): (
        "pouvoir_action",
        ((r"#entraide", "entraide"), (r"fragile", "mobilisation"), (r"au milieu", "role_intervenant")),
    ),
    ("field_worker", "roulement"): ("roulement", ((r"#stable", "confiance_temps"),)),
    ("field_worker", "fin"): (None, ()),
    ("group", "comite_terrain"): (
        "comites",
        (
            (r"en silo", "silo"),
            (r"se faire confiance", "confiance_temps"),
            (r"#roulement_fort", "roulement"),
            (r"façon de fonctionner|ce qui se décide", "organisation_interne"),
        ),
    ),
    ("group", "evolution"): (
        None,
        (
            (r"la crise", "naissance_crise"),
            (r"conditions de vie", "conditions_vie"),
            (r"pouvoir d'action", "pouvoir_action"),
            (r"c'est aussi nous", "confiance_temps"),
            (r"mobilisation", "mobilisation"),
            (r"financement", "financement"),
        ),
    ),
    # --- observation notes ------------------------------------------------------------------------------------
    ("observation", "_tour"): (
        None,
        (
            (r"congé prolongé", "roulement"),
            (r"aucun incident", "securite"),
            (r"personnes seules", "isolement"),
        ),
    ),
    ("observation", "_echanges"): (
        None,
        (
            (r"consulté", "consultation"),
            (r"reformule", "animation_mediation"),
            (r"lien de confiance", "role_intervenant"),
            (r"contraintes de l'Office", "role_oc_omh"),
            (r"intervention de proximité", "type_intervention"),
        ),
    ),
    ("observation", "_reflexion"): (
        None,
        (
            (r"rôle d'animation", "animation_mediation"),
            (r"roulement", "roulement"),
            (r"lien de confiance", "role_intervenant"),
            (r"partage des rôles", "clarification_roles"),
            (r"consensus", "organisation_interne"),
            (r"temps long", "type_intervention"),
            (r"longue\s+habitude", "confiance_temps"),
        ),
    ),
    ("observation", "rentree"): ("activites", ()),
    ("observation", "consultation"): ("consultation", ((r"besoins nommés", "besoins"),)),
    ("observation", "fete_hiver"): ("silo", ((r"mutualisent", "mutualisation"),)),
    ("observation", "financement"): (
        "mutualisation",
        ((r"#fw_community", "financement"), (r"récurrence", "financement")),
    ),
    ("observation", "securite"): ("securite", ((r"la crise|période difficile", "naissance_crise"),)),
    ("observation", "association"): ("pouvoir_action", ((r"#entraide", "entraide"),)),
    ("observation", "roulement"): ("roulement", ()),
    ("observation", "roles"): (
        "clarification_roles",
        ((r"organisation interne|compte rendu", "organisation_interne"),),
    ),
    ("observation", "guide"): ("outils_guides", ()),
    ("observation", "local"): ("espaces", ()),
    ("observation", "entente"): ("ententes_gestion", ()),
    ("observation", "bilan"): ("mobilisation", ((r"#dizaine", "confiance_temps"),)),
    ("observation", "camp_jour"): ("activites", ()),
    ("observation", "fete_quartier"): ("ressources_quartier", ()),
    ("observation", "situations"): (
        "referencement",
        ((r"multiplier les interventions", "silo"), (r"médiation", "animation_mediation")),
    ),
    ("observation", "mobilisation_terrain"): ("mobilisation", ()),
    ("observation", "irritants"): ("comites", ()),
    ("observation", "projets_ve"): ("projets_collectifs", ()),
    ("observation", "modele_ciusss"): ("modele_ciusss", ()),
    ("observation", "proximite"): ("proximite_physique", ()),
    ("observation", "isolement"): ("isolement", ()),
}

# Every theme key a rule or default can give, for coding/demo.py's mapping (each must map to a code).
THEME_KEYS = frozenset(
    key
    for default, rules in RULES.values()
    for key in (default, *(theme for _pattern, theme in rules))
    if key is not None
)


@cache
def _compiled(bank: str, topic: str) -> tuple:
    default, rules = RULES.get((bank, topic), (None, ()))
    return default, tuple((pattern, re.compile(pattern)) for pattern, _ in rules), tuple(t for _, t in rules)


def theme_of(bank: str, topic: str, item) -> str | None:
    """The theme key of a bank item (a demo_bank.Item) said under this topic, or None."""
    default, patterns, themes = _compiled(bank, topic)
    for (pattern, compiled), theme in zip(patterns, themes, strict=True):
        if pattern.startswith("#"):
            if any(item.names_any({tag}) for tag in pattern[1:].split("|#")):
                return theme
        elif compiled.search(item.text):
            return theme
    return default
