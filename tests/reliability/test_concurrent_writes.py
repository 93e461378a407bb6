"""Many people writing at once over HTTP: coders coding, researchers editing one memo.

Each scenario checks the outcome in the database and files its figures in the JSON summary (conftest.py).
"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.client import Browser, field_value, percentile
from tests.reliability.probes import JOB_DEADLINE, acknowledged_codings_missing, code_a_range

pytestmark = pytest.mark.reliability

CODINGS_PER_CODER = 200
MEMO_EDITS_PER_CLIENT = 5


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
