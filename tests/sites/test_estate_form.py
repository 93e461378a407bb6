"""Creating and editing a housing estate, always within a site the user may reach."""

import pytest
from django.urls import reverse

from sites.models import HousingEstate
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def create_url(study):
    return reverse("sites:estate_create", args=[study.slug])


def edit_url(estate):
    return reverse("sites:estate_edit", args=[estate.site.study.slug, estate.pk])


def test_creates_an_estate_on_the_site_it_came_from(login, researcher, study, site_a):
    client = login(researcher)
    assert client.get(create_url(study), {"site": "MTL1"}).context["form"]["site"].value() == site_a.pk
    office = factory.make_organization(study, "Office fictif", kind="housing_office")
    data = {
        "site": site_a.pk,
        "name": "Les Peupliers",
        "clientele": "seniors",
        "units": "80",
        "managing_office": office.pk,
    }
    response = client.post(create_url(study), data)
    estate = HousingEstate.objects.get(name="Les Peupliers")
    assert response.status_code == 302
    assert response.url == reverse("sites:site_detail", args=[study.slug, "MTL1"])
    assert (estate.site, estate.clientele, estate.units, estate.managing_office) == (site_a, "seniors", 80, office)


def test_edits_an_estate(login, researcher, site_a):
    estate = factory.make_estate(site_a)
    response = login(researcher).post(edit_url(estate), {"site": site_a.pk, "name": "Renommé", "clientele": "mixed"})
    estate.refresh_from_db()
    assert response.status_code == 302
    assert (estate.name, estate.clientele, estate.units) == ("Renommé", "mixed", None)


def test_invalid_input_re_renders_and_changes_nothing(login, researcher, study, site_a):
    response = login(researcher).post(create_url(study), {"site": site_a.pk, "name": "", "clientele": "castle"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert set(response.context["form"].errors) == {"name", "clientele"}
    assert not HousingEstate.objects.exists()


def test_managing_office_of_another_study_is_refused(login, researcher, study, site_a, other_study):
    office = factory.make_organization(other_study, "Office d'ailleurs")
    data = {"site": site_a.pk, "name": "x", "clientele": "families", "managing_office": office.pk}
    assert login(researcher).post(create_url(study), data).status_code == 400
    assert not HousingEstate.objects.exists()


def test_site_limited_editor_cannot_put_an_estate_on_another_site(login, study, site_a, site_b):
    limited = factory.make_user("researcher.a@example.test")
    factory.make_membership(limited, study, "researcher", [site_a])
    estate_a = factory.make_estate(site_a)
    client = login(limited)
    assert client.post(create_url(study), {"site": site_b.pk, "name": "x", "clientele": "families"}).status_code == 400
    response = client.post(edit_url(estate_a), {"site": site_b.pk, "name": "x", "clientele": "families"})
    assert response.status_code == 400
    assert HousingEstate.objects.get().site == site_a


def test_readers_get_403_on_writes(login, coder, study, site_a):
    estate = factory.make_estate(site_a)
    client = login(coder)
    assert client.post(create_url(study), {"site": site_a.pk, "name": "x", "clientele": "families"}).status_code == 403
    assert client.post(edit_url(estate), {"site": site_a.pk, "name": "x", "clientele": "families"}).status_code == 403
    assert HousingEstate.objects.get().name == estate.name


def test_outsider_gets_404(login, outsider, study, site_a):
    estate = factory.make_estate(site_a)
    assert login(outsider).get(create_url(study)).status_code == 404
    assert login(outsider).get(edit_url(estate)).status_code == 404
