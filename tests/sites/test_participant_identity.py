"""Real names and contacts: readable and writable by study admins only, shown nowhere else."""

import pytest
from django.urls import reverse

from sites.models import ParticipantIdentity

pytestmark = pytest.mark.usefixtures("fast_passwords")

REAL_NAME = "Gisèle Nomréel-Fictif"
REAL_EMAIL = "gisele.fictif@example.test"


@pytest.fixture
def identity(participant_a):
    return ParticipantIdentity.objects.create(participant=participant_a, full_name=REAL_NAME, email=REAL_EMAIL)


def identity_url(participant):
    return reverse("sites:participant_identity", args=[participant.study.slug, participant.code])


def test_admin_reads_the_identity(login, admin, participant_a, identity):
    response = login(admin).get(identity_url(participant_a))
    assert response.status_code == 200
    assert REAL_NAME in response.content.decode()


def test_admin_records_an_identity(login, admin, participant_b):
    data = {"full_name": "Nom Fictif", "email": "nom.fictif@example.test", "phone": "555-0100"}
    response = login(admin).post(identity_url(participant_b), data)
    assert response.status_code == 302
    assert response.url == reverse("sites:participant_detail", args=["etude", participant_b.code])
    assert participant_b.identity.full_name == "Nom Fictif"


def test_admin_corrects_an_identity(login, admin, participant_a, identity):
    login(admin).post(identity_url(participant_a), {"full_name": "Nom corrigé", "email": ""})
    identity.refresh_from_db()
    assert (identity.full_name, identity.email) == ("Nom corrigé", "")
    assert ParticipantIdentity.objects.count() == 1


def test_invalid_identity_re_renders_in_french_and_changes_nothing(login, admin, participant_a, identity):
    response = login(admin).post(identity_url(participant_a), {"full_name": "", "email": "pas une adresse"})
    identity.refresh_from_db()
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert set(response.context["form"].errors) == {"full_name", "email"}
    assert identity.full_name == REAL_NAME


@pytest.mark.parametrize("persona", ["researcher", "coder", "team_b", "partner", "outsider", "other_admin"])
def test_everyone_else_is_told_the_page_does_not_exist(request, login, persona, participant_a, participant_b, identity):
    client = login(request.getfixturevalue(persona))
    assert client.get(identity_url(participant_a)).status_code == 404
    assert client.post(identity_url(participant_b), {"full_name": "Intrus"}).status_code == 404
    assert list(ParticipantIdentity.objects.values_list("full_name", flat=True)) == [REAL_NAME]


@pytest.mark.parametrize("persona", ["admin", "researcher", "coder"])
def test_participant_pages_never_show_the_identity(request, login, persona, study, participant_a, identity):
    client = login(request.getfixturevalue(persona))
    pages = [
        reverse("sites:participant_list", args=[study.slug]),
        reverse("sites:participant_detail", args=[study.slug, participant_a.code]),
        reverse("sites:study_dashboard", args=[study.slug]),
    ]
    if persona != "coder":
        pages.append(reverse("sites:participant_edit", args=[study.slug, participant_a.code]))
    for page in pages:
        html = client.get(page).content.decode()
        assert REAL_NAME not in html and REAL_EMAIL not in html, page


def test_identity_link_shows_for_admins_only(login, admin, researcher, participant_a):
    detail = reverse("sites:participant_detail", args=["etude", participant_a.code])
    assert identity_url(participant_a) in login(admin).get(detail).content.decode()
    assert identity_url(participant_a) not in login(researcher).get(detail).content.decode()
