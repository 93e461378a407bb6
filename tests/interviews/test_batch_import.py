"""Batch import: many files (or a zip) become interviews through a job; the same from the command line."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from interviews import batch, services
from interviews.models import Interview, SourceFile, TranscriptVersion
from interviews.tasks import import_transcripts
from sites.models import Job
from tests.interviews.files import make_docx, make_image_pdf, make_odt, make_zip

pytestmark = pytest.mark.usefixtures("fast_passwords")

DIALOGUE = ["I : Bonjour.", "R : Bonjour, j'habite ici.", "I : Merci.", "R : De rien."]


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def uploads():
    return [
        SimpleUploadedFile("entretien-01.docx", make_docx(DIALOGUE)),
        SimpleUploadedFile("scan-02.pdf", make_image_pdf()),
        SimpleUploadedFile("entretien_03.odt", make_odt(DIALOGUE)),
    ]


def staged_files(root):
    return [path for path in (root / "staging").rglob("*") if path.is_file()] if (root / "staging").exists() else []


def start(client, site, files, kind="individual"):
    url = reverse("interviews:interview_import", args=["etude"])
    return client.post(url, {"site": site.pk, "kind": kind, "files": files})


def test_a_batch_with_a_bad_file_imports_the_others_and_reports_it(
    login, researcher, site_a, media_root, django_capture_on_commit_callbacks
):
    client = login(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, site_a, uploads())
    job = Job.objects.get()
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.kind == "import_transcripts"
    interviews = {i.title: i for i in Interview.objects.filter(site=site_a)}
    assert set(interviews) == {"entretien-01", "entretien 03"}
    assert all(i.current_version.turns.count() == 4 and i.created_by == researcher for i in interviews.values())
    assert [(e["name"], e["ok"]) for e in job.result["entries"]] == [
        ("entretien-01.docx", True),
        ("scan-02.pdf", False),
        ("entretien_03.odt", True),
    ]
    assert "no text layer" in job.result["entries"][1]["message"]
    assert job.result["summary"] == "2 files imported, 1 refused."
    assert staged_files(media_root) == []
    assert SourceFile.objects.count() == 2

    page = client.get(response.url).content.decode()
    assert "2 files imported, 1 refused." in page
    assert "no text layer" in page
    detail = reverse("interviews:interview_detail", args=["etude", interviews["entretien-01"].pk])
    assert f'href="{detail}"' in page


def test_a_zip_becomes_one_interview_per_member(
    login, researcher, site_a, media_root, django_capture_on_commit_callbacks
):
    archive = make_zip(
        [("lot/e1.docx", make_docx(DIALOGUE)), ("lot/e2.txt", "\n".join(DIALOGUE).encode()), ("lot/x.exe", b"MZ")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        start(login(researcher), site_a, [SimpleUploadedFile("lot.zip", archive)], kind="group")
    job = Job.objects.get()
    assert [(e["name"], e["ok"]) for e in job.result["entries"]] == [
        ("lot.zip › e1.docx", True),
        ("lot.zip › e2.txt", True),
        ("lot.zip › x.exe", False),
    ]
    assert sorted(Interview.objects.filter(kind="group").values_list("title", flat=True)) == ["e1", "e2"]


def test_a_hostile_zip_is_refused_whole(login, researcher, site_a, media_root, django_capture_on_commit_callbacks):
    bomb = make_zip([("bombe.txt", b"\0" * (20 * 1024 * 1024))])
    with django_capture_on_commit_callbacks(execute=True):
        start(login(researcher), site_a, [SimpleUploadedFile("lot.zip", bomb)])
    [entry] = Job.objects.get().result["entries"]
    assert not entry["ok"] and "zip bomb" in entry["message"]
    assert not Interview.objects.exists()


def test_a_retried_job_does_not_import_a_file_twice(login, researcher, site_a, media_root):
    job = Job.objects.create(
        kind="import_transcripts",
        owner=researcher,
        study=site_a.study,
        params={"site_id": site_a.pk, "kind": "individual", "files": batch.stage_uploads(uploads())},
    )
    result = batch.import_batch(job, lambda *args: None)
    job.refresh_from_db()
    again = batch.import_batch(job, lambda *args: None)  # as if the worker died before the job was marked done
    assert Interview.objects.count() == 2 and TranscriptVersion.objects.count() == 2
    assert again == result


class WorkerKilled(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing on the way catches it."""


def test_a_worker_killed_mid_batch_leaves_no_half_import_and_the_retry_finishes(
    login, researcher, site_a, media_root, monkeypatch
):
    files = [SimpleUploadedFile(f"e{n}.txt", "\n".join(DIALOGUE).encode()) for n in range(3)]
    job = Job.objects.create(
        kind="import_transcripts",
        owner=researcher,
        study=site_a.study,
        params={"site_id": site_a.pk, "kind": "individual", "files": batch.stage_uploads(files)},
    )
    real_store = services._store_original
    calls = []

    def dies_on_the_second_file(*args, **kwargs):
        calls.append(1)
        source = real_store(*args, **kwargs)
        if len(calls) == 2:
            raise WorkerKilled
        return source

    monkeypatch.setattr(services, "_store_original", dies_on_the_second_file)
    with pytest.raises(WorkerKilled):
        import_transcripts(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING
    assert list(Interview.objects.values_list("title", flat=True)) == ["e0"]
    assert TranscriptVersion.objects.count() == 1 and SourceFile.objects.count() == 1
    assert len(list((media_root / "interviews").rglob("*.txt"))) == 1  # the second file's original went too

    # The dead worker's heartbeat stops; once it is stale the message (acks_late) or the sweeper's is taken.
    stale = timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS + 1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=stale)
    monkeypatch.setattr(services, "_store_original", real_store)
    import_transcripts(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.attempts == 2
    assert sorted(Interview.objects.values_list("title", flat=True)) == ["e0", "e1", "e2"]
    assert [e["ok"] for e in job.result["entries"]] == [True, True, True]


def test_the_form_needs_files_and_a_site(login, researcher, site_a, media_root):
    response = login(researcher).post(reverse("interviews:interview_import", args=["etude"]), {"kind": "individual"})
    assert response.status_code == 400
    assert not Job.objects.exists() and staged_files(media_root) == []


def test_a_file_over_the_limit_is_refused_by_the_form(login, researcher, site_a, media_root, settings):
    settings.UPLOAD_MAX_BYTES = 100
    response = start(login(researcher), site_a, [SimpleUploadedFile("long.txt", b"x" * 200)])
    assert response.status_code == 400
    assert "the limit is 100" in response.content.decode()
    assert not Job.objects.exists() and staged_files(media_root) == []


def test_the_page_offers_a_multiple_file_input(login, researcher):
    page = login(researcher).get(reverse("interviews:interview_import", args=["etude"])).content.decode()
    assert 'type="file" name="files" multiple' in page


def test_readers_get_403_and_outsiders_404_on_the_batch_page(login, coder, team_b, outsider, site_a, media_root):
    url = reverse("interviews:interview_import", args=["etude"])
    for user in (coder, team_b):
        assert login(user).get(url).status_code == 403
        assert start(login(user), site_a, uploads()).status_code == 403
    assert login(outsider).get(url).status_code == 404
    assert not Job.objects.exists() and staged_files(media_root) == []


def test_a_researcher_limited_to_site_b_cannot_import_into_site_a(login, study, site_a, site_b, media_root):
    from sites.permissions import Role
    from tests import factory

    limited = factory.make_user("limited@example.test")
    factory.make_membership(limited, study, Role.RESEARCHER, [site_b])
    response = start(login(limited), site_a, uploads())
    assert response.status_code == 400
    assert not Job.objects.exists()


# the command


@pytest.fixture
def paths(tmp_path):
    good = tmp_path / "entretien-01.docx"
    good.write_bytes(make_docx(DIALOGUE))
    notes = tmp_path / "notes.txt"
    notes.write_text("Présents : six partenaires.\nDécision : on continue.")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_image_pdf())
    return good, notes, scan


def test_the_command_imports_each_file_and_prints_one_line_each(paths, researcher, site_a, media_root):
    good, notes, _scan = paths
    out = io.StringIO()
    call_command("import_transcripts", str(good), str(notes), "--study", "etude", "--site", "MTL1", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"imported  {good}: Imported as “entretien-01” (4 speaker turns).")
    assert lines[1].startswith(f"imported  {notes}: Imported as “notes” (0 speaker turns).")
    assert Interview.objects.filter(site=site_a).count() == 2


def test_the_command_exits_non_zero_when_a_file_is_refused(paths, researcher, site_a, media_root):
    good, _notes, scan = paths
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "import_transcripts",
            str(scan),
            str(good),
            "--study=etude",
            "--site=MTL1",
            "--kind=document",
            "--as=researcher@example.test",
            stdout=out,
        )
    assert failure.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"refused   {scan}: ") and "no text layer" in lines[0]
    assert lines[1].startswith(f"imported  {good}")
    interview = Interview.objects.get()
    assert (interview.kind, interview.created_by) == ("document", researcher)


def test_the_command_refuses_an_unknown_site(paths, researcher, site_a):
    with pytest.raises(CommandError, match="No site"):
        call_command("import_transcripts", str(paths[0]), "--study", "etude", "--site", "NOPE")
    assert not Interview.objects.exists()
