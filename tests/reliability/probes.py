"""What the reliability scenarios read and do: jobs started over HTTP, their rows, the files in media."""

import re
import time

import pytest
import requests

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


def start_participants_export(stack, browser):
    seed = stack.seed
    started = time.monotonic()
    response = browser.post_form(
        f"/studies/{seed['study']}/participants/export/", {}, page_path=f"/studies/{seed['study']}/participants/"
    )
    return job_id(response), time.monotonic() - started
