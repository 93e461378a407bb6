"""The synthetic study's structure (sites, estates, organisations, participants, members) and the first pages."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from hlmstudy.benchmarks import BenchError, builder, expect_page, op
from sites.demo import AGE_GROUPS, ATTRIBUTES, GENDERS
from sites.models import (
    AttributeDefinition,
    Consent,
    HousingEstate,
    Membership,
    Organization,
    Participant,
    Site,
    Study,
)
from sites.permissions import Role
from sites.views.participants import PAGE_SIZE

# The real study's size (DESIGN.md); the demo study has as many organisations.
REAL = {"sites": 4, "estates": 6, "organizations": 17, "partner": 35, "resident": 43, "field_worker": 10}
PREFIX = {"partner": "P", "resident": "R", "field_worker": "I"}
ORGANIZATION_KINDS = ["ciusss", "housing_office", "community", "community", "tenants"]
BATCH = 2000


@builder
def build_structure(bench):
    """One study with REAL × scale rows, written with bulk_create, and one member per role."""
    study = Study.objects.create(slug="bench", title="Étude synthétique (banc d'essai)", description="Synthétique.")
    sites = Site.objects.bulk_create(
        Site(study=study, code=f"S{n:04d}", name=f"Milieu synthétique {n}", city=("Montréal", "Québec")[n % 2])
        for n in range(1, bench.count(REAL["sites"]) + 1)
    )
    organizations = Organization.objects.bulk_create(
        Organization(study=study, name=f"Organisme synthétique {n}", kind=ORGANIZATION_KINDS[n % 5])
        for n in range(1, bench.count(REAL["organizations"]) + 1)
    )
    estates = HousingEstate.objects.bulk_create(
        HousingEstate(
            site=sites[n % len(sites)],
            name=f"Ensemble synthétique {n}",
            clientele=("families", "persons_alone")[n % 2],
            units=60 + n % 150,
            managing_office=organizations[1 % len(organizations)],
        )
        for n in range(bench.count(REAL["estates"]))
    )
    AttributeDefinition.objects.bulk_create(
        AttributeDefinition(study=study, key=key, label=label, kind=kind, choices="\n".join(choices), order=n)
        for n, (key, label, kind, choices) in enumerate(ATTRIBUTES)
    )
    participants = _build_participants(bench, study, sites, estates, organizations)
    _build_members(bench, study, sites)
    bench.study = study
    return {
        "sites": len(sites),
        "estates": len(estates),
        "organizations": len(organizations),
        "participants": participants,
    }


def _build_participants(bench, study, sites, estates, organizations):
    estates_by_site = {}
    for estate in estates:
        estates_by_site.setdefault(estate.site_id, []).append(estate)
    rows = []
    for kind, prefix in PREFIX.items():
        for n in range(bench.count(REAL[kind])):
            site = sites[n % len(sites)]
            site_estates = estates_by_site.get(site.pk, [None])
            rows.append(
                Participant(
                    study=study,
                    code=f"{prefix}-{site.code}-{n:05d}",
                    kind=kind,
                    site=site,
                    organization=None if kind == "resident" else organizations[n % len(organizations)],
                    housing_estate=site_estates[n % len(site_estates)] if kind == "resident" else None,
                    role_title="" if kind == "resident" else "intervenant·e",
                    attributes={"age_group": AGE_GROUPS[n % 4], "gender": GENDERS[n % 3], "years_in_estate": n % 25},
                )
            )
    participants = Participant.objects.bulk_create(rows, batch_size=BATCH)
    Consent.objects.bulk_create(
        (
            Consent(
                participant=participant,
                given_on=datetime.date(2018, 1, 15) + datetime.timedelta(days=n % 700),
                may_be_quoted=n % 10 != 3,
                withdrawn_on=datetime.date(2020, 2, 14) if n % 97 == 5 else None,
            )
            for n, participant in enumerate(participants)
        ),
        batch_size=BATCH,
    )
    return len(participants)


def _build_members(bench, study, sites):
    """The demo's roles and limits: coder and partner on the first site, team on the others (or the first)."""
    limits = {Role.CODER: sites[:1], Role.TEAM: sites[1:] or sites[:1], Role.PARTNER: sites[:1]}
    User = get_user_model()
    for role in (Role.ADMIN, Role.RESEARCHER, Role.CODER, Role.TEAM, Role.PARTNER):
        email = f"{role}@bench.test"
        user = User.objects.create_user(username=email, email=email, password=None)  # unusable: force_login only
        membership = Membership.objects.create(user=user, study=study, role=role)
        membership.sites.set(limits.get(role, []))
        bench.users[role] = user


@op("dashboard_open")
def dashboard_open(bench):
    """The study dashboard as a researcher (all sites): counts per site and per participant kind."""
    client = bench.client_for(Role.RESEARCHER)
    url = reverse("sites:study_dashboard", args=[bench.study.slug])
    first_site = Site.objects.filter(study=bench.study).order_by("code").first()
    total = Participant.objects.filter(study=bench.study).count()
    expected = [escape(bench.study.title), f">{first_site.code}<", f">{total}<"]
    return lambda: expect_page(client.get(url), expected)


@op("participant_list")
def participant_list(bench):
    """The first page of the participant list as a researcher: the first PAGE_SIZE codes, and not the next one."""
    client = bench.client_for(Role.RESEARCHER)
    url = reverse("sites:participant_list", args=[bench.study.slug])
    codes = list(Participant.objects.filter(study=bench.study).order_by("code").values_list("code", flat=True))
    first_page, next_code = codes[:PAGE_SIZE], codes[PAGE_SIZE : PAGE_SIZE + 1]

    def run_once():
        response = expect_page(client.get(url), [f">{first_page[0]}<", f">{first_page[-1]}<"])
        if next_code and f">{next_code[0]}<" in response.content.decode():
            raise BenchError(f"{url} shows more than one page of participants")

    return run_once
