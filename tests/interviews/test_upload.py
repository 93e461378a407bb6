"""Uploading a transcript file through the page: real files in, exact text, turns and offsets out."""

import codecs
import unicodedata

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from interviews import services
from interviews.importing import ImportRefused, read_transcript
from interviews.models import Interview, Passage, SourceFile, SpeakerTurn, TranscriptVersion
from tests import factory
from tests.interviews.files import make_docx, make_image_pdf, make_odt, make_pdf, make_zip, rewrite_zip

DIALOGUE = [
    "Entretien avec une résidente — été 2019",
    "INTERVIEWEUSE : Bonjour, merci de me recevoir.",
    "Marie : Ça me fait plaisir 🙂, j'habite l'ensemble depuis dix ans.",
    "INTERVIEWEUSE : Et le comité des locataires ?",
    "Marie : Il est très actif.",
    "On se voit chaque mois.",
]
DIALOGUE_TEXT = "\n".join(DIALOGUE)


pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def interview(study, site_a, participant_a, researcher):
    return factory.make_interview(
        study, site_a, "Entretien R-MTL1-01", participants=[(participant_a, "Marie")], interviewer_label="INTERVIEWEUSE"
    )


def upload(client, interview, name, data, **extra):
    url = reverse("interviews:transcript_upload", args=[interview.study.slug, interview.pk])
    return client.post(url, {"file": _file(name, data), **extra})


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def counts():
    return [model.objects.count() for model in (Interview, TranscriptVersion, SpeakerTurn, Passage, SourceFile)]


def turn_rows(version):
    return list(version.turns.order_by("start").values_list("start", "body_start", "end", "label"))


def expected_turns(text, labels):
    """(start, body_start, end, label) of each line that starts with one of `labels`, a turn running to the next."""
    rows = []
    starts = [i for i, line in _lines(text) if line.split(" :")[0] in labels]
    for index, start in enumerate(starts):
        label = text[start:].split(" :")[0]
        end = (starts[index + 1] - 1) if index + 1 < len(starts) else len(text)
        rows.append((start, start + len(label) + 3, end, label))
    return rows


def _lines(text):
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def test_a_docx_becomes_version_1_with_its_turns_mapped_and_its_original_kept(
    login, researcher, interview, participant_a, media_root
):
    data = make_docx(DIALOGUE)
    response = upload(login(researcher), interview, "entretien-été.docx", data)
    assert response.status_code == 302
    interview.refresh_from_db()
    version = interview.current_version
    assert version.number == 1
    assert version.text == DIALOGUE_TEXT
    assert turn_rows(version) == expected_turns(DIALOGUE_TEXT, {"INTERVIEWEUSE", "Marie"})
    first_marie = version.turns.get(start=DIALOGUE_TEXT.index("Marie"))
    assert DIALOGUE_TEXT[first_marie.body_start : first_marie.end] == DIALOGUE[2].removeprefix("Marie : ")
    assert first_marie.speaker == participant_a and not first_marie.is_interviewer
    assert version.turns.filter(is_interviewer=True).count() == 2
    source = SourceFile.objects.get(version=version)
    assert source.original_name == "entretien-été.docx" and source.size == len(data)
    assert source.content_type.endswith("wordprocessingml.document")
    assert (media_root / source.file.name).read_bytes() == data
    assert "été" not in source.file.name  # the stored name says nothing about the person


def test_the_reading_view_shows_the_uploaded_turns_at_their_offsets(login, researcher, interview, media_root):
    client = login(researcher)
    upload(client, interview, "entretien.docx", make_docx(DIALOGUE))
    page = client.get(reverse("interviews:interview_detail", args=["etude", interview.pk])).content.decode()
    for start, _body, _end, _label in expected_turns(DIALOGUE_TEXT, {"INTERVIEWEUSE", "Marie"}):
        assert f'id="t-{start}" data-start="{start}"' in page
    assert "R-MTL1-01" in page and "Interviewer" in page
    assert "Ça me fait plaisir 🙂" in page


def test_an_odt_keeps_its_paragraphs_as_lines(login, researcher, interview, media_root):
    upload(login(researcher), interview, "entretien.odt", make_odt(DIALOGUE))
    version = TranscriptVersion.objects.get(interview=interview)
    assert version.text == DIALOGUE_TEXT
    assert turn_rows(version) == expected_turns(DIALOGUE_TEXT, {"INTERVIEWEUSE", "Marie"})


def test_a_text_pdf_is_read_with_its_turns(login, researcher, interview, media_root):
    html = "".join(f"<p>{line}</p>" for line in DIALOGUE[1:5])
    upload(login(researcher), interview, "entretien.pdf", make_pdf(html))
    version = TranscriptVersion.objects.get(interview=interview)
    expected = "\n".join(DIALOGUE[1:5])
    assert unicodedata.normalize("NFC", version.text) == version.text
    assert version.text == expected
    assert turn_rows(version) == expected_turns(expected, {"INTERVIEWEUSE", "Marie"})


VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Intervieweuse>Bonjour, merci d'être là.

00:00:04.500 --> 00:00:09.000
<v Marie>C'est un plaisir 🙂.

00:00:09.000 --> 00:00:12.250
<v Marie>J'habite ici depuis 2010.
"""


def test_a_vtt_file_gives_one_turn_per_speaker_with_its_times(login, researcher, interview, media_root):
    interview.interviewer_label = "Intervieweuse"
    interview.save()
    upload(login(researcher), interview, "entretien.vtt", VTT.encode())
    version = TranscriptVersion.objects.get(interview=interview)
    assert (
        version.text
        == "Intervieweuse : Bonjour, merci d'être là.\nMarie : C'est un plaisir 🙂. J'habite ici depuis 2010."
    )
    turns = list(version.turns.order_by("start"))
    assert [(t.start, t.body_start, t.end, t.started_at, t.ended_at) for t in turns] == [
        (0, 16, 41, 1.0, 4.0),
        (42, 50, 95, 4.5, 12.25),
    ]
    assert turns[0].is_interviewer and turns[1].speaker.code == "R-MTL1-01"
    page = login(researcher).get(reverse("interviews:interview_detail", args=["etude", interview.pk]))
    assert "0:00:04" in page.content.decode()


def test_an_srt_file_with_names_in_the_cues_gives_turns(login, researcher, interview, media_root):
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nINTERVIEWEUSE: Bonjour.\n\n"
        "2\n00:00:04,500 --> 00:00:09,000\nMarie: Oui, l'été.\n"
    )
    upload(login(researcher), interview, "entretien.srt", srt.encode())
    version = TranscriptVersion.objects.get(interview=interview)
    assert version.text == "INTERVIEWEUSE : Bonjour.\nMarie : Oui, l'été."
    assert turn_rows(version) == [(0, 16, 24, "INTERVIEWEUSE"), (25, 33, 44, "Marie")]
    assert [t.started_at for t in version.turns.order_by("start")] == [1.0, 4.5]


def test_a_windows_text_file_in_nfd_with_a_bom_is_stored_canonical(login, researcher, interview, media_root):
    raw = "\r\n".join(DIALOGUE).replace("é", "e\u0301") + "  \r\n\r\n\r\n"
    upload(login(researcher), interview, "entretien.txt", codecs.BOM_UTF16_LE + raw.encode("utf-16-le"))
    version = TranscriptVersion.objects.get(interview=interview)
    assert version.text == DIALOGUE_TEXT
    assert turn_rows(version) == expected_turns(DIALOGUE_TEXT, {"INTERVIEWEUSE", "Marie"})


def test_a_second_upload_makes_version_2_and_keeps_version_1(login, researcher, interview, media_root):
    client = login(researcher)
    upload(client, interview, "v1.txt", DIALOGUE_TEXT.encode())
    # A later version is uploaded on coding's page, which carries the excerpts (tests/coding/test_transcript_upload.py).
    url = reverse("coding:transcript_upload", args=["etude", interview.pk])
    data = (DIALOGUE_TEXT + "\nINTERVIEWEUSE : Merci !").encode()
    assert client.post(url, {"file": _file("v2.txt", data), "note": "fin ajoutée"}).status_code == 302
    versions = list(TranscriptVersion.objects.filter(interview=interview).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].note == "fin ajoutée"
    interview.refresh_from_db()
    assert interview.current_version == versions[1]
    assert set(Passage.objects.filter(interview=interview).values_list("version", flat=True)) == {versions[1].pk}
    assert SourceFile.objects.filter(interview=interview).count() == 2


def test_unmapped_labels_send_the_researcher_to_the_speaker_page(login, researcher, study, site_a, media_root):
    bare = factory.make_interview(study, site_a, "Sans participants")
    response = upload(login(researcher), bare, "e.txt", DIALOGUE_TEXT.encode())
    assert response.url == reverse("interviews:speaker_mapping", args=["etude", bare.pk])


def _docx_with(document_xml_change):
    return rewrite_zip(make_docx(DIALOGUE), {"word/document.xml": document_xml_change})


XXE = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'


def _replace_declaration(prefix):
    return lambda xml: prefix + xml[xml.index(b"?>") + 2 :]


HOSTILE = {  # case: (file name, bytes builder, what the refusal must say)
    "xxe": ("entretien.docx", lambda: _docx_with(_replace_declaration(XXE)), "DOCTYPE or ENTITY"),
    "billion laughs": ("entretien.docx", lambda: _docx_with(_replace_declaration(LAUGHS)), "DOCTYPE or ENTITY"),
    "zip bomb in a docx": (
        "entretien.docx",
        lambda: rewrite_zip(make_docx(DIALOGUE), {"word/document.xml": lambda xml: xml + b" " * (30 * 1024 * 1024)}),
        "zip bomb",
    ),
    "zip slip in a docx": (
        "entretien.docx",
        lambda: make_zip([("[Content_Types].xml", b"wordprocessingml"), ("../../evil.xml", b"<x/>")]),
        "unsafe file name",
    ),
    "image named docx": ("entretien.docx", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "named .docx but"),
    "pdf named txt": ("entretien.txt", lambda: make_pdf("<p>Bonjour</p>"), "is a PDF document"),
    "docx named pdf": ("entretien.pdf", lambda: make_docx(DIALOGUE), "is a Word document"),
    "binary named txt": ("entretien.txt", lambda: bytes(range(256)) * 20, "not text"),
    "unsupported extension": ("entretien.exe", lambda: b"MZ\x90\x00", "cannot be imported"),
    "empty text": ("entretien.txt", lambda: b"  \n\n \n", "no text"),
    "empty docx": ("entretien.docx", lambda: make_docx([]), "no text"),
    "pdf without a text layer": ("scan.pdf", make_image_pdf, "no text layer"),
}


@pytest.mark.parametrize("case", HOSTILE.keys())
def test_a_hostile_or_broken_file_is_refused_with_its_reason_and_nothing_is_stored(
    case, login, researcher, interview, media_root
):
    name, build, reason = HOSTILE[case]
    data = build()
    with pytest.raises(ImportRefused) as refusal:
        read_transcript(name, data)
    assert reason in refusal.value.message
    before = counts()
    response = upload(login(researcher), interview, name, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "nothing was stored" in page
    assert escape(refusal.value.message) in page
    assert counts() == before
    assert stored_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    login, researcher, interview, media_root, settings, monkeypatch
):
    settings.UPLOAD_MAX_BYTES = 1000
    monkeypatch.setattr("interviews.services.read_transcript", pytest.fail)
    response = upload(login(researcher), interview, "long.txt", b"Marie : bla\n" * 200)
    assert response.status_code == 400
    assert "the limit is 1000" in response.content.decode()
    assert counts()[1:] == [0, 0, 0, 0] and stored_files(media_root) == []


def test_a_failure_after_the_file_was_written_rolls_back_and_removes_the_file(
    login, researcher, interview, media_root, monkeypatch
):
    def broken_save(self, *args, **kwargs):
        assert stored_files(media_root), "the file is written before its row"
        raise RuntimeError("disk full")

    monkeypatch.setattr(SourceFile, "save", broken_save)
    before = counts()
    with pytest.raises(RuntimeError):
        services.import_transcript(interview, name="e.docx", data=make_docx(DIALOGUE), author=researcher)
    assert counts() == before
    assert stored_files(media_root) == []


def test_a_failure_before_the_file_is_written_stores_no_file(login, researcher, interview, media_root, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("interviews.services._rebuild_passages", broken)
    with pytest.raises(RuntimeError):
        services.import_transcript(interview, name="e.txt", data=DIALOGUE_TEXT.encode(), author=researcher)
    assert counts()[1:] == [0, 0, 0, 0] and stored_files(media_root) == []


def test_the_upload_form_needs_a_file(login, researcher, interview, media_root):
    url = reverse("interviews:transcript_upload", args=["etude", interview.pk])
    response = login(researcher).post(url, {})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_a_coder_may_read_but_not_upload(login, coder, interview, media_root):
    client = login(coder)
    url = reverse("interviews:transcript_upload", args=["etude", interview.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": _file("e.txt", DIALOGUE_TEXT.encode())}).status_code == 403
    assert TranscriptVersion.objects.count() == 0 and stored_files(media_root) == []


@pytest.mark.parametrize("persona", ["team_b", "partner", "outsider", "other_admin"])
def test_who_cannot_see_the_interview_gets_404(persona, request, login, interview, media_root):
    client = login(request.getfixturevalue(persona))
    url = reverse("interviews:transcript_upload", args=["etude", interview.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"file": _file("e.txt", DIALOGUE_TEXT.encode())}).status_code == 404
    assert TranscriptVersion.objects.count() == 0


def test_the_original_downloads_as_it_came_and_is_not_cached(login, researcher, coder, team_b, interview, media_root):
    data = make_docx(DIALOGUE)
    upload(login(researcher), interview, "entretien été.docx", data)
    source = SourceFile.objects.get()
    url = reverse("interviews:source_download", args=["etude", interview.pk, source.pk])
    response = login(coder).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Cache-Control"] == "no-store"
    assert "attachment" in response["Content-Disposition"]
    assert login(team_b).get(url).status_code == 404
