"""Real names stay in the identity table: no export carries them, even the admin's (pseudonyms everywhere else)."""

import io
import zipfile

import pytest
from django.urls import reverse

from reports.refi.export import export_project
from sites.exports import participants_csv
from sites.models import AttributeDefinition, Participant, ParticipantIdentity
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")
REAL_NAME = "Josianne Fictive-Laroche"


@pytest.fixture
def coded(study, site_a, participant_a, admin):
    ParticipantIdentity.objects.create(participant=participant_a, full_name=REAL_NAME, email="josianne@example.test")
    text = "I : Bonjour.\nR : Je participe au comité depuis longtemps, avec mes voisines."
    interview = factory.make_interview(study, site_a, "Entretien", participants=[(participant_a, "R")], text=text)
    factory.make_excerpt(interview, 17, 60, codes=[factory.make_code(study, "Comité")], coder=admin)


def test_no_export_carries_a_real_name(coded, study, admin, login):
    client = login(admin)
    codings = client.post(reverse("reports:export_codings", args=["etude"]), {"format": "csv"}).content.decode()
    assert "R-MTL1-01" in codings
    people = participants_csv(Participant.objects.filter(study=study), AttributeDefinition.objects.none())
    assert "R-MTL1-01" in people
    archive = zipfile.ZipFile(io.BytesIO(export_project(study, user=admin).content))
    project = " ".join(archive.read(name).decode() for name in archive.namelist())
    assert "R-MTL1-01" in project
    for text in (codings, people, project):
        assert "Josianne" not in text and "josianne@" not in text
