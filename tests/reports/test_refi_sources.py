"""Interviews an import writes in bulk are the interviews the interviews app writes: the same version, speaker
turns and search passages as creating the interview and saving its text through interviews.services."""

import pytest

from interviews.models import Interview, Passage, SpeakerTurn
from interviews.search import search_passages
from reports.refi import import_
from tests import factory
from tests.reports.refi_files import (
    SOURCE_GUID,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    project_xml,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")

TEXT = (
    "Entretien du 3 mai, local communautaire.\n"
    "INTERVIEWEUSE : Comment le comité a-t-il commencé ?\n"
    "Marie : Au café 😀, avec l'OMH.\n\n"
    "  Une note hors tour.  \n"
    "[00:12:03] Marie : Ensuite la table de concertation."
)


def rows(interview):
    version = interview.current_version
    turns = SpeakerTurn.objects.filter(version=version).order_by("start")
    passages = Passage.objects.filter(interview=interview).order_by("start")
    return (
        (version.number, version.text),
        list(turns.values_list("start", "end", "body_start", "label", "speaker", "is_interviewer", "started_at")),
        list(passages.values_list("version__number", "start", "end", "text", "speaker", "is_interviewer")),
    )


def test_an_imported_interview_has_the_rows_the_interviews_app_gives_a_first_version(study, site_a, researcher):
    archive = make_qdpx({"project.qde": project_xml([(0, 9)]), f"sources/{SOURCE_GUID}.txt": TEXT})
    import_.import_file(study, name="autre.qdpx", data=archive, by=researcher, site=site_a)
    imported = Interview.objects.get(study=study)
    made = factory.make_interview(study, site_a, "Témoin", text=TEXT, author=researcher)
    assert rows(imported) == rows(made)
    assert imported.status == Interview.Status.READY and imported.current_version.author == researcher


def test_an_imported_interview_is_found_by_the_transcript_search(study, site_a, researcher):
    archive = make_qdpx({"project.qde": project_xml([(0, 9)]), f"sources/{SOURCE_GUID}.txt": TEXT})
    import_.import_file(study, name="autre.qdpx", data=archive, by=researcher, site=site_a)
    found = search_passages(Passage.objects.filter(interview__study=study), "concertation")
    assert [passage.interview.title for passage in found] == ["Entretien importé"]
