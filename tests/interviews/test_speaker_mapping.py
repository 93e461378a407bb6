"""The speaker page: detected labels, a proposal, and the researcher's confirmation in one form."""

import pytest
from django.urls import reverse
from django.utils import translation

from interviews.models import InterviewParticipant
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

GROUP = (
    "Entretien de groupe\n"
    "Intervieweuse : Bonjour à toutes.\n"
    "R-MTL1-01 : Bonjour.\n"
    "Julie : Moi c'est Julie.\n"
    "Intervieweuse : Merci d'être là.\n"
    "R-MTL1-01 : Avec plaisir.\n"
    "Julie : Oui, merci."
)


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def julie(study, site_a):
    return factory.make_participant(study, site_a, "T-MTL1-02", kind="field_worker")


@pytest.fixture
def interview(study, site_a, participant_a, julie):
    return factory.make_interview(study, site_a, "Groupe", kind="group", text=GROUP, participants=[(julie, "")])


def url(interview):
    return reverse("interviews:speaker_mapping", args=["etude", interview.pk])


def test_the_page_lists_each_label_with_a_proposal(login, researcher, interview, participant_a):
    response = login(researcher).get(url(interview))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.labels == [("Intervieweuse", 2), ("R-MTL1-01", 2), ("Julie", 2)]
    assert form.initial == {"label_0": "interviewer", "label_1": f"participant:{participant_a.pk}"}
    assert response.context["proposed"] == {"label_0", "label_1"}
    choices = [value for value, _label in form.fields["label_2"].choices]
    assert choices[:3] == ["", "interviewer", f"participant:{interview.participants.get().pk}"]  # own first


def test_confirming_maps_the_turns_and_remembers_the_labels(login, researcher, interview, participant_a, julie):
    body = {
        "label_0": "interviewer",
        "label_1": f"participant:{participant_a.pk}",
        "label_2": f"participant:{julie.pk}",
    }
    response = login(researcher).post(url(interview), body)
    assert response.status_code == 302
    version = interview.current_version
    mapped = {(t.label, t.speaker_id, t.is_interviewer) for t in version.turns.all()}
    assert mapped == {("Intervieweuse", None, True), ("R-MTL1-01", participant_a.pk, False), ("Julie", julie.pk, False)}
    interview.refresh_from_db()
    assert interview.interviewer_label == "Intervieweuse"
    labels = dict(
        InterviewParticipant.objects.filter(interview=interview).values_list("participant__code", "speaker_label")
    )
    assert labels == {"R-MTL1-01": "R-MTL1-01", "T-MTL1-02": "Julie"}
    assert interview.passages.filter(speaker=julie).count() == 2
    assert interview.passages.filter(is_interviewer=True).count() == 2
    page = login(researcher).get(reverse("interviews:interview_detail", args=["etude", interview.pk])).content.decode()
    assert "T-MTL1-02" in page and "unmapped" not in page


def test_a_label_can_be_set_back_to_nobody(login, researcher, interview, participant_a):
    client = login(researcher)
    client.post(url(interview), {"label_0": "interviewer", "label_1": f"participant:{participant_a.pk}", "label_2": ""})
    client.post(url(interview), {"label_0": "", "label_1": f"participant:{participant_a.pk}", "label_2": ""})
    interview.refresh_from_db()
    assert interview.interviewer_label == ""
    assert not interview.current_version.turns.filter(is_interviewer=True).exists()


def test_the_mapping_carries_over_to_the_next_version(login, researcher, interview, participant_a, julie):
    from interviews.services import save_transcript_edit

    client = login(researcher)
    client.post(
        url(interview),
        {"label_0": "interviewer", "label_1": f"participant:{participant_a.pk}", "label_2": f"participant:{julie.pk}"},
    )
    save_transcript_edit(interview, text=GROUP + "\nJulie : Une dernière chose.", author=researcher)
    last = interview.current_version.turns.order_by("-start").first()
    assert (last.label, last.speaker_id) == ("Julie", julie.pk)


def test_a_participant_of_another_study_is_refused(login, researcher, interview, other_study, other_site):
    stranger = factory.make_participant(other_study, other_site, "R-MTL9-01")
    response = login(researcher).post(url(interview), {"label_0": f"participant:{stranger.pk}"})
    assert response.status_code == 400
    assert not interview.current_version.turns.exclude(speaker=None).exists()


def test_an_unknown_choice_re_renders_with_an_error(login, researcher, interview):
    response = login(researcher).post(url(interview), {"label_0": "somebody"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_an_interview_without_labels_says_so(login, researcher, study, site_a):
    notes = factory.make_interview(study, site_a, "Notes", kind="observation", text="Présents : six partenaires.")
    response = login(researcher).get(url(notes))
    assert response.status_code == 200
    assert "No speaker label was found" in response.content.decode()


def test_readers_get_403_and_other_sites_404(login, coder, team_b, interview):
    assert login(coder).get(url(interview)).status_code == 403
    assert login(coder).post(url(interview), {"label_0": "interviewer"}).status_code == 403
    assert login(team_b).get(url(interview)).status_code == 404
    assert not interview.current_version.turns.filter(is_interviewer=True).exists()
