"""Creating and editing a site (milieu)."""

import pytest
from django.urls import reverse

from sites.models import Site
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def create_url(study):
    return reverse("sites:site_create", args=[study.slug])


def edit_url(site):
    return reverse("sites:site_edit", args=[site.study.slug, site.code])


def test_creates_a_site(login, researcher, study):
    data = {"code": "QC2", "name": "Milieu Plateau", "city": "Québec", "intervention_model": "Agente de milieu"}
    response = login(researcher).post(create_url(study), data)
    site = Site.objects.get(study=study, code="QC2")
    assert response.status_code == 302
    assert response.url == reverse("sites:site_detail", args=[study.slug, "QC2"])
    assert (site.name, site.city, site.intervention_model) == ("Milieu Plateau", "Québec", "Agente de milieu")


def test_edits_a_site_and_follows_its_new_code(login, researcher, study, site_a):
    data = {"code": "MTL5", "name": "Milieu renommé", "city": "Montréal"}
    response = login(researcher).post(edit_url(site_a), data)
    site_a.refresh_from_db()
    assert response.status_code == 302
    assert response.url == reverse("sites:site_detail", args=[study.slug, "MTL5"])
    assert (site_a.code, site_a.name) == ("MTL5", "Milieu renommé")


def test_edit_form_shows_the_site(login, researcher, site_a):
    response = login(researcher).get(edit_url(site_a))
    assert response.status_code == 200
    assert 'value="Milieu Rivière"' in response.content.decode()


def test_duplicate_code_is_refused_whatever_the_case(login, researcher, study, site_a, site_b):
    response = login(researcher).post(create_url(study), {"code": "mtl1", "name": "Doublon", "city": "Laval"})
    assert response.status_code == 400
    assert "code" in response.context["form"].errors
    assert Site.objects.filter(study=study).count() == 2


def test_renaming_to_another_sites_code_is_refused(login, researcher, site_a, site_b):
    response = login(researcher).post(edit_url(site_b), {"code": "MTL1", "name": "x", "city": "Québec"})
    site_b.refresh_from_db()
    assert response.status_code == 400
    assert site_b.code == "QC1"


def test_same_code_in_another_study_is_fine(login, researcher, study, other_site):
    response = login(researcher).post(create_url(study), {"code": other_site.code, "name": "Même code", "city": "x"})
    assert response.status_code == 302


def test_invalid_input_re_renders_in_french_and_changes_nothing(login, researcher, study):
    before = list(Site.objects.values())
    response = login(researcher).post(create_url(study), {"code": "pas un code!", "name": "", "city": "Laval"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in html
    assert set(response.context["form"].errors) == {"code", "name"}
    assert list(Site.objects.values()) == before


def test_readers_get_403_on_writes(login, coder, team_b, study, site_a, site_b):
    assert login(coder).post(create_url(study), {"code": "X1", "name": "x", "city": "x"}).status_code == 403
    assert login(coder).post(edit_url(site_a), {"code": "MTL1", "name": "x", "city": "x"}).status_code == 403
    assert login(team_b).get(edit_url(site_b)).status_code == 403
    assert Site.objects.get(pk=site_a.pk).name == "Milieu Rivière"


def test_site_limited_editor_may_edit_their_site_but_not_add_one(login, study, site_a, site_b):
    limited = factory.make_user("researcher.a@example.test")
    factory.make_membership(limited, study, "researcher", [site_a])
    client = login(limited)
    assert client.get(create_url(study)).status_code == 403
    assert client.get(edit_url(site_a)).status_code == 200
    assert client.get(edit_url(site_b)).status_code == 404


def test_outsider_gets_404(login, outsider, study, site_a):
    assert login(outsider).get(create_url(study)).status_code == 404
    assert login(outsider).get(edit_url(site_a)).status_code == 404
