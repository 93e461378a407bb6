"""load_demo's study structure and accounts.

The whole demo (with its transcripts and codings) takes a while to load: this module loads it twice, once for
all its tests, inside a transaction rolled back at the end; tests/hlmstudy/test_demo_evidence.py checks the rest.
"""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.urls import reverse

from sites.demo import GROUP_INTERVIEW_CODES, GROUP_INTERVIEW_SITE
from sites.models import Consent, HousingEstate, Membership, Organization, Participant, Site, Study


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 takes most of a second per demo account here; the logins below still check every password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo():
    out = StringIO()
    call_command("load_demo", "--allow-known-passwords", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def loads(django_db_setup, django_db_blocker):
    """(output, counts, snapshot) after a first and a second load, then everything rolled back."""
    runs = []
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        with transaction.atomic():
            for _ in range(2):
                output = load_demo()
                runs.append((output, counts(), snapshot()))
            yield runs
            transaction.set_rollback(True)


@pytest.fixture
def output(loads, db):
    """What the first load printed; the demo is loaded."""
    return loads[0][0]


def printed_passwords(output):
    """The account table's rows: e-mail first, password last."""
    return dict(re.findall(r"^(\S+@demo\.test)\s.*\s(\S+)$", output, flags=re.MULTILINE))


def counts():
    demo = Study.objects.get(slug="demo")
    return {
        "sites": Site.objects.filter(study=demo).count(),
        "estates": HousingEstate.objects.filter(site__study=demo).count(),
        "organizations": Organization.objects.filter(study=demo).count(),
        "participants": dict(
            Participant.objects.filter(study=demo).values_list("kind").annotate(n=Count("id")).order_by("kind")
        ),
        "consents": Consent.objects.filter(participant__study=demo).count(),
        "memberships": Membership.objects.filter(study=demo).count(),
    }


def snapshot():
    return list(
        Participant.objects.filter(study__slug="demo")
        .order_by("code")
        .values_list(
            "code", "kind", "site__code", "organization__name", "housing_estate__name", "role_title", "attributes"
        )
    )


def test_demo_study_has_the_shape_of_the_real_study(output):
    demo = Study.objects.get(slug="demo")
    assert counts()["participants"] == {"partner": 35, "resident": 43, "field_worker": 4 + 6}
    cities = dict(Site.objects.filter(study=demo).values_list("city").annotate(n=Count("id")))
    assert cities == {"Montréal": 2, "Québec": 2}
    estates = HousingEstate.objects.filter(site__study=demo)
    assert estates.count() == 6
    assert set(estates.values_list("clientele", flat=True)) == {"families", "persons_alone"}
    offices = {(e.site.city, e.managing_office.acronym) for e in estates.select_related("site", "managing_office")}
    assert offices == {("Montréal", "OMHM"), ("Québec", "OMHQ")}
    kinds = dict(Organization.objects.filter(study=demo).values_list("kind").annotate(n=Count("id")))
    assert kinds["ciusss"] == 2 and kinds["housing_office"] == 2 and kinds["tenants"] == 6
    assert kinds["community"] >= 3


def test_demo_participants_are_pseudonyms_tied_to_their_site(output):
    participants = Participant.objects.filter(study__slug="demo").select_related("site", "housing_estate")
    prefixes = {"partner": "P", "resident": "R", "field_worker": "I"}
    for participant in participants:
        assert re.fullmatch(rf"{prefixes[participant.kind]}-{participant.site.code}-\d\d", participant.code)
        if participant.kind == "resident":
            assert participant.housing_estate.site_id == participant.site_id
        else:
            assert participant.organization_id and participant.role_title
        assert {"age_group", "gender"} <= participant.attributes.keys()
    field_workers = dict(
        participants.filter(kind="field_worker").values_list("site__code").annotate(n=Count("id")).order_by()
    )
    assert field_workers == {"MTL1": 1, "MTL2": 1, "QC1": 1, "QC2": 1, GROUP_INTERVIEW_SITE: 7}
    assert set(GROUP_INTERVIEW_CODES) <= set(participants.values_list("code", flat=True))


def test_demo_consents_cover_quoting_refusals_and_one_withdrawal(output):
    consents = Consent.objects.filter(participant__study__slug="demo")
    assert consents.count() == 88
    assert consents.filter(withdrawn_on__isnull=False).count() == 1
    assert 1 < consents.filter(may_be_quoted=False).count() < 10
    years = {given_on.year for given_on in consents.values_list("given_on", flat=True)}
    assert years <= {2018, 2019}


def test_loading_twice_gives_the_same_study(loads):
    (_first_output, first_counts, first_snapshot), (_output, second_counts, second_snapshot) = loads
    assert second_counts == first_counts
    assert second_snapshot == first_snapshot


def test_loading_leaves_other_studies_alone(output, study, site_a, participant_a, researcher):
    load_demo()
    assert list(Participant.objects.filter(study=study).values_list("code", flat=True)) == ["R-MTL1-01"]
    assert list(Site.objects.filter(study=study).values_list("code", flat=True)) == ["MTL1", "QC1"]
    assert Membership.objects.filter(study=study).count() == 1


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_refuses_known_passwords_when_debug_is_off_unless_told(django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(CommandError, match="allow-known-passwords"):
        call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize(
    ("email", "landing", "sees", "does_not_see"),
    [
        ("admin@demo.test", "/studies/demo/", ["MTL1", "QC2"], []),
        ("chercheure@demo.test", "/studies/demo/", ["MTL1", "QC2"], []),
        ("codeur@demo.test", "/studies/demo/", ["MTL1"], ["QC1", "QC2"]),
        ("equipe@demo.test", "/studies/demo/", ["QC1", "QC2"], ["MTL1"]),
        ("partenaire@demo.test", "/portal/", [], ["MTL1", "R-MTL1-01"]),
    ],
)
def test_each_demo_account_signs_in_with_its_printed_password_and_lands_on_its_page(
    output, client, email, landing, sees, does_not_see
):
    password = printed_passwords(output)[email]
    response = client.post(reverse("account_login"), {"login": email, "password": password}, follow=True)
    if email != "partenaire@demo.test":
        # Every role that reads transcripts signs in with TOTP: the demo's code comes from `demo_totp`.
        assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
        assert "demo_totp" in output
        code = StringIO()
        call_command("demo_totp", stdout=code, stderr=StringIO())
        response = client.post(reverse("mfa_authenticate"), {"code": code.getvalue().strip()}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == landing
    body = response.content.decode()
    for text in sees:
        assert f">{text}<" in body
    for text in does_not_see:
        assert text not in body


def test_demo_partner_cannot_open_the_study(output, client):
    password = printed_passwords(output)["partenaire@demo.test"]
    assert client.login(username="partenaire@demo.test", password=password)
    assert client.get("/studies/demo/").status_code == 404
    assert client.get("/studies/demo/participants/R-MTL1-01/").status_code == 404
