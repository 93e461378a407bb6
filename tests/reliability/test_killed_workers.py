"""Workers SIGKILLed mid-job: the job runs again, once, and leaves one whole result.

The pool process running the task is killed (as the kernel's OOM killer would), or the whole worker (as
when its machine is lost; it is then started again, as compose's restart policy would).
"""

import hashlib
import os
import signal
import time
import zipfile

import pytest

from tests.reliability.probes import JOB_DEADLINE, job_id, job_row, media_files, wait_for_job
from tests.reliability.stack import wait_for

pytestmark = pytest.mark.reliability

IMPORT_FILES = 40


def transcript_file(number):
    text = "".join(
        f"Intervieweuse : Question {turn} ?\nR-MTL1-{number:02d} : Réponse {turn} sur la table de quartier.\n"
        for turn in range(150)
    )
    return ("files", (f"entretien-{number:02d}.txt", text.encode(), "text/plain"))


def test_a_worker_killed_mid_import_imports_each_file_once(stack, figures, researcher_session):
    seed = stack.seed
    browser = researcher_session
    path = f"/studies/{seed['study']}/interviews/import/"
    files = [transcript_file(number) for number in range(IMPORT_FILES)]
    response = browser.post_form(path, {"site": str(seed["site"]), "kind": "individual"}, files=files)
    pk = job_id(response)

    row = wait_for(
        lambda: (lambda row: row if row["status"] == "running" and row["progress"] >= 10 else None)(job_row(stack, pk)),
        timeout=JOB_DEADLINE,
        what="the import to be under way",
        poll=0.01,
    )
    os.kill(int(row["worker"].rsplit(":", 1)[1]), signal.SIGKILL)  # the pool process running the task
    killed_at = time.monotonic()
    progress_when_killed = row["progress"]
    row, _ = wait_for_job(stack, pk)

    with stack.postgres.connect() as connection:
        imported, keys = connection.execute(
            "SELECT count(*), count(DISTINCT import_key) FROM interviews_interview WHERE import_job_id = %s", [pk]
        ).fetchone()
    entries = row["result"].get("entries", [])
    figures.update(
        files=IMPORT_FILES,
        progress_when_killed=progress_when_killed,
        recovered_after_seconds=round(time.monotonic() - killed_at, 1),
        attempts=row["attempts"],
        interviews_created=imported,
        entries=len(entries),
    )
    assert row["status"] == "succeeded", row["error"]
    assert row["attempts"] >= 2  # the kill landed mid-job and the job ran again
    assert imported == keys == IMPORT_FILES
    assert len(entries) == IMPORT_FILES and all(entry["ok"] for entry in entries)
    assert media_files(stack, "staging/**/*") == []  # the staged uploads were cleaned up once


def test_a_worker_killed_mid_export_leaves_one_whole_file(stack, figures, researcher_session):
    """Stands in for the synthesis sheet's PDF job until it exists: the longest job that writes a file."""
    seed = stack.seed
    browser = researcher_session
    response = browser.post_form(
        f"/studies/{seed['study']}/exchange/export/", {}, page_path=f"/studies/{seed['study']}/exchange/"
    )
    pk = job_id(response)

    wait_for(
        lambda: job_row(stack, pk)["status"] == "running", timeout=JOB_DEADLINE, what="the export to start", poll=0.01
    )
    stack.services["worker"].kill()  # the whole worker, as when its machine is lost
    killed_at = time.monotonic()
    status_when_killed = job_row(stack, pk)["status"]
    stack.restart_worker()
    row, _ = wait_for_job(stack, pk)

    files = media_files(stack, f"jobs/**/*-{pk}*")
    partial = media_files(stack, "**/.partial-*")
    figures.update(
        status_when_killed=status_when_killed,
        recovered_after_seconds=round(time.monotonic() - killed_at, 1),
        attempts=row["attempts"],
        result_files=len(files),
        partial_files_left=len(partial),
    )
    assert row["status"] == "succeeded", row["error"]
    assert status_when_killed == "running" and row["attempts"] >= 2
    assert [str(path.relative_to(stack.media)) for path in files] == [row["result_file"]]
    with zipfile.ZipFile(files[0]) as archive:
        assert archive.testzip() is None
        assert "project.qde" in archive.namelist()
    assert partial == []


def test_a_worker_killed_mid_sheet_pdf_publishes_one_whole_version(stack, figures, researcher_session):
    seed = stack.seed
    if seed["sheet"] is None:
        pytest.skip("the synthesis sheet's PDF job is not in this tree yet")
    sheet_path = f"/studies/{seed['study']}/sheets/{seed['sheet']}/"
    response = researcher_session.post_form(sheet_path + "publish/", {}, page_path=sheet_path)
    pk = job_id(response)

    row = wait_for(
        lambda: (lambda row: row if row["status"] == "running" else None)(job_row(stack, pk)),
        timeout=JOB_DEADLINE,
        what="the PDF to be under way",
        poll=0.01,
    )
    os.kill(int(row["worker"].rsplit(":", 1)[1]), signal.SIGKILL)  # the pool process printing the PDF
    killed_at = time.monotonic()
    row, _ = wait_for_job(stack, pk)

    with stack.postgres.connect() as connection:
        versions = connection.execute(
            "SELECT pdf, sha256 FROM reports_sheetversion WHERE sheet_id = %s", [seed["sheet"]]
        ).fetchall()
    files = media_files(stack, f"**/*-sheet-{seed['sheet']}-*")
    figures.update(
        recovered_after_seconds=round(time.monotonic() - killed_at, 1),
        attempts=row["attempts"],
        versions=len(versions),
        pdf_files=len(files),
        partial_files_left=len(media_files(stack, "**/.partial-*")),
    )
    assert row["status"] == "succeeded", row["error"]
    assert row["attempts"] >= 2
    assert len(versions) == 1
    assert [str(path.relative_to(stack.media)) for path in files] == [versions[0][0]]
    pdf = files[0].read_bytes()
    assert pdf.startswith(b"%PDF-") and hashlib.sha256(pdf).hexdigest() == versions[0][1]
    assert media_files(stack, "**/.partial-*") == []
