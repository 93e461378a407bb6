"""Creating and editing a participant, with its consent and the study-defined attributes."""

import datetime

import pytest
from django.urls import reverse

from sites.models import AttributeDefinition, Consent, Participant
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def definitions(study):
    return [
        AttributeDefinition.objects.create(study=study, key="years", label="Years in the estate", kind="number"),
        AttributeDefinition.objects.create(study=study, key="arrived", label="Arrived on", kind="date"),
        AttributeDefinition.objects.create(
            study=study, key="age_group", label="Age group", kind="choice", choices="18-34\n35-64\n65+\n"
        ),
    ]


def create_url(study):
    return reverse("sites:participant_create", args=[study.slug])


def edit_url(participant):
    return reverse("sites:participant_edit", args=[participant.study.slug, participant.code])


def body(site, **extra):
    return {"code": "R-MTL1-02", "kind": "resident", "site": site.pk, **extra}


def row_counts():
    return (Participant.objects.count(), Consent.objects.count())


def test_creates_a_participant_with_consent_and_attributes(login, researcher, study, site_a, definitions):
    data = body(
        site_a,
        role_title="Locataire",
        attr_years="12",
        attr_arrived="2015-06-01",
        attr_age_group="65+",
        **{"consent-given_on": "2019-03-01", "consent-may_be_quoted": "on"},
    )
    response = login(researcher).post(create_url(study), data)
    participant = Participant.objects.get(study=study, code="R-MTL1-02")
    assert response.status_code == 302
    assert response.url == reverse("sites:participant_detail", args=[study.slug, "R-MTL1-02"])
    assert participant.site == site_a and participant.role_title == "Locataire"
    assert participant.attributes == {"years": 12, "arrived": "2015-06-01", "age_group": "65+"}
    assert participant.consent.given_on == datetime.date(2019, 3, 1)
    assert participant.consent.may_be_quoted is True


def test_decimal_attribute_is_stored_as_a_json_number(login, researcher, study, site_a, definitions):
    login(researcher).post(create_url(study), body(site_a, attr_years="2.5"))
    assert Participant.objects.get(code="R-MTL1-02").attributes == {"years": 2.5}


def test_without_a_consent_date_no_consent_is_recorded(login, researcher, study, site_a):
    response = login(researcher).post(create_url(study), body(site_a, **{"consent-may_be_quoted": "on"}))
    assert response.status_code == 302
    assert not Consent.objects.filter(participant__code="R-MTL1-02").exists()


def test_edit_changes_attributes_and_consent(login, researcher, study, participant_a, definitions):
    participant_a.attributes = {"years": 3, "age_group": "18-34", "legacy": "kept"}
    participant_a.save()
    data = body(
        participant_a.site,
        code=participant_a.code,
        attr_age_group="35-64",
        attr_arrived="2020-01-15",
        **{"consent-given_on": "2019-03-01", "consent-withdrawn_on": "2024-05-02"},
    )
    response = login(researcher).post(edit_url(participant_a), data)
    participant_a.refresh_from_db()
    assert response.status_code == 302
    # an emptied attribute is removed; one the study no longer defines is left alone
    assert participant_a.attributes == {"age_group": "35-64", "arrived": "2020-01-15", "legacy": "kept"}
    consent = Consent.objects.get(participant=participant_a)
    assert consent.withdrawn_on == datetime.date(2024, 5, 2) and consent.may_be_quoted is False
    assert Consent.objects.count() == 1


def test_edit_form_shows_the_stored_values(login, researcher, study, participant_a, definitions):
    participant_a.attributes = {"years": 7, "arrived": "2016-09-30", "age_group": "65+"}
    participant_a.save()
    html = login(researcher).get(edit_url(participant_a)).content.decode()
    assert 'value="R-MTL1-01"' in html
    assert 'name="attr_years" value="7"' in html
    assert 'value="2016-09-30"' in html
    assert '<option value="65+" selected>' in html
    assert 'name="consent-given_on" value="2019-03-01"' in html


def test_missing_code_re_renders_with_the_error_in_french(login, researcher, study, site_a, participant_a):
    before = row_counts()
    response = login(researcher).post(create_url(study), body(site_a, code=""))
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert response.context["form"].errors["code"]
    assert row_counts() == before


def test_error_follows_the_users_chosen_language(login, researcher, study, site_a, settings):
    client = login(researcher)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # what the language switcher sets
    response = client.post(create_url(study), body(site_a, code=""))
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("attr_years", "douze"), ("attr_arrived", "2015-13-45"), ("attr_age_group", "99+"), ("kind", "mayor")],
)
def test_invalid_values_are_refused(login, researcher, study, site_a, definitions, field, value):
    before = row_counts()
    response = login(researcher).post(create_url(study), body(site_a, **{field: value}))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert row_counts() == before


def test_invalid_edit_changes_nothing(login, researcher, study, participant_a, definitions):
    data = body(participant_a.site, code=participant_a.code, kind="resident", attr_years="beaucoup", role_title="Neuf")
    response = login(researcher).post(edit_url(participant_a), data)
    participant_a.refresh_from_db()
    assert response.status_code == 400
    assert participant_a.role_title == "" and participant_a.attributes == {}


def test_duplicate_pseudonym_code_is_refused_whatever_the_case(login, researcher, study, site_a, participant_a):
    before = row_counts()
    response = login(researcher).post(create_url(study), body(site_a, code="r-mtl1-01"))
    assert response.status_code == 400
    assert "code" in response.context["form"].errors
    assert row_counts() == before


def test_same_code_in_another_study_is_fine(login, researcher, study, site_a, other_site):
    factory.make_participant(other_site.study, other_site, "R-MTL1-02")
    assert login(researcher).post(create_url(study), body(site_a)).status_code == 302


def test_code_that_would_break_its_own_address_is_refused(login, researcher, study, site_a):
    response = login(researcher).post(create_url(study), body(site_a, code="R/MTL1/02"))
    assert response.status_code == 400
    assert "code" in response.context["form"].errors
    assert not Participant.objects.exists()


def test_estate_of_another_site_is_refused(login, researcher, study, site_a, site_b):
    estate_b = factory.make_estate(site_b)
    response = login(researcher).post(create_url(study), body(site_a, housing_estate=estate_b.pk))
    assert response.status_code == 400
    assert "housing_estate" in response.context["form"].errors
    assert not Participant.objects.exists()


def test_estate_of_another_study_is_not_a_choice(login, researcher, study, site_a, other_site):
    estate = factory.make_estate(other_site)
    response = login(researcher).post(create_url(study), body(site_a, housing_estate=estate.pk))
    assert response.status_code == 400
    assert not Participant.objects.exists()


def test_site_limited_editor_cannot_place_a_participant_on_another_site(login, study, site_a, site_b):
    limited = factory.make_user("researcher.a@example.test")
    factory.make_membership(limited, study, "researcher", [site_a])
    response = login(limited).post(create_url(study), body(site_b))
    assert response.status_code == 400
    assert "site" in response.context["form"].errors


def test_consent_withdrawn_before_given_is_refused(login, researcher, study, site_a):
    data = body(site_a, **{"consent-given_on": "2020-01-01", "consent-withdrawn_on": "2019-01-01"})
    response = login(researcher).post(create_url(study), data)
    assert response.status_code == 400
    assert "withdrawn_on" in response.context["consent_form"].errors
    assert row_counts() == (0, 0)


def test_withdrawal_without_a_consent_date_is_refused_not_dropped(login, researcher, study, site_a):
    response = login(researcher).post(create_url(study), body(site_a, **{"consent-withdrawn_on": "2021-01-01"}))
    assert response.status_code == 400
    assert "given_on" in response.context["consent_form"].errors
    assert row_counts() == (0, 0)


def test_readers_get_403_on_writes(login, coder, team_b, study, site_a, participant_a, participant_b):
    assert login(coder).post(create_url(study), body(site_a)).status_code == 403
    assert login(coder).post(edit_url(participant_a), body(site_a, code=participant_a.code)).status_code == 403
    assert login(team_b).get(edit_url(participant_b)).status_code == 403
    assert Participant.objects.count() == 2


def test_outsider_gets_404(login, outsider, study, participant_a):
    assert login(outsider).get(create_url(study)).status_code == 404
    assert login(outsider).get(edit_url(participant_a)).status_code == 404
