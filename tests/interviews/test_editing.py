"""Correcting a transcript: each save is a new version, the old ones stay readable and comparable."""

import pytest
from django.urls import reverse
from django.utils import translation

from interviews import services
from interviews.models import Passage, TranscriptVersion
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "I : Bonjour.\nR : J'habite ici depuis 2009.\nI : Et le comité ?\nR : Il se réunit chaque mois."


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def interview(study, site_a, participant_a):
    return factory.make_interview(
        study, site_a, "Entretien R", text=TEXT, participants=[(participant_a, "R")], interviewer_label="I"
    )


def edit_url(interview):
    # The edit page lives in coding, which carries the coded excerpts onto the new version.
    return reverse("coding:transcript_edit", args=["etude", interview.pk])


def test_the_edit_page_shows_the_current_text(login, researcher, interview):
    response = login(researcher).get(edit_url(interview))
    assert response.status_code == 200
    assert "J&#x27;habite ici depuis 2009." in response.content.decode()


def test_saving_an_edit_makes_a_new_version_with_its_turns_mapped_as_before(
    login, researcher, interview, participant_a
):
    edited = TEXT.replace("2009", "2008") + "\r\nI : Merci beaucoup.   \r\n"
    response = login(researcher).post(edit_url(interview), {"text": edited, "note": "année corrigée"})
    assert response.status_code == 302
    interview.refresh_from_db()
    version = interview.current_version
    assert (version.number, version.note, version.author.email) == (2, "année corrigée", "researcher@example.test")
    assert version.text == TEXT.replace("2009", "2008") + "\nI : Merci beaucoup."
    turns = list(version.turns.order_by("start"))
    assert [(t.label, t.is_interviewer, t.speaker_id) for t in turns] == [
        ("I", True, None),
        ("R", False, participant_a.pk),
        ("I", True, None),
        ("R", False, participant_a.pk),
        ("I", True, None),
    ]
    assert version.text[turns[-1].body_start : turns[-1].end] == "Merci beaucoup."
    assert TranscriptVersion.objects.get(interview=interview, number=1).text == TEXT
    assert set(Passage.objects.filter(interview=interview).values_list("version_id", flat=True)) == {version.pk}


def test_saving_the_same_text_makes_no_version(login, researcher, interview):
    response = login(researcher).post(edit_url(interview), {"text": TEXT.replace("\n", "\r\n"), "note": ""})
    assert response.status_code == 302
    assert TranscriptVersion.objects.filter(interview=interview).count() == 1


def test_an_empty_text_is_refused(login, researcher, interview):
    response = login(researcher).post(edit_url(interview), {"text": "  \n ", "note": ""})
    assert response.status_code == 400
    assert TranscriptVersion.objects.filter(interview=interview).count() == 1


def test_the_first_version_can_be_typed(login, researcher, study, site_a):
    notes = factory.make_interview(study, site_a, "Notes", kind="observation")
    response = login(researcher).post(edit_url(notes), {"text": "Présents : six partenaires.\nDécision : on continue."})
    assert response.status_code == 302
    notes.refresh_from_db()
    assert notes.current_version.number == 1
    assert notes.current_version.turns.count() == 0
    assert notes.passages.count() == 2


def test_readers_get_403_and_other_sites_404_on_edit(login, coder, team_b, interview):
    assert login(coder).get(edit_url(interview)).status_code == 403
    assert login(coder).post(edit_url(interview), {"text": "x"}).status_code == 403
    assert login(team_b).post(edit_url(interview), {"text": "x"}).status_code == 404
    assert TranscriptVersion.objects.filter(interview=interview).count() == 1


# versions and diff


@pytest.fixture
def two_versions(interview, researcher):
    services.save_transcript_edit(
        interview, text=TEXT.replace("2009", "<b>2008</b>") + "\nI : Merci.", author=researcher, note="corrigé"
    )
    return interview


def test_the_versions_page_lists_every_version_newest_first(login, coder, two_versions):
    response = login(coder).get(reverse("interviews:version_list", args=["etude", two_versions.pk]))
    assert response.status_code == 200
    assert [v.number for v in response.context["versions"]] == [2, 1]
    assert [v.turn_count for v in response.context["versions"]] == [5, 4]
    assert "corrigé" in response.content.decode()


def test_an_old_version_stays_readable(login, coder, two_versions):
    response = login(coder).get(reverse("interviews:version_detail", args=["etude", two_versions.pk, 1]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "depuis 2009." in page and "2008" not in page
    assert login(coder).get(reverse("interviews:version_detail", args=["etude", two_versions.pk, 9])).status_code == 404


def test_the_diff_shows_removed_and_added_lines_escaped(login, coder, two_versions):
    url = reverse("interviews:version_diff", args=["etude", two_versions.pk]) + "?from=1&to=2"
    response = login(coder).get(url)
    assert response.status_code == 200
    kinds = [(row.kind, row.text) for row in response.context["rows"] if row.kind != "equal"]
    assert kinds == [
        ("delete", "R : J'habite ici depuis 2009."),
        ("insert", "R : J'habite ici depuis <b>2008</b>."),
        ("insert", "I : Merci."),
    ]
    page = response.content.decode()
    assert "&lt;b&gt;2008&lt;/b&gt;" in page and "<b>2008</b>" not in page
    assert 'class="diff__delete"' in page and 'class="diff__insert"' in page


def test_a_diff_with_an_unknown_version_is_404(login, coder, two_versions):
    url = reverse("interviews:version_diff", args=["etude", two_versions.pk])
    client = login(coder)
    assert client.get(url + "?from=1&to=7").status_code == 404
    assert client.get(url + "?from=a&to=2").status_code == 404
    assert client.get(url + "?to=2").status_code == 404


def test_the_diff_without_versions_named_shows_the_last_change(login, coder, two_versions):
    response = login(coder).get(reverse("interviews:version_diff", args=["etude", two_versions.pk]))
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)


@pytest.mark.parametrize("persona", ["team_b", "partner", "outsider"])
def test_versions_of_another_sites_interview_are_404(persona, request, login, two_versions):
    client = login(request.getfixturevalue(persona))
    for url in (
        reverse("interviews:version_list", args=["etude", two_versions.pk]),
        reverse("interviews:version_detail", args=["etude", two_versions.pk, 1]),
        reverse("interviews:version_diff", args=["etude", two_versions.pk]) + "?from=1&to=2",
    ):
        assert client.get(url).status_code == 404
