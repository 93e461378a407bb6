"""Uploading a corrected transcript file: the new version and its carried excerpts are stored together, or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from coding import services
from coding.models import Excerpt
from interviews import services as interview_services
from interviews.batch import import_one
from interviews.importing import ImportRefused, read_transcript
from interviews.models import Interview, Passage, SourceFile, SpeakerTurn, TranscriptVersion
from sites.permissions import Role
from tests import factory
from tests.interviews.files import make_docx
from tests.interviews.test_upload import HOSTILE

pytestmark = pytest.mark.usefixtures("fast_passwords")

V1 = [
    "INTERVIEWEUSE : Et le comité des locataires ?",
    "Marie : Le comité se réunit au local 🙂. Le comité décide avec nous.",
    "INTERVIEWEUSE : Et les voisins ?",
    "Marie : Les voisins s'entraident l'hiver.",
]
# A line added at the top (every later offset moves) and one quote reworded.
V2 = ["Entretien corrigé — version relue", V1[0], V1[1].replace("Le comité décide", "On décide"), *V1[2:]]
QUOTES = {"kept": "se réunit au local 🙂", "lost": "Le comité décide", "later": "s'entraident l'hiver"}


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def interview(study, site_a, participant_a, researcher, media_root):
    interview = factory.make_interview(
        study, site_a, "Entretien R", participants=[(participant_a, "Marie")], interviewer_label="INTERVIEWEUSE"
    )
    interview_services.import_transcript(interview, name="v1.docx", data=make_docx(V1), author=researcher)
    interview.refresh_from_db()
    return interview


@pytest.fixture
def excerpts(study, interview, coder):
    code = factory.make_code(study, "Entraide")
    text = interview.current_version.text
    made = {}
    for name, quote in QUOTES.items():
        at = text.index(quote)
        made[name] = factory.make_excerpt(interview, at, at + len(quote), codes=[code], coder=coder)
    return made


def upload_url(interview, app="coding"):
    return reverse(f"{app}:transcript_upload", args=[interview.study.slug, interview.pk])


def post(client, interview, name, data, app="coding", **extra):
    return client.post(upload_url(interview, app), {"file": SimpleUploadedFile(name, data), **extra})


def stored(media_root):
    return sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())


def state(media_root):
    """Everything a refused or failed upload must leave as it was: rows, excerpts, files on disk."""
    counts = [model.objects.count() for model in (Interview, TranscriptVersion, SpeakerTurn, Passage, SourceFile)]
    return counts, list(Excerpt.objects.order_by("pk").values()), stored(media_root)


def test_a_corrected_docx_carries_the_excerpts_at_once(login, researcher, interview, excerpts, media_root):
    response = post(login(researcher), interview, "v2.docx", make_docx(V2), note="relu")
    assert response.status_code == 302
    interview.refresh_from_db()
    new = interview.current_version
    assert new.number == 2 and new.note == "relu" and new.text == "\n".join(V2)
    for name in ("kept", "later"):
        excerpt = Excerpt.objects.get(pk=excerpts[name].pk)
        at = new.text.index(QUOTES[name])
        assert (excerpt.version_id, excerpt.start, excerpt.end) == (new.pk, at, at + len(QUOTES[name]))
        assert new.text[excerpt.start : excerpt.end] == excerpt.quote == QUOTES[name]
        assert not excerpt.needs_review
    lost = Excerpt.objects.get(pk=excerpts["lost"].pk)
    assert lost.needs_review and lost.original_quote == QUOTES["lost"]
    assert not Excerpt.objects.placed().filter(interview=interview).exclude(version=new).exists()
    assert SourceFile.objects.filter(interview=interview, version=new).count() == 1
    assert response.url == reverse("coding:excerpt_review_list", args=["etude"]) + f"?interview={interview.pk}"


def test_a_new_version_that_keeps_every_quote_goes_back_to_the_interview(
    login, researcher, interview, excerpts, media_root
):
    response = post(login(researcher), interview, "v2.txt", "\n".join([*V1, "Marie : Merci."]).encode())
    assert response.url == reverse("interviews:interview_detail", args=["etude", interview.pk])
    interview.refresh_from_db()
    assert set(Excerpt.objects.values_list("version", "needs_review")) == {(interview.current_version_id, False)}


@pytest.mark.parametrize("case", ["xxe", "billion laughs", "zip slip in a docx", "pdf named txt", "empty docx"])
def test_a_hostile_or_broken_file_is_refused_and_nothing_is_stored(
    case, login, researcher, interview, excerpts, media_root
):
    name, build, reason = HOSTILE[case]
    data = build()
    with pytest.raises(ImportRefused) as refusal:
        read_transcript(name, data)
    assert reason in refusal.value.message
    before = state(media_root)
    response = post(login(researcher), interview, name, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "nothing was stored" in page and escape(refusal.value.message) in page
    assert state(media_root) == before


def test_a_failure_while_carrying_rolls_back_the_version_and_removes_its_file(
    researcher, interview, excerpts, media_root, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("carry failed")

    monkeypatch.setattr("coding.anchoring.carry", broken)
    before = state(media_root)
    with pytest.raises(RuntimeError):
        services.upload_transcript_version(interview, name="v2.docx", data=make_docx(V2), author=researcher)
    assert state(media_root) == before


def test_readers_get_403_and_who_cannot_see_the_interview_404(
    login, study, site_a, site_b, coder, team_b, outsider, interview, excerpts, media_root
):
    interview_b = factory.make_interview(study, site_b, "Entretien B", text="I : Bonjour.\nR : Bonjour.")
    coder_b = factory.make_user("coder.b@example.test")
    factory.make_membership(coder_b, study, Role.CODER, [site_b])
    before = state(media_root)
    for user, target, status in (
        (coder, interview, 403),
        (team_b, interview_b, 403),
        (team_b, interview, 404),
        (outsider, interview, 404),
        (coder_b, interview, 404),
    ):
        client = login(user)
        assert client.get(upload_url(target)).status_code == status, user
        assert post(client, target, "v2.docx", make_docx(V2)).status_code == status, user
    assert state(media_root) == before


def test_the_interviews_upload_sends_a_later_version_to_coding(login, researcher, interview, excerpts, media_root):
    client = login(researcher)
    response = client.get(upload_url(interview, app="interviews"))
    assert response.status_code == 302 and response.url == upload_url(interview)
    before = state(media_root)
    response = post(client, interview, "v2.docx", make_docx(V2), app="interviews")
    assert response.status_code == 302 and response.url == upload_url(interview)
    assert state(media_root) == before, "the interviews upload made a version without carrying the excerpts"
    page = client.get(reverse("interviews:interview_detail", args=["etude", interview.pk])).content.decode()
    assert upload_url(interview) in page and upload_url(interview, app="interviews") not in page


def test_the_upload_page_warns_about_the_excerpts(login, researcher, interview, excerpts, media_root):
    response = login(researcher).get(upload_url(interview))
    assert response.status_code == 200
    assert "3 coded excerpts point into this text" in response.content.decode()


def test_a_batch_import_never_touches_an_existing_interview(researcher, study, site_a, interview, excerpts, media_root):
    entry = import_one(
        study=study, site=site_a, kind="individual", name=f"{interview.title}.docx", label="x", data=make_docx(V2),
        author=researcher,
    )  # fmt: skip
    assert entry["ok"]
    assert TranscriptVersion.objects.filter(interview=interview).count() == 1
    interview.refresh_from_db()
    assert interview.current_version.number == 1
    assert set(Excerpt.objects.values_list("version", "needs_review")) == {(interview.current_version_id, False)}
