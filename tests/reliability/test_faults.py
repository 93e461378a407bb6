"""The app under load and faults: gunicorn, a Celery worker and beat, a private PostgreSQL and Redis.

Every scenario goes through HTTP as a person would (the login form, then the real URLs), checks the
outcome in the database, and files its figures in the JSON summary (conftest.py). Loopback only; each
wait is bounded, so a hang fails the scenario instead of the run.
"""

import hashlib
import os
import re
import signal
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.reliability.client import Browser, field_value, percentile
from tests.reliability.stack import wait_for

pytestmark = pytest.mark.reliability

CODINGS_PER_CODER = 200
MEMO_EDITS_PER_CLIENT = 5
IMPORT_FILES = 40
JOB_DEADLINE = 60
SENDING_RETRIES = 3


def job_id(response):
    found = re.search(r"/jobs/(\d+)/", response.headers.get("Location", ""))
    assert found, f"no job page in the answer {response.status_code} {response.headers.get('Location')}"
    return int(found.group(1))


def job_row(stack, pk):
    with stack.postgres.connect() as connection:
        row = connection.execute(
            "SELECT status, progress, attempts, worker, sent_at, message, error, result_file, result"
            " FROM sites_job WHERE id = %s",
            [pk],
        ).fetchone()
    keys = ("status", "progress", "attempts", "worker", "sent_at", "message", "error", "result_file", "result")
    return dict(zip(keys, row, strict=True))


def wait_for_job(stack, pk, *, status=("succeeded", "failed"), timeout=JOB_DEADLINE, poll=0.05):
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        row = job_row(stack, pk)
        if row["status"] in status:
            return row, time.monotonic() - started
        time.sleep(poll)
    worker = stack.services["worker"].log()
    pytest.fail(f"job {pk} still {job_row(stack, pk)} after {timeout} s; worker log:\n{worker}")


@pytest.fixture(scope="module")
def researcher(stack):
    """One researcher's session for the job scenarios (allauth limits how often one account logs in)."""
    return Browser(stack.base_url).log_in(stack.seed["researchers"][0], stack.seed["password"])


def media_files(stack, pattern="**/*"):
    return sorted(path for path in stack.media.glob(pattern) if path.is_file())


def code_a_range(browser, path, body):
    """Post one coding, sending the same idempotency key again after a connection error; the response."""
    for attempt in range(SENDING_RETRIES):
        try:
            return browser.post_json(path, body)
        except requests.RequestException:
            if attempt == SENDING_RETRIES - 1:
                raise
            time.sleep(0.2)


def acknowledged_codings_missing(stack, excerpt_ids):
    with stack.postgres.connect() as connection:
        found = {
            row[0]
            for row in connection.execute(
                "SELECT DISTINCT excerpt_id FROM coding_coding WHERE excerpt_id = ANY(%s)", [list(excerpt_ids)]
            )
        }
    return set(excerpt_ids) - found


def test_ten_coders_coding_at_once_lose_no_acknowledged_coding(stack, figures):
    seed = stack.seed
    length = seed["text_length"]

    def coder_session(number):
        browser = Browser(stack.base_url).log_in(seed["coders"][number], seed["password"])
        interview = seed["interviews"][number % len(seed["interviews"])]
        path = f"/studies/{seed['study']}/interviews/{interview}/code/excerpts/"
        acknowledged = {}
        for index in range(CODINGS_PER_CODER):
            start = (index * 67 + number * 13) % (length - 60)
            body = {
                "start": start,
                "end": start + 20 + index % 40,
                "code_ids": [seed["codes"][index % len(seed["codes"])]],
                "idempotency_key": f"reliability-{number}-{index}",
            }
            response = code_a_range(browser, path, body)
            if response.status_code in (200, 201):
                acknowledged[body["idempotency_key"]] = response.json()["excerpt"]["id"]
        return browser, acknowledged

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(seed["coders"])) as pool:
        results = list(pool.map(coder_session, range(len(seed["coders"]))))
    elapsed = time.monotonic() - started

    browsers = [browser for browser, _ in results]
    acknowledged = {key: pk for _, mine in results for key, pk in mine.items()}
    statuses = {}
    for browser in browsers:
        for status, count in browser.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    latencies = [latency for browser in browsers for latency in browser.latencies]
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    missing = acknowledged_codings_missing(stack, acknowledged.values())
    with stack.postgres.connect() as connection:
        stored = connection.execute(
            "SELECT count(*) FROM coding_excerpt WHERE idempotency_key LIKE 'reliability-%%'"
        ).fetchone()[0]
    figures.update(
        coders=len(browsers),
        codings_sent=len(browsers) * CODINGS_PER_CODER,
        acknowledged=len(acknowledged),
        stored=stored,
        missing=len(missing),
        server_errors=server_errors,
        statuses={str(status): count for status, count in sorted(statuses.items())},
        requests_per_second=round(sum(statuses.values()) / elapsed, 1),
        p50_seconds=percentile(latencies, 0.5),
        p95_seconds=percentile(latencies, 0.95),
    )
    assert server_errors == 0
    assert len(acknowledged) == len(browsers) * CODINGS_PER_CODER
    assert not missing
    assert stored == len(acknowledged)  # one excerpt per key: no retried request made a twin


def test_ten_clients_editing_one_memo_lose_no_update(stack, figures):
    seed = stack.seed
    path = f"/studies/{seed['study']}/memos/{seed['memo']}/edit/"
    with stack.postgres.connect() as connection:
        first_version = connection.execute("SELECT version FROM coding_memo WHERE id = %s", [seed["memo"]]).fetchone()[
            0
        ]
    conflicts = []
    errors = []

    def client(number):
        browser = Browser(stack.base_url).log_in(seed["researchers"][number], seed["password"])
        saved = 0
        deadline = time.monotonic() + JOB_DEADLINE
        page = browser.request("GET", path).text
        while saved < MEMO_EDITS_PER_CLIENT and time.monotonic() < deadline:
            line = f"client {number} edit {saved}"
            data = {
                "csrfmiddlewaretoken": field_value(page, "csrfmiddlewaretoken"),
                "kind": "analytic",
                "title": "Mémo partagé",
                "body": field_value(page, "body") + "\n" + line,
                "version": field_value(page, "version"),
            }
            response = browser.request("POST", path, data=data, headers={"Referer": stack.base_url + path})
            if response.status_code == 302:
                saved += 1
                page = browser.request("GET", path).text
            elif response.status_code == 409:
                # Refused: the page shows the memo as it is now, with its version, to edit again from there.
                conflicts.append(number)
                page = response.text
            else:
                errors.append(response.status_code)
                page = browser.request("GET", path).text
        return saved

    with ThreadPoolExecutor(max_workers=10) as pool:
        saved = sum(pool.map(client, range(10)))

    with stack.postgres.connect() as connection:
        body, version = connection.execute(
            "SELECT body, version FROM coding_memo WHERE id = %s", [seed["memo"]]
        ).fetchone()
    lines = set(body.splitlines())
    lost = [
        f"client {number} edit {edit}"
        for number in range(10)
        for edit in range(MEMO_EDITS_PER_CLIENT)
        if f"client {number} edit {edit}" not in lines
    ]
    figures.update(
        clients=10, edits_saved=saved, conflicts_refused=len(conflicts), lost_updates=len(lost), errors=len(errors)
    )
    assert errors == []
    assert saved == 10 * MEMO_EDITS_PER_CLIENT
    assert lost == []
    assert version == first_version + saved


def transcript_file(number):
    text = "".join(
        f"Intervieweuse : Question {turn} ?\nR-MTL1-{number:02d} : Réponse {turn} sur la table de quartier.\n"
        for turn in range(150)
    )
    return ("files", (f"entretien-{number:02d}.txt", text.encode(), "text/plain"))


def test_a_worker_killed_mid_import_imports_each_file_once(stack, figures, researcher):
    seed = stack.seed
    browser = researcher
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


def test_a_worker_killed_mid_export_leaves_one_whole_file(stack, figures, researcher):
    """Stands in for the synthesis sheet's PDF job until it exists: the longest job that writes a file."""
    seed = stack.seed
    browser = researcher
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


def test_a_worker_killed_mid_sheet_pdf_publishes_one_whole_version(stack, figures, researcher):
    seed = stack.seed
    if seed["sheet"] is None:
        pytest.skip("the synthesis sheet's PDF job is not in this tree yet")
    sheet_path = f"/studies/{seed['study']}/sheets/{seed['sheet']}/"
    response = researcher.post_form(sheet_path + "publish/", {}, page_path=sheet_path)
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


def start_participants_export(stack, browser):
    seed = stack.seed
    started = time.monotonic()
    response = browser.post_form(
        f"/studies/{seed['study']}/participants/export/", {}, page_path=f"/studies/{seed['study']}/participants/"
    )
    return job_id(response), time.monotonic() - started


def test_a_job_asked_for_while_redis_is_down_runs_once_redis_is_back(stack, figures, researcher):
    browser = researcher
    stack.redis.stop()
    try:
        pk, answered_in = start_participants_export(stack, browser)
        waiting = job_row(stack, pk)
    finally:
        stack.redis.start()
    restarted_at = time.monotonic()
    row, _ = wait_for_job(stack, pk)
    completed_after = time.monotonic() - restarted_at
    later, later_answered_in = start_participants_export(stack, browser)
    later_row, later_seconds = wait_for_job(stack, later)
    figures.update(
        enqueue_answered_in_seconds=round(answered_in, 2),
        status_while_down=waiting["status"],
        completed_after_restart_seconds=round(completed_after, 1),
        next_job_sent_at_once=later_row["sent_at"] is not None,
        next_job_seconds=round(later_seconds, 1),
    )
    assert answered_in < 5
    assert waiting["status"] == "pending" and waiting["sent_at"] is None and waiting["message"]
    assert row["status"] == "succeeded" and row["attempts"] == 1
    assert later_row["status"] == "succeeded"


def test_a_job_running_while_redis_stops_completes_after_the_restart(stack, figures, researcher):
    seed = stack.seed
    browser = researcher
    response = browser.post_form(
        f"/studies/{seed['study']}/exchange/export/", {}, page_path=f"/studies/{seed['study']}/exchange/"
    )
    pk = job_id(response)
    wait_for(
        lambda: job_row(stack, pk)["status"] == "running", timeout=JOB_DEADLINE, what="the export to start", poll=0.01
    )
    stack.redis.stop()
    status_when_stopped = job_row(stack, pk)["status"]
    time.sleep(2)  # the outage: the job goes on, its worker cannot reach the broker
    stack.redis.start()
    restarted_at = time.monotonic()
    row, _ = wait_for_job(stack, pk)
    after, _ = start_participants_export(stack, browser)
    after_row, after_seconds = wait_for_job(stack, after)
    figures.update(
        status_when_redis_stopped=status_when_stopped,
        completed_after_restart_seconds=round(time.monotonic() - restarted_at, 1),
        attempts=row["attempts"],
        result_files=len(media_files(stack, f"jobs/**/*-{pk}*")),
        next_job_seconds=round(after_seconds, 1),
    )
    assert row["status"] == "succeeded" and row["attempts"] == 1
    assert len(media_files(stack, f"jobs/**/*-{pk}*")) == 1
    assert after_row["status"] == "succeeded"


def test_the_app_recovers_by_itself_when_postgresql_restarts_under_load(stack, figures, researcher):
    seed = stack.seed
    stop = threading.Event()
    outcomes = []  # (monotonic time, HTTP status or "connection error")
    acknowledged = []

    browsers = [Browser(stack.base_url).log_in(seed["coders"][number], seed["password"]) for number in range(5)]

    def load(number):
        browser = browsers[number]
        interview = seed["interviews"][number]
        base = f"/studies/{seed['study']}/interviews/{interview}/code/"
        index = 0
        while not stop.is_set():
            index += 1
            start = (index * 31) % (seed["text_length"] - 60)
            body = {
                "start": start,
                "end": start + 25,
                "code_ids": [seed["codes"][0]],
                "idempotency_key": f"restart-{number}-{index}",
            }
            for method, path, data in (("POST", base + "excerpts/", body), ("GET", base + "codings.json", None)):
                try:
                    if method == "POST":
                        response = browser.post_json(path, data)
                    else:
                        response = browser.request(method, path)
                except requests.RequestException:
                    outcomes.append((time.monotonic(), "connection error"))
                    continue
                outcomes.append((time.monotonic(), response.status_code))
                if method == "POST" and response.status_code in (200, 201):
                    acknowledged.append(response.json()["excerpt"]["id"])
            time.sleep(0.05)

    with ThreadPoolExecutor(max_workers=5) as pool:
        running = [pool.submit(load, number) for number in range(5)]
        time.sleep(3)
        restart_started = time.monotonic()
        stack.postgres.restart()
        restart_ended = time.monotonic()
        time.sleep(8)
        stop.set()
        for future in running:
            future.result()

    failures = [(moment, status) for moment, status in outcomes if status not in (200, 201)]
    before = [status for moment, status in outcomes if moment < restart_started]
    last_failure = max((moment for moment, _ in failures), default=restart_ended)
    tail = [status for moment, status in outcomes if moment > restart_ended + 3]
    failed_statuses = {}
    for _, status in failures:
        failed_statuses[str(status)] = failed_statuses.get(str(status), 0) + 1
    missing = acknowledged_codings_missing(stack, acknowledged)
    pk, _ = start_participants_export(stack, researcher)
    row, job_seconds = wait_for_job(stack, pk)
    figures.update(
        requests=len(outcomes),
        failed_requests=len(failures),
        failed_statuses=failed_statuses,
        restart_seconds=round(restart_ended - restart_started, 1),
        recovered_after_seconds=round(max(0.0, last_failure - restart_ended), 1),
        acknowledged_codings=len(acknowledged),
        missing=len(missing),
        job_after_restart_seconds=round(job_seconds, 1),
    )
    assert before and set(before) <= {200, 201}
    assert set(failed_statuses) <= {"503"}  # "try again in a moment", never an error page
    assert tail and set(tail) <= {200, 201}  # back to normal within 3 s of PostgreSQL answering, no app restart
    assert not missing
    assert row["status"] == "succeeded"
