"""Withdrawal of consent: the participant's words leave every version, excerpt, memo and original file; a record
without content stays; only study admins may do it, after typing the pseudonym."""

import os

import pytest
from django.urls import reverse

from coding import services as coding
from coding.models import Coding, ErasureRecord, Excerpt, Memo
from interviews import services
from interviews.models import Passage, SourceFile, SpeakerTurn, TranscriptVersion
from interviews.redaction import MASK
from interviews.search import search_passages
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

ALONE = "I : Parlez-moi du comité.\nR : Le comité des locataires se réunit chez moi chaque jeudi soir."
GROUP = (
    "I : Bienvenue à tous.\n"
    "MARIE : Je coordonne la table de quartier depuis des années.\n"
    "PAUL : Moi je m'occupe du jardin communautaire avec les aînés.\n"
    "MARIE : Et la table se réunit au sous-sol de l'église."
)


@pytest.fixture
def world(study, site_a, participant_a, researcher, media_root):
    paul = factory.make_participant(study, site_a, "P-MTL1-02", kind="partner")
    alone = factory.make_interview(study, site_a, "Individuel", participants=[(participant_a, "R")])
    services.import_transcript(alone, name="individuel.txt", data=ALONE.encode(), author=None)
    coding.edit_transcript(alone, text=ALONE + "\nI : Merci.", author=researcher)
    group = factory.make_interview(
        study, site_a, "Groupe", kind="group", participants=[(participant_a, "MARIE"), (paul, "PAUL")]
    )
    services.import_transcript(group, name="groupe.txt", data=GROUP.encode(), author=None)
    code = factory.make_code(study, "Réseau")
    alone.refresh_from_db()
    group.refresh_from_db()
    alone_excerpt = factory.make_excerpt(alone, ALONE.index("Le comité"), len(ALONE), codes=[code], coder=researcher)
    marie_at = GROUP.index("Je coordonne")
    marie = factory.make_excerpt(group, marie_at, marie_at + 40, codes=[code], coder=researcher)
    paul_at = GROUP.index("Moi je")
    paul_excerpt = factory.make_excerpt(group, paul_at, paul_at + 45, codes=[code], coder=researcher)
    on_excerpt = coding.create_memo(study, author=researcher, kind="analytic", title="Sur l'extrait", anchor=marie)
    quoting = coding.create_memo(
        study,
        author=researcher,
        kind="analytic",
        title="Citation",
        body=f"Elle dit : « {marie.quote} », et Paul aussi.",
    )
    return {
        "alone": alone,
        "group": group,
        "paul": paul,
        "alone_excerpt": alone_excerpt,
        "marie": marie,
        "paul_excerpt": paul_excerpt,
        "on_excerpt": on_excerpt,
        "quoting": quoting,
    }


def test_an_individual_interview_loses_its_whole_text_in_every_version(
    world, participant_a, admin, django_capture_on_commit_callbacks
):
    files = [source.file.path for source in SourceFile.objects.filter(interview=world["alone"])]
    with django_capture_on_commit_callbacks(execute=True):
        record = coding.withdraw_participant(participant_a, by=admin)
    texts = set(TranscriptVersion.objects.filter(interview=world["alone"]).values_list("text", flat=True))
    assert texts == {""}
    assert not Excerpt.objects.filter(interview=world["alone"]).exists()
    assert not SourceFile.objects.filter(interview=world["alone"]).exists()
    assert files and not any(os.path.exists(path) for path in files)
    assert record.interviews == 2 and record.files == 2


def test_in_a_group_interview_only_their_turns_go_and_other_excerpts_stay_in_place(world, participant_a, admin):
    paul_excerpt = world["paul_excerpt"]
    coding.withdraw_participant(participant_a, by=admin)
    text = TranscriptVersion.objects.get(interview=world["group"]).text
    assert len(text) == len(GROUP)
    assert "coordonne" not in text and "église" not in text and "MARIE" not in text
    assert "PAUL : Moi je m'occupe du jardin" in text and MASK in text
    kept = Excerpt.objects.get(pk=paul_excerpt.pk)
    assert text[kept.start : kept.end] == kept.quote == paul_excerpt.quote
    assert not Excerpt.objects.filter(pk=world["marie"].pk).exists()
    assert not Coding.objects.filter(excerpt_id=world["marie"].pk).exists()
    assert not Passage.objects.filter(interview=world["group"], text__contains="coordonne").exists()
    assert Passage.objects.filter(interview=world["group"], text__contains="jardin").exists()


def test_memos_keep_their_place_and_lose_the_quotes(world, participant_a, admin):
    coding.withdraw_participant(participant_a, by=admin)
    moved = Memo.objects.get(pk=world["on_excerpt"].pk)
    assert moved.excerpt_id is None and moved.interview_id == world["group"].pk
    body = Memo.objects.get(pk=world["quoting"].pk).body
    assert "coordonne" not in body and "[…]" in body and "et Paul aussi" in body


def test_the_record_says_who_when_and_how_much_without_content(world, participant_a, admin, study):
    erased = {world["alone_excerpt"].pk, world["marie"].pk}
    turns = SpeakerTurn.objects.filter(version__interview=world["alone"]).count()
    turns += SpeakerTurn.objects.filter(version__interview=world["group"], speaker=participant_a).count()
    record = coding.withdraw_participant(participant_a, by=admin)
    record.refresh_from_db()
    assert (record.erased_by, record.participant_code, record.reason) == (admin, "R-MTL1-01", "withdrawal")
    assert (record.interviews, record.excerpts, record.memos) == (2, 2, 2)
    assert record.turns == turns >= 5  # every turn of the individual interview's versions, and Marie's two
    assert ErasureRecord.objects.withdrawn_excerpt_ids(study) == erased
    stored = " ".join(str(value) for value in ErasureRecord.objects.values().get().values())
    assert "comité" not in stored and "coordonne" not in stored
    participant_a.consent.refresh_from_db()
    assert participant_a.consent.withdrawn_on is not None and not participant_a.consent.may_be_quoted


def test_search_no_longer_finds_their_words(world, participant_a, admin, study):
    assert search_passages_count(study, admin, "coordonne") == 1
    coding.withdraw_participant(participant_a, by=admin)
    assert search_passages_count(study, admin, "coordonne") == 0
    assert search_passages_count(study, admin, "jardin") == 1


def search_passages_count(study, user, words):
    return search_passages(Passage.objects.visible_to(user).filter(interview__study=study), words).count()


def withdraw_url(code="R-MTL1-01"):
    return reverse("coding:participant_withdraw", args=["etude", code])


def test_the_page_is_for_study_admins(world, login, researcher, team_b, other_admin):
    assert login(researcher).get(withdraw_url()).status_code == 403
    assert login(researcher).post(withdraw_url(), {"confirm": "R-MTL1-01"}).status_code == 403
    assert login(team_b).get(withdraw_url()).status_code == 404
    assert login(other_admin).get(withdraw_url()).status_code == 404
    assert not ErasureRecord.objects.exists()


def test_a_wrong_confirmation_erases_nothing(world, login, admin):
    client = login(admin)
    page = client.get(withdraw_url())
    assert page.status_code == 200 and page.context["preview"] == {"interviews": 2, "whole": 1, "excerpts": 2}
    assert client.post(withdraw_url(), {"confirm": "R-MTL1-02"}).status_code == 400
    assert client.post(withdraw_url(), {}).status_code == 400
    assert not ErasureRecord.objects.exists() and Excerpt.objects.count() == 3


def test_the_admin_withdraws_through_the_page(world, login, admin):
    response = login(admin).post(withdraw_url(), {"confirm": "R-MTL1-01"})
    assert response.status_code == 302
    assert ErasureRecord.objects.get().excerpts == 2


def test_the_erased_interviews_still_open(world, participant_a, admin, login):
    coding.withdraw_participant(participant_a, by=admin)
    client = login(admin)
    for interview in (world["alone"], world["group"]):
        for name in ("interviews:interview_detail", "coding:workspace", "interviews:redaction_list"):
            assert client.get(reverse(name, args=["etude", interview.pk])).status_code == 200, name
    page = client.get(reverse("interviews:interview_detail", args=["etude", world["group"].pk])).content.decode()
    assert "jardin communautaire" in page and "coordonne" not in page


def test_notes_where_they_are_the_only_participant_are_erased_whole(study, site_a, participant_a, admin, media_root):
    notes = factory.make_interview(
        study, site_a, "Notes", kind="observation", participants=[(participant_a, "")], text="Elle raconte le quartier."
    )
    excerpt = factory.make_excerpt(notes, 0, 10, codes=[factory.make_code(study, "Récit")], coder=admin)
    assert coding.erasure_preview(participant_a)["whole"] == 1
    coding.withdraw_participant(participant_a, by=admin)
    assert set(TranscriptVersion.objects.filter(interview=notes).values_list("text", flat=True)) == {""}
    assert not Excerpt.objects.filter(pk=excerpt.pk).exists()
