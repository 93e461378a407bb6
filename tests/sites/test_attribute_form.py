"""Study-defined participant attributes (text, number, date, choice)."""

import pytest
from django.urls import reverse

from sites.models import AttributeDefinition

pytestmark = pytest.mark.usefixtures("fast_passwords")


def list_url(study):
    return reverse("sites:attribute_list", args=[study.slug])


def create_url(study):
    return reverse("sites:attribute_create", args=[study.slug])


def edit_url(attribute):
    return reverse("sites:attribute_edit", args=[attribute.study.slug, attribute.pk])


@pytest.fixture
def attribute(study):
    return AttributeDefinition.objects.create(study=study, key="age_group", label="Age group", kind="text")


def test_creates_a_choice_attribute_with_its_values(login, researcher, study):
    data = {
        "key": "age_group",
        "label": "Tranche d'âge",
        "kind": "choice",
        "choices": "18-34\n\n35-64\n 65+ \n",
        "order": "2",
    }
    response = login(researcher).post(create_url(study), data)
    attribute = AttributeDefinition.objects.get(study=study, key="age_group")
    assert response.status_code == 302
    assert response.url == list_url(study)
    assert attribute.choice_list() == ["18-34", "35-64", "65+"]


@pytest.mark.parametrize("kind", ["text", "number", "date"])
def test_creates_attributes_of_each_kind(login, researcher, study, kind):
    data = {"key": f"var_{kind}", "label": kind, "kind": kind, "order": "0"}
    assert login(researcher).post(create_url(study), data).status_code == 302
    assert AttributeDefinition.objects.get(key=f"var_{kind}").kind == kind


def test_choice_needs_values(login, researcher, study):
    data = {"key": "age_group", "label": "Tranche d'âge", "kind": "choice", "choices": " \n\n", "order": "0"}
    response = login(researcher).post(create_url(study), data)
    assert response.status_code == 400
    assert "choices" in response.context["form"].errors
    assert not AttributeDefinition.objects.exists()


def test_duplicate_key_is_refused(login, researcher, study, attribute):
    response = login(researcher).post(
        create_url(study), {"key": "age_group", "label": "x", "kind": "text", "order": "0"}
    )
    assert response.status_code == 400
    assert "key" in response.context["form"].errors
    assert AttributeDefinition.objects.count() == 1


def test_invalid_input_re_renders_in_french(login, researcher, study):
    response = login(researcher).post(
        create_url(study), {"key": "pas une clé", "label": "", "kind": "text", "order": "0"}
    )
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert set(response.context["form"].errors) == {"key", "label"}


def test_edits_an_attribute(login, researcher, attribute):
    data = {"key": "age_group", "label": "Âge", "kind": "choice", "choices": "jeune\naîné", "order": "3"}
    response = login(researcher).post(edit_url(attribute), data)
    attribute.refresh_from_db()
    assert response.status_code == 302
    assert (attribute.label, attribute.kind, attribute.order) == ("Âge", "choice", 3)


def test_list_shows_the_attributes_to_readers_without_edit_links(login, team_b, study, attribute):
    html = login(team_b).get(list_url(study)).content.decode()
    assert "Age group" in html
    assert edit_url(attribute) not in html and create_url(study) not in html


def test_readers_get_403_on_writes(login, coder, study, attribute):
    data = {"key": "age_group", "label": "x", "kind": "text", "order": "0"}
    assert login(coder).post(create_url(study), data).status_code == 403
    assert login(coder).post(edit_url(attribute), data).status_code == 403
    assert AttributeDefinition.objects.get().label == "Age group"


def test_outsider_gets_404(login, outsider, study, attribute):
    assert login(outsider).get(list_url(study)).status_code == 404
    assert login(outsider).get(edit_url(attribute)).status_code == 404
