"""The demo study's structure: a fictional study shaped like the real one (see DESIGN.md).

Four sites (two in Montréal, two in Québec), six housing estates, the kinds of organisation the published
sheet names, 35 partners, 43 residents, 4 field workers plus the 6 of the group interview, and one account
per role. Every name is fictional and every participant is a pseudonym code. Loading is keyed on natural
keys (slug, code, name, e-mail), so running it again updates rows in place and adds none. The values
that vary between participants come from a random generator seeded with the participant's code, so
every run gives the same study. Later apps' demo loaders build on the study returned here.
"""

import datetime
import random
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from sites.models import AttributeDefinition, Consent, HousingEstate, Membership, Organization, Participant, Site, Study
from sites.permissions import Role

SLUG = "demo"
TITLE = "Réseaux locaux et intervention de proximité en HLM (démo)"
DESCRIPTION = (
    "Étude fictive de démonstration, construite sur le modèle d'une étude de cas multi-site réelle : quatre "
    "milieux HLM de Montréal et de Québec desservant six ensembles pour les familles et les personnes seules. "
    "Elle analyse les réseaux locaux de partenaires (CIUSSS, offices municipaux d'habitation, organismes "
    "communautaires, associations de locataires) et leur influence sur l'intervention de proximité auprès des "
    "résident·e·s. Tous les noms sont inventés ; les participant·e·s ne sont désigné·e·s que par un code."
)

# (name, acronym, kind); the tenants' associations are added per housing estate below.
ORGANIZATIONS = [
    ("CIUSSS du Centre-Fictif-de-l'Île-de-Montréal", "CIUSSS-CFIM", "ciusss"),
    ("CIUSSS de la Capitale-Imaginaire", "CIUSSS-CI", "ciusss"),
    ("Office municipal d'habitation de Montréal", "OMHM", "housing_office"),
    ("Office municipal d'habitation de Québec", "OMHQ", "housing_office"),
    ("Maison de quartier des Érables (fictive)", "MQE", "community"),
    ("Cuisine collective La Marmite imaginaire", "CCMI", "community"),
    ("Carrefour jeunesse du Canal (fictif)", "CJC", "community"),
    ("Centre d'entraide Bonvoisin (fictif)", "CEB", "community"),
    ("Maison des jeunes de la Falaise (fictive)", "MDJF", "community"),
    ("Ressource familles Pomme-de-Pin (fictive)", "RFPP", "community"),
    ("Entraide des Pommiers (fictive)", "EDP", "community"),
]
CIUSSS = {"Montréal": "CIUSSS-CFIM", "Québec": "CIUSSS-CI"}
HOUSING_OFFICE = {"Montréal": "OMHM", "Québec": "OMHQ"}


@dataclass(frozen=True)
class DemoSite:
    code: str
    name: str
    city: str
    description: str
    intervention_model: str
    estates: tuple  # (name, clientele, units, tenants' association acronym)
    community: tuple  # acronyms of the community organisations working on the site
    field_worker_org: str  # acronym of the field worker's employer
    partners: int
    residents: int


SITES = [
    DemoSite(
        "MTL1",
        "Milieu des Érables (fictif)",
        "Montréal",
        "Deux ensembles voisins d'un quartier fictif du nord de l'île, l'un pour les familles, l'autre pour les "
        "personnes seules. Le réseau est né de la volonté de porter une vision collective de l'intervention.",
        "L'intervenante de milieu est rattachée au CIUSSS et agit à titre de travailleuse sociale ; "
        "l'organisatrice communautaire du CIUSSS coordonne le comité de partenaires.",
        (
            ("Habitations des Érables-Imaginaires", "families", 148, "ALHEI"),
            ("Tour des Érables-Imaginaires", "persons_alone", 96, "ALTEI"),
        ),
        ("MQE", "CCMI"),
        "CIUSSS-CFIM",
        partners=10,
        residents=12,
    ),
    DemoSite(
        "MTL2",
        "Milieu du Canal (fictif)",
        "Montréal",
        "Un grand ensemble pour les familles au bord d'un canal imaginaire. Le réseau a pris naissance en "
        "réaction à une crise de cohabitation dans le milieu.",
        "L'intervenant de milieu est embauché par un organisme communautaire et financé par plusieurs "
        "partenaires ; un comité « terrain » réunit les intervenant·e·s, un comité de coordination les "
        "gestionnaires.",
        (("Cité fictive du Canal", "families", 212, "ALCFC"),),
        ("CJC", "CEB"),
        "CJC",
        partners=9,
        residents=11,
    ),
    DemoSite(
        "QC1",
        "Milieu de la Falaise (fictif)",
        "Québec",
        "Un ensemble pour les familles et un pavillon pour les personnes seules au pied d'une falaise "
        "imaginaire. Plusieurs organismes y tiennent des activités pour les jeunes et les adultes.",
        "L'intervenante de milieu est employée par l'office municipal d'habitation ; l'OC de l'OMH assure "
        "la logistique du partenariat et le lien avec les résident·e·s ; un comité « vivre ensemble » "
        "réunit résident·e·s et intervenant·e·s.",
        (
            ("Terrasses fictives de la Falaise", "families", 118, "ALTFF"),
            ("Pavillon fictif de la Falaise", "persons_alone", 72, "ALPFF"),
        ),
        ("MDJF", "RFPP"),
        "OMHQ",
        partners=9,
        residents=11,
    ),
    DemoSite(
        "QC2",
        "Milieu des Pommiers (fictif)",
        "Québec",
        "Un ensemble pour les personnes seules dans un secteur fictif de la ville. Le petit réseau de "
        "partenaires s'est formé autour de l'association de locataires.",
        "L'intervenant de milieu d'un organisme communautaire est présent deux jours par semaine et "
        "soutient l'association de locataires ; l'OC du CIUSSS anime les rencontres de partenaires.",
        (("Domaine imaginaire des Pommiers", "persons_alone", 84, "ALDIP"),),
        ("EDP",),
        "EDP",
        partners=7,
        residents=9,
    ),
]

# The group interview: six field workers of the "terrain" committee of one site.
GROUP_INTERVIEW_SITE = "MTL2"
GROUP_INTERVIEW_CODES = tuple(f"I-{GROUP_INTERVIEW_SITE}-{n:02d}" for n in range(2, 8))
GROUP_MEMBERS = [
    ("CJC", "intervenant·e jeunesse"),
    ("CEB", "intervenant·e en sécurité alimentaire"),
    ("CIUSSS-CFIM", "travailleur·se social·e"),
    ("OMHM", "intervenant·e communautaire de l'office"),
    ("CEB", "travailleur·se de rue"),
    ("CJC", "intervenant·e famille"),
]

# A few may not be quoted and one withdrew, so that the consent rules have cases to act on.
NOT_QUOTED = frozenset({"R-MTL1-04", "P-MTL2-06", "R-QC1-09", "R-QC2-03"})
WITHDRAWN = {"R-QC1-06": datetime.date(2020, 2, 14)}

AGE_GROUPS = ["18-29 ans", "30-44 ans", "45-64 ans", "65 ans et plus"]
GENDERS = ["Femme", "Homme", "Non binaire"]
ATTRIBUTES = [
    # key, label, kind, choices
    ("age_group", "Groupe d'âge", "choice", AGE_GROUPS),
    ("gender", "Genre", "choice", GENDERS),
    ("years_in_estate", "Années dans l'ensemble", "number", []),
    ("years_in_role", "Années dans le poste", "number", []),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    site_codes: tuple  # empty: every site
    password: str


# Known on purpose: they are printed by load_demo and listed in the README.
# Every role that reads transcripts must sign in with TOTP; the demo accounts share this public secret and
# `manage.py demo_totp` prints its current code (or add the secret to any authenticator app).
DEMO_TOTP_SECRET = "HLMSTUDYDEMOTOTPSECRETPOMMIERS23"
ACCOUNTS = [
    DemoAccount("admin@demo.test", Role.ADMIN, (), "admin-Pommiers-2019"),
    DemoAccount("chercheure@demo.test", Role.RESEARCHER, (), "recherche-Erables-2019"),
    DemoAccount("codeur@demo.test", Role.CODER, ("MTL1",), "codage-Canal-2019"),
    DemoAccount("equipe@demo.test", Role.TEAM, ("QC1", "QC2"), "analyse-Falaise-2019"),
    DemoAccount("partenaire@demo.test", Role.PARTNER, ("MTL1",), "lecture-Fiches-2019"),
]


@transaction.atomic
def load_structure():
    """Create or update the demo study, its sites, estates, organisations and participants; ~1,200 queries."""
    study, _ = Study.objects.update_or_create(slug=SLUG, defaults={"title": TITLE, "description": DESCRIPTION})
    organizations = _load_organizations(study)
    for definition_order, (key, label, kind, choices) in enumerate(ATTRIBUTES):
        AttributeDefinition.objects.update_or_create(
            study=study,
            key=key,
            defaults={"label": label, "kind": kind, "choices": "\n".join(choices), "order": definition_order},
        )
    for demo_site in SITES:
        site, _ = Site.objects.update_or_create(
            study=study,
            code=demo_site.code,
            defaults={
                "name": demo_site.name,
                "city": demo_site.city,
                "description": demo_site.description,
                "intervention_model": demo_site.intervention_model,
            },
        )
        estates = _load_estates(site, demo_site, organizations)
        _load_participants(study, site, demo_site, organizations, estates)
    return study


def _load_organizations(study):
    """The organisations by acronym, tenants' associations included (one per housing estate)."""
    rows = list(ORGANIZATIONS)
    for demo_site in SITES:
        for estate_name, _clientele, _units, acronym in demo_site.estates:
            rows.append((f"Association des locataires — {estate_name}", acronym, "tenants"))
    organizations = {}
    for name, acronym, kind in rows:
        organization, _ = Organization.objects.update_or_create(
            study=study, name=name, defaults={"acronym": acronym, "kind": kind}
        )
        organizations[acronym] = organization
    return organizations


def _load_estates(site, demo_site, organizations):
    estates = []
    for name, clientele, units, _association in demo_site.estates:
        estate, _ = HousingEstate.objects.update_or_create(
            site=site,
            name=name,
            defaults={
                "clientele": clientele,
                "units": units,
                "managing_office": organizations[HOUSING_OFFICE[demo_site.city]],
            },
        )
        estates.append(estate)
    return estates


def _partner_slots(demo_site):
    """Who the partners of a site are, in the order they are numbered: (organisation acronym, role title)."""
    slots = [
        (CIUSSS[demo_site.city], "organisateur·trice communautaire"),
        (HOUSING_OFFICE[demo_site.city], "organisateur·trice communautaire"),
        (CIUSSS[demo_site.city], "gestionnaire"),
        (HOUSING_OFFICE[demo_site.city], "agent·e de développement"),
    ]
    for acronym in demo_site.community:
        slots += [(acronym, "coordonnateur·trice"), (acronym, "intervenant·e")]
    slots += [(estate[3], "président·e de l'association de locataires") for estate in demo_site.estates]
    slots += [(demo_site.community[0], "directeur·trice"), (CIUSSS[demo_site.city], "intervenant·e")]
    return slots


def _load_participants(study, site, demo_site, organizations, estates):
    slots = _partner_slots(demo_site)
    for number in range(1, demo_site.partners + 1):
        acronym, role_title = slots[(number - 1) % len(slots)]
        _load_participant(study, site, f"P-{site.code}-{number:02d}", "partner", organizations[acronym], role_title)
    for number in range(1, demo_site.residents + 1):
        estate = estates[(number - 1) % len(estates)]
        _load_participant(study, site, f"R-{site.code}-{number:02d}", "resident", None, "", estate=estate)
    field_workers = [(demo_site.field_worker_org, "intervenant·e de milieu")]
    if site.code == GROUP_INTERVIEW_SITE:
        field_workers += GROUP_MEMBERS
    for number, (acronym, role_title) in enumerate(field_workers, start=1):
        _load_participant(
            study, site, f"I-{site.code}-{number:02d}", "field_worker", organizations[acronym], role_title
        )


def _load_participant(study, site, code, kind, organization, role_title, *, estate=None):
    rng = random.Random(code)  # seeded by the code: the same participant gets the same values on every run
    participant, _ = Participant.objects.update_or_create(
        study=study,
        code=code,
        defaults={
            "kind": kind,
            "site": site,
            "organization": organization,
            "housing_estate": estate,
            "role_title": role_title,
            "attributes": _attributes(rng, kind, estate),
        },
    )
    given_on = datetime.date(2018, 1, 15) + datetime.timedelta(days=rng.randrange(700))
    Consent.objects.update_or_create(
        participant=participant,
        defaults={"given_on": given_on, "may_be_quoted": code not in NOT_QUOTED, "withdrawn_on": WITHDRAWN.get(code)},
    )
    return participant


def _attributes(rng, kind, estate):
    if kind == "resident":
        older = estate is not None and estate.clientele == "persons_alone"
        return {
            "age_group": rng.choice(AGE_GROUPS[2:] if older else AGE_GROUPS[:3]),
            "gender": rng.choice(GENDERS[:2] * 4 + GENDERS[2:]),
            "years_in_estate": rng.randint(1, 25),
        }
    return {
        "age_group": rng.choice(AGE_GROUPS[:3]),
        "gender": rng.choice(GENDERS[:2] * 4 + GENDERS[2:]),
        "years_in_role": rng.randint(1, 15),
    }


@transaction.atomic
def load_accounts(study):
    """Create or update one account per role with its known password; returns the ACCOUNTS it loaded."""
    User = get_user_model()
    sites = {site.code: site for site in Site.objects.filter(study=study)}
    for account in ACCOUNTS:
        user = User.objects.filter(email__iexact=account.email).first() or User(
            username=account.email, email=account.email
        )
        validate_password(account.password, user)
        user.set_password(account.password)
        user.is_active = True
        user.save()
        membership, _ = Membership.objects.update_or_create(user=user, study=study, defaults={"role": account.role})
        membership.sites.set([sites[code] for code in account.site_codes])
        if account.role != Role.PARTNER:
            Authenticator.objects.update_or_create(
                user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(DEMO_TOTP_SECRET)}}
            )
    return ACCOUNTS
