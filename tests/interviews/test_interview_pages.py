"""The interview list, the create/edit form, the reading view and the status change."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from interviews.models import Interview, InterviewParticipant
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = (
    "Rencontre du 3 mai\n"
    "INTERVIEWEUSE : Bonjour <script>alert(1)</script> & bienvenue.\n"
    "Marie : Merci, j'habite l'ensemble depuis 2009.\n"
    "INTERVIEWEUSE : Et le comité ?\n"
    "Marie : On se réunit chaque mois 🙂."
)


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def interview(study, site_a, participant_a):
    return factory.make_interview(
        study,
        site_a,
        "Entretien Marie",
        text=TEXT,
        participants=[(participant_a, "Marie")],
        interviewer_label="INTERVIEWEUSE",
        date=datetime.date(2019, 5, 3),
    )


def list_url(**query):
    from urllib.parse import urlencode

    return reverse("interviews:interview_list", args=["etude"]) + ("?" + urlencode(query) if query else "")


def detail_url(interview, **query):
    return reverse("interviews:interview_detail", args=["etude", interview.pk]) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


# list


def test_the_list_shows_the_interviews_of_the_users_sites_only(login, coder, team_b, study, site_a, site_b):
    factory.make_interview(study, site_a, "Entretien au MTL1")
    factory.make_interview(study, site_b, "Entretien au QC1")
    coder_page = login(coder).get(list_url()).content.decode()
    assert "Entretien au MTL1" in coder_page and "Entretien au QC1" not in coder_page
    team_page = login(team_b).get(list_url()).content.decode()
    assert "Entretien au QC1" in team_page and "Entretien au MTL1" not in team_page


def test_the_list_filters_by_site_kind_status_and_participant_kind(
    login, researcher, study, site_a, site_b, participant_a
):
    partner_person = factory.make_participant(study, site_b, "P-QC1-01", kind="partner")
    factory.make_interview(study, site_a, "Résidente", participants=[(participant_a, "")])
    factory.make_interview(study, site_b, "Partenaire", participants=[(partner_person, "")])
    notes = factory.make_interview(study, site_b, "Notes de comité", kind="observation")
    Interview.objects.filter(pk=notes.pk).update(status="ready")
    client = login(researcher)

    def titles(**query):
        page = client.get(list_url(**query)).context["page"]
        return sorted(interview.title for interview in page)

    assert titles() == ["Notes de comité", "Partenaire", "Résidente"]
    assert titles(site=site_b.pk) == ["Notes de comité", "Partenaire"]
    assert titles(kind="observation") == ["Notes de comité"]
    assert titles(status="ready") == ["Notes de comité"]
    assert titles(participant_kind="partner") == ["Partenaire"]
    assert titles(participant_kind="resident", site=site_b.pk) == []


def test_the_list_is_paginated_with_a_pinned_number_of_queries(
    login, researcher, study, site_a, participant_a, django_assert_max_num_queries
):
    for number in range(55):
        factory.make_interview(study, site_a, f"Entretien {number:02d}", participants=[(participant_a, "")], text=TEXT)
    client = login(researcher)
    # session, user, grants, study, navigation, sites of the filter, count, interviews, their participants
    with django_assert_max_num_queries(9):
        response = client.get(list_url())
    assert len(response.context["page"].object_list) == 50
    assert "Page 1 of 2" in response.content.decode()
    assert len(client.get(list_url(page=2)).context["page"].object_list) == 5


def test_the_list_answers_htmx_with_its_results_fragment(login, researcher, interview):
    response = login(researcher).get(list_url(kind="individual"), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results"')
    assert "Entretien Marie" in page and "<html" not in page


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_who_is_not_a_reader_of_the_study_gets_404_on_the_list(persona, request, login, interview):
    assert login(request.getfixturevalue(persona)).get(list_url()).status_code == 404


# create and edit


def create_body(site, participant, **extra):
    body = {
        "site": site.pk,
        "kind": "individual",
        "title": "Entretien avec une résidente",
        "date": "2019-06-01",
        "interviewer_label": "INTERVIEWEUSE",
        "participants-TOTAL_FORMS": "3",
        "participants-INITIAL_FORMS": "0",
        "participants-0-participant": participant.pk,
        "participants-0-speaker_label": "Marie",
        "participants-1-participant": "",
        "participants-1-speaker_label": "",
        "participants-2-participant": "",
        "participants-2-speaker_label": "",
    }
    body.update(extra)
    return body


def test_a_researcher_creates_an_interview_with_its_participants(login, researcher, site_a, participant_a):
    url = reverse("interviews:interview_create", args=["etude"])
    assert login(researcher).get(url).status_code == 200
    response = login(researcher).post(url, create_body(site_a, participant_a))
    interview = Interview.objects.get()
    assert response.url == detail_url(interview)
    assert (interview.title, interview.kind, interview.status) == (
        "Entretien avec une résidente",
        "individual",
        "draft",
    )
    assert interview.created_by == researcher and interview.date == datetime.date(2019, 6, 1)
    assert list(InterviewParticipant.objects.values_list("participant__code", "speaker_label")) == [
        ("R-MTL1-01", "Marie")
    ]


def test_invalid_create_input_re_renders_with_errors(login, researcher, site_a, participant_a, participant_b):
    url = reverse("interviews:interview_create", args=["etude"])
    body = create_body(
        site_a,
        participant_a,
        title="",
        **{"participants-1-participant": participant_b.pk, "participants-1-speaker_label": "marie"},
    )
    response = login(researcher).post(url, body)
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page and "Two participants cannot share a label." in page
    assert not Interview.objects.exists()


def test_a_label_without_a_participant_is_an_error(login, researcher, site_a, participant_a):
    body = create_body(site_a, participant_a, **{"participants-1-speaker_label": "Paul"})
    response = login(researcher).post(reverse("interviews:interview_create", args=["etude"]), body)
    assert response.status_code == 400
    assert "Choose the participant this label stands for." in response.content.decode()


def test_readers_get_403_on_create(login, coder, team_b, site_a, participant_a):
    url = reverse("interviews:interview_create", args=["etude"])
    for user in (coder, team_b):
        assert login(user).get(url).status_code == 403
        assert login(user).post(url, create_body(site_a, participant_a)).status_code == 403
    assert not Interview.objects.exists()


def test_editing_the_participants_remaps_the_turns(login, researcher, interview, study, site_a, participant_a):
    other = factory.make_participant(study, site_a, "R-MTL1-02")
    url = reverse("interviews:interview_edit", args=["etude", interview.pk])
    body = create_body(
        site_a,
        other,
        title="Entretien Marie",
        **{"participants-INITIAL_FORMS": "1", "participants-TOTAL_FORMS": "4"},
        **{"participants-3-participant": "", "participants-3-speaker_label": ""},
    )
    assert login(researcher).post(url, body).status_code == 302
    speakers = set(interview.current_version.turns.filter(label="Marie").values_list("speaker__code", flat=True))
    assert speakers == {"R-MTL1-02"}
    assert interview.passages.filter(speaker__code="R-MTL1-02").exists()
    assert not interview.passages.filter(speaker=participant_a).exists()


# reading view


def test_the_reading_view_shows_turn_blocks_with_their_offsets_and_speakers(login, coder, interview):
    response = login(coder).get(detail_url(interview))
    assert response.status_code == 200
    page = response.content.decode()
    turns = list(interview.current_version.turns.order_by("start"))
    assert len(turns) == 4
    for turn in turns:
        assert f'id="t-{turn.start}" data-start="{turn.start}" data-end="{turn.end}"' in page
    assert page.count(">R-MTL1-01<") >= 2 or page.count("R-MTL1-01") >= 3
    assert "Interviewer" in page
    assert 'id="t-0"' in page  # the heading line before the first turn is a block of its own
    assert "On se réunit chaque mois 🙂." in page


def test_transcript_text_is_always_escaped(login, researcher, interview):
    page = login(researcher).get(detail_url(interview)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "Bonjour &lt;script&gt;alert(1)&lt;/script&gt; &amp; bienvenue." in page


def test_the_interviewers_turns_can_be_hidden_and_htmx_gets_only_the_transcript(login, researcher, interview):
    client = login(researcher)
    interviewer_turn = interview.current_version.turns.filter(is_interviewer=True).first()
    response = client.get(detail_url(interview, interviewer="hide"), headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="transcript"')
    assert "<html" not in fragment
    assert f'id="t-{interviewer_turn.start}"' not in fragment
    assert "j&#x27;habite l&#x27;ensemble" in fragment
    assert f'id="t-{interviewer_turn.start}"' in client.get(detail_url(interview)).content.decode()


def test_the_reading_view_reads_the_transcript_in_a_few_queries(
    login, researcher, interview, django_assert_max_num_queries
):
    client = login(researcher)
    with django_assert_max_num_queries(10):
        assert client.get(detail_url(interview)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "status"),
    [("admin", 200), ("coder", 200), ("team_b", 404), ("partner", 404), ("outsider", 404), ("other_admin", 404)],
)
def test_who_may_read_an_interview_of_site_a(persona, status, request, login, interview):
    assert login(request.getfixturevalue(persona)).get(detail_url(interview)).status_code == status


def test_an_interview_without_text_invites_an_upload(login, researcher, study, site_a):
    empty = factory.make_interview(study, site_a, "Vide")
    page = login(researcher).get(detail_url(empty)).content.decode()
    assert reverse("interviews:transcript_upload", args=["etude", empty.pk]) in page


# status


def status_url(interview):
    return reverse("interviews:interview_status", args=["etude", interview.pk])


def test_a_researcher_moves_the_status_along(login, researcher, interview):
    response = login(researcher).post(status_url(interview), {"status": "ready"})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "ready"


def test_an_interview_without_text_cannot_be_ready_for_coding(login, researcher, study, site_a):
    empty = factory.make_interview(study, site_a, "Vide")
    response = login(researcher).post(status_url(empty), {"status": "ready"})
    assert response.status_code == 400
    assert "needs a transcript" in response.content.decode()
    empty.refresh_from_db()
    assert empty.status == "draft"


def test_an_unknown_status_re_renders_with_an_error(login, researcher, interview):
    response = login(researcher).post(status_url(interview), {"status": "published"})
    assert response.status_code == 400
    interview.refresh_from_db()
    assert interview.status == "draft"


def test_a_coder_gets_403_and_team_b_404_on_the_status(login, coder, team_b, interview):
    assert login(coder).post(status_url(interview), {"status": "ready"}).status_code == 403
    assert login(team_b).post(status_url(interview), {"status": "ready"}).status_code == 404
    interview.refresh_from_db()
    assert interview.status == "draft"
