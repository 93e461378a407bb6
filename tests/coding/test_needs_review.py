"""A new transcript version: excerpts carried, the others listed for review, re-placed or discarded by a researcher."""

import pytest
from django.urls import reverse
from django.utils import translation

from coding.models import Coding, Excerpt, Memo
from interviews import services as interview_services
from interviews.models import TranscriptVersion
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "I : Et le comité ?\nR : Le comité se réunit au local. Le comité décide avec nous."


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def url(name, *args, query=""):
    return reverse(f"coding:{name}", args=["etude", *args]) + query


@pytest.fixture
def interview(study, site_a, participant_a):
    return factory.make_interview(study, site_a, "Entretien R", text=TEXT, participants=[(participant_a, "R")])


@pytest.fixture
def excerpts(study, interview, coder):
    code = factory.make_code(study, "Réunions")
    at = TEXT.index("se réunit au local")
    kept = factory.make_excerpt(interview, at, at + 18, codes=[code], coder=coder)
    at = TEXT.index("Le comité décide")
    lost = factory.make_excerpt(interview, at, at + 16, codes=[code], coder=coder)
    return kept, lost


def edit(client, interview, text):
    return client.post(url("transcript_edit", interview.pk), {"text": text, "note": "relu"})


def test_the_edit_page_warns_that_excerpts_will_be_carried(login, researcher, interview, excerpts):
    page = login(researcher).get(url("transcript_edit", interview.pk)).content.decode()
    assert "2 coded excerpts point into this text" in page


def test_an_edit_carries_excerpts_and_sends_the_changed_ones_to_review(login, researcher, interview, excerpts):
    kept, lost = excerpts
    new = TEXT.replace("Et le comité ?", "Et le comité, il marche ?").replace("Le comité décide", "Il décide")
    response = edit(login(researcher), interview, new)
    assert response.status_code == 302
    assert response.url == url("excerpt_review_list", query=f"?interview={interview.pk}")
    kept.refresh_from_db()
    lost.refresh_from_db()
    interview.refresh_from_db()
    assert kept.version == interview.current_version and new[kept.start : kept.end] == "se réunit au local"
    assert (lost.needs_review, lost.original_quote) == (True, "Le comité décide")
    # It does not jump to the other "Le comité" of the text.
    assert lost.version.number == 1


def test_an_edit_that_keeps_every_excerpt_goes_back_to_the_interview(login, researcher, interview, excerpts):
    response = edit(login(researcher), interview, "Préambule.\n" + TEXT)
    assert response.url == reverse("interviews:interview_detail", args=["etude", interview.pk])
    assert not Excerpt.objects.needing_review().exists()


def test_readers_cannot_edit_the_transcript(login, coder, team_b, interview):
    assert login(coder).get(url("transcript_edit", interview.pk)).status_code == 403
    assert edit(login(coder), interview, "Autre").status_code == 403
    assert edit(login(team_b), interview, "Autre").status_code == 404
    assert TranscriptVersion.objects.filter(interview=interview).count() == 1


@pytest.fixture
def waiting(login, researcher, interview, excerpts):
    new = TEXT.replace("Le comité décide avec nous", "Le comité, lui, décide avec nous")
    edit(login(researcher), interview, new)
    excerpts[1].refresh_from_db()
    return excerpts[1], new


def test_the_review_list_shows_the_original_quote_its_context_and_codes(login, researcher, waiting):
    excerpt, _new = waiting
    response = login(researcher).get(url("excerpt_review_list"))
    assert response.status_code == 200
    assert list(response.context["page"]) == [excerpt]
    page = response.content.decode()
    assert "<mark>Le comité décide</mark>" in page and "au local." in page and "Réunions" in page
    assert url("excerpt_review", excerpt.pk) in page


def test_the_review_list_by_interview_and_its_visibility(login, coder, team_b, researcher, waiting, interview):
    assert login(coder).get(url("excerpt_review_list", query=f"?interview={interview.pk}")).status_code == 200
    assert not login(team_b).get(url("excerpt_review_list")).context["page"].object_list
    assert login(team_b).get(url("excerpt_review_list", query=f"?interview={interview.pk}")).status_code == 404
    page = login(coder).get(url("excerpt_review_list")).content.decode()
    assert url("excerpt_review", waiting[0].pk) not in page, "a coder sees the list but may not re-place"


def test_the_review_page_offers_every_occurrence_of_the_quote(login, researcher, waiting):
    excerpt, new = waiting
    response = login(researcher).get(url("excerpt_review", excerpt.pk))
    assert response.status_code == 200
    assert response.context["search"] == "Le comité décide"
    assert response.context["candidates"] == []
    response = login(researcher).get(url("excerpt_review", excerpt.pk, query="?q=Le comité"))
    assert [c["start"] for c in response.context["candidates"]] == [
        i for i in range(len(new)) if new.startswith("Le comité", i)
    ]


def test_a_researcher_re_places_an_excerpt(login, researcher, waiting, interview):
    excerpt, new = waiting
    start = new.index("Le comité, lui, décide")
    response = login(researcher).post(url("excerpt_review", excerpt.pk), {"start": start, "end": start + 22})
    assert response.status_code == 302
    excerpt.refresh_from_db()
    interview.refresh_from_db()
    assert (excerpt.needs_review, excerpt.quote, excerpt.original_quote) == (False, "Le comité, lui, décide", "")
    assert excerpt.version == interview.current_version
    assert excerpt.codings.count() == 1


@pytest.mark.parametrize(("start", "end"), [(5, 5), (10, 4), (0, 10_000), (-1, 3)])
def test_a_range_outside_the_new_text_is_refused(login, researcher, waiting, start, end):
    excerpt, _new = waiting
    response = login(researcher).post(url("excerpt_review", excerpt.pk), {"start": start, "end": end})
    assert response.status_code == 400
    excerpt.refresh_from_db()
    assert excerpt.needs_review


def test_a_researcher_discards_an_excerpt_and_its_memos_stay(login, researcher, study, waiting, interview):
    excerpt, _new = waiting
    memo = Memo.objects.create(study=study, title="Sur l'extrait", excerpt=excerpt)
    response = login(researcher).post(url("excerpt_review_discard", excerpt.pk))
    assert response.status_code == 302
    assert not Excerpt.objects.filter(pk=excerpt.pk).exists()
    assert not Coding.objects.filter(excerpt_id=excerpt.pk).exists()
    memo.refresh_from_db()
    assert memo.interview == interview


def test_coders_and_team_cannot_re_place_or_discard(login, coder, team_b, waiting):
    excerpt, _new = waiting
    assert login(coder).post(url("excerpt_review", excerpt.pk), {"start": 0, "end": 3}).status_code == 403
    assert login(coder).post(url("excerpt_review_discard", excerpt.pk)).status_code == 403
    assert login(team_b).post(url("excerpt_review_discard", excerpt.pk)).status_code == 404
    assert Excerpt.objects.get(pk=excerpt.pk).needs_review


def test_a_placed_excerpt_cannot_be_discarded_here(login, researcher, excerpts):
    assert login(researcher).post(url("excerpt_review_discard", excerpts[0].pk)).status_code == 403


def test_an_uploaded_version_is_carried_when_the_review_list_is_opened(login, researcher, interview, excerpts):
    kept, lost = excerpts
    interview_services.import_transcript(
        interview, name="v2.txt", data=TEXT.replace("Le comité décide", "On décide").encode(), author=researcher
    )
    response = login(researcher).get(url("excerpt_review_list"))
    assert list(response.context["page"]) == [lost]
    kept.refresh_from_db()
    assert kept.version.number == 2 and not kept.needs_review
