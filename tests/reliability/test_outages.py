"""Redis stopped before and during a job, PostgreSQL restarted under load: the app recovers by itself."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.reliability.client import Browser
from tests.reliability.probes import (
    JOB_DEADLINE,
    acknowledged_codings_missing,
    job_id,
    job_row,
    media_files,
    start_participants_export,
    wait_for_job,
)
from tests.reliability.stack import wait_for

pytestmark = pytest.mark.reliability


def test_a_job_asked_for_while_redis_is_down_runs_once_redis_is_back(stack, figures, researcher_session):
    browser = researcher_session
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


def test_a_job_running_while_redis_stops_completes_after_the_restart(stack, figures, researcher_session):
    seed = stack.seed
    browser = researcher_session
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


def test_the_app_recovers_by_itself_when_postgresql_restarts_under_load(stack, figures, researcher_session):
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
    pk, _ = start_participants_export(stack, researcher_session)
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
