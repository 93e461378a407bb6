"""Organisations: the list, creating and editing one, and a name used once per study."""

import pytest
from django.urls import reverse

from sites.models import Organization
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def organization(study):
    return factory.make_organization(study, "Association des locataires fictive", acronym="ALF", kind="tenants")


def list_url(study):
    return reverse("sites:organization_list", args=[study.slug])


def create_url(study):
    return reverse("sites:organization_create", args=[study.slug])


def edit_url(organization):
    return reverse("sites:organization_edit", args=[organization.study.slug, organization.pk])


def test_creates_an_organisation(login, researcher, study):
    data = {"name": "CIUSSS fictif", "acronym": "CF", "kind": "ciusss"}
    response = login(researcher).post(create_url(study), data)
    assert response.status_code == 302
    assert response.url == list_url(study)
    assert Organization.objects.filter(study=study, name="CIUSSS fictif", kind="ciusss").exists()


def test_edits_an_organisation(login, researcher, organization):
    response = login(researcher).post(edit_url(organization), {"name": organization.name, "kind": "community"})
    organization.refresh_from_db()
    assert response.status_code == 302
    assert (organization.kind, organization.acronym) == ("community", "")


def test_duplicate_name_is_refused_whatever_the_case(login, researcher, study, organization):
    response = login(researcher).post(create_url(study), {"name": organization.name.upper(), "kind": "other"})
    assert response.status_code == 400
    assert "name" in response.context["form"].errors
    assert Organization.objects.count() == 1


def test_renaming_onto_another_name_is_refused(login, researcher, study, organization):
    other = factory.make_organization(study, "Autre organisme")
    response = login(researcher).post(edit_url(other), {"name": organization.name, "kind": "other"})
    other.refresh_from_db()
    assert response.status_code == 400
    assert other.name == "Autre organisme"


def test_same_name_in_another_study_is_fine(login, researcher, study, other_study, organization):
    factory.make_organization(other_study, "Organisme d'ailleurs")
    assert (
        login(researcher).post(create_url(study), {"name": "Organisme d'ailleurs", "kind": "other"}).status_code == 302
    )


def test_invalid_input_re_renders_in_french(login, researcher, study):
    response = login(researcher).post(create_url(study), {"name": "", "kind": ""})
    assert response.status_code == 400
    assert response.content.decode().count("Ce champ est obligatoire.") == 2
    assert not Organization.objects.exists()


def test_list_counts_only_participants_the_user_may_see(login, coder, researcher, study, site_a, site_b, organization):
    factory.make_participant(study, site_a, organization=organization)
    factory.make_participant(study, site_b, organization=organization)
    factory.make_participant(study, site_b, organization=organization)
    counts = {o.name: o.participant_count for o in login(researcher).get(list_url(study)).context["organizations"]}
    assert counts == {organization.name: 3}
    counts = {o.name: o.participant_count for o in login(coder).get(list_url(study)).context["organizations"]}
    assert counts == {organization.name: 1}


def test_list_shows_organisations_of_this_study_only(login, team_b, study, other_study, organization):
    factory.make_organization(other_study, "Organisme d'ailleurs")
    html = login(team_b).get(list_url(study)).content.decode()
    assert organization.name in html
    assert "Organisme d'ailleurs" not in html
    assert create_url(study) not in html


def test_readers_get_403_on_writes(login, coder, team_b, study, organization):
    assert login(coder).post(create_url(study), {"name": "x", "kind": "other"}).status_code == 403
    assert login(team_b).post(edit_url(organization), {"name": "x", "kind": "other"}).status_code == 403
    assert list(Organization.objects.values_list("name", flat=True)) == [organization.name]


def test_outsider_gets_404(login, outsider, study, organization):
    assert login(outsider).get(list_url(study)).status_code == 404
    assert login(outsider).get(edit_url(organization)).status_code == 404
