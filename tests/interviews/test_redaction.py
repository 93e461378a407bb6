"""Marking identifying spans: masking keeps offsets, suggestions find the study's names, the page marks and unmarks,
redactions follow new versions, and the original file is then for admins only."""

import pytest
from django.urls import reverse

from coding import services as coding
from interviews import services
from interviews.models import Redaction
from interviews.redaction import MASK, find_names, masked
from sites.models import ParticipantIdentity
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = (
    "I : Bonjour, pouvez-vous vous présenter ?\n"
    "R : Je m'appelle Marie Tremblay, je travaille au Comité Soleil depuis 2015.\n"
    "I : Et Marie-Ève ?\n"
    "R : Elle vient au Comité Soleil le mardi."
)


@pytest.fixture
def interview(study, site_a, participant_a, media_root):
    interview = factory.make_interview(study, site_a, "Entretien", participants=[(participant_a, "R")])
    services.import_transcript(interview, name="entretien_Tremblay.txt", data=TEXT.encode(), author=None)
    interview.refresh_from_db()
    return interview


@pytest.fixture
def names(study, participant_a):
    factory.make_organization(study, "Comité Soleil", acronym="CS")
    ParticipantIdentity.objects.create(participant=participant_a, full_name="Marie Tremblay")


def page(interview):
    return reverse("interviews:redaction_list", args=[interview.study.slug, interview.pk])


def test_a_masked_span_keeps_its_length_and_line_ends():
    text = "Marie\nTremblay dit oui"
    assert masked(text, [(0, 14)]) == MASK * 5 + "\n" + MASK * 8 + " dit oui"
    assert len(masked(text, [(3, 9), (6, 20)])) == len(text)
    assert masked("abcdefghij", [(2, 6), (1, 4), (8, 8)]) == "a" + MASK * 5 + "ghij"  # overlapping, unsorted, empty
    # offsets of a larger text: the quote [10, 20) of it, with a redaction at [12, 15)
    assert masked("abcdefghij", [(12, 15), (40, 50)], offset=10) == "ab" + MASK * 3 + "fghij"
    assert masked(text, []) is text


def test_names_are_found_as_whole_words_only():
    found = find_names(
        "Marie et Marie-Ève, mais pas Mariette; COMITÉ soleil.",
        [("Marie", "identity"), ("Comité Soleil", "organization")],
    )
    assert [(f.name, f.start, f.end) for f in found] == [("Marie", 0, 5), ("Marie", 9, 14), ("Comité Soleil", 39, 52)]
    assert find_names("OF is short", [("OF", "organization")]) == []


def test_suggestions_name_real_names_only_to_admins(login, admin, researcher, interview, names):
    response = login(admin).get(page(interview))
    found = {(s.name, s.source, s.matched) for s in response.context["suggestions"]}
    assert ("Marie Tremblay", "identity", "Marie Tremblay") in found
    assert ("Marie", "identity", "Marie") in found  # a first name alone is suggested too
    assert ("Comité Soleil", "organization", "Comité Soleil") in found
    assert "nom réel (table des identités)" in response.content.decode()
    response = login(researcher).get(page(interview))
    assert {s.source for s in response.context["suggestions"]} == {"organization"}
    assert "nom réel" not in response.content.decode()


def test_marking_a_phrase_masks_each_occurrence_in_the_preview(login, researcher, interview, names):
    client = login(researcher)
    response = client.post(page(interview), {"phrase": "Comité  Soleil"})
    assert response.status_code == 302
    spans = list(Redaction.objects.filter(interview=interview).values_list("start", "end", "text"))
    at = TEXT.index("Comité Soleil")
    assert spans[0] == (at, at + 13, "Comité Soleil") and len(spans) == 2
    preview = client.get(page(interview)).content.decode().split("transcript card", 1)[1]
    assert "Comité Soleil" not in preview and MASK * 6 in preview


def test_marking_a_suggested_span_by_offsets(login, researcher, interview):
    start = TEXT.index("Marie Tremblay")
    response = login(researcher).post(page(interview), {"start": start, "end": start + 14})
    assert response.status_code == 302
    assert Redaction.objects.get(interview=interview).text == "Marie Tremblay"


@pytest.mark.parametrize(
    "body",
    [{"phrase": "Introuvable"}, {"start": 5, "end": 5000}, {"start": 9, "end": 3}, {}, {"start": "x", "end": "2"}],
)
def test_bad_input_answers_400_and_stores_nothing(login, researcher, interview, body):
    response = login(researcher).post(page(interview), body)
    assert response.status_code == 400
    assert not Redaction.objects.exists()


def test_unmarking(login, researcher, interview):
    redaction = services.mark_redaction(interview.current_version, start=4, end=11, by=researcher)
    url = reverse("interviews:redaction_remove", args=[interview.study.slug, interview.pk, redaction.pk])
    assert login(researcher).post(url).status_code == 302
    assert not Redaction.objects.exists()


def test_coders_may_not_mark_and_other_sites_do_not_see_the_page(login, coder, team_b, interview):
    assert login(coder).post(page(interview), {"phrase": "Marie"}).status_code == 403
    assert login(team_b).get(page(interview)).status_code == 404
    assert not Redaction.objects.exists()


def test_redactions_follow_a_new_version_and_those_that_cannot_stay_masked_by_their_words(researcher, interview):
    version = interview.current_version
    name_at = TEXT.index("Marie Tremblay")
    services.mark_redaction(version, start=name_at, end=name_at + 14, by=researcher)
    services.mark_redaction(version, start=TEXT.index("2015"), end=TEXT.index("2015") + 4, by=researcher)
    new_text = "Note : entretien du 3 mai.\n" + TEXT.replace("2015", "2016")
    new_version = coding.edit_transcript(interview, text=new_text, author=researcher)
    carried = Redaction.objects.get(text="Marie Tremblay")
    assert (carried.version_id, carried.start) == (new_version.pk, name_at + len("Note : entretien du 3 mai.\n"))
    left = Redaction.objects.get(text="2015")
    assert left.needs_review and left.version_id == version.pk


def test_the_original_file_is_for_admins_once_something_is_masked(login, admin, researcher, coder, interview):
    source = interview.source_files.get()
    url = reverse("interviews:source_download", args=[interview.study.slug, interview.pk, source.pk])
    assert login(coder).get(url).status_code == 200
    services.mark_redaction(interview.current_version, start=4, end=11, by=researcher)
    assert login(coder).get(url).status_code == 403
    assert login(researcher).get(url).status_code == 403
    assert (
        "originals/"
        not in login(researcher)
        .get(reverse("interviews:interview_detail", args=["etude", interview.pk]))
        .content.decode()
    )
    response = login(admin).get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content)
