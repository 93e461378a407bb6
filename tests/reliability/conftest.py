"""The running stack for the reliability scenarios, and the JSON summary of their figures.

The stack starts once (about 30 s) and is stopped whatever happens. The summary goes to
RELIABILITY_SUMMARY (default var/reliability-summary.json) and to the end of pytest's report.
"""

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from tests.reliability.client import Browser
from tests.reliability.stack import ROOT, Stack, missing_programs

FIGURES = {}


def pytest_runtest_logreport(report):
    if report.when == "call" and "tests/reliability/" in report.nodeid:
        name = report.nodeid.rsplit("::", 1)[-1].removeprefix("test_")
        FIGURES.setdefault(name, {})["outcome"] = report.outcome


# Package scope: one stack for every scenario here, stopped as soon as they are done rather than kept
# idling while the rest of ./dev test runs.
@pytest.fixture(scope="package")
def stack():
    missing = missing_programs()
    if missing:
        message = f"the reliability suite needs {', '.join(missing)}"
        if os.getenv("CI"):
            pytest.fail(message)  # CI must run it, not skip it
        pytest.skip(message)
    # Readable by the postgres account, which owns the cluster when the suite runs as root.
    folder = Path(tempfile.mkdtemp(prefix="hlm-reliability-"))
    folder.chmod(0o755)
    running = Stack(folder)
    started = time.monotonic()
    try:
        FIGURES["stack_start_seconds"] = running.start()
        FIGURES["stack_start_seconds"]["total"] = round(time.monotonic() - started, 1)
        yield running
    finally:
        running.stop()
        if not os.getenv("RELIABILITY_KEEP"):
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="package")
def researcher_session(stack):
    """One researcher's session for the job scenarios (allauth limits how often one account logs in)."""
    return Browser(stack.base_url).log_in(stack.seed["researchers"][0], stack.seed["password"])


@pytest.fixture
def figures(request):
    """The scenario's figures, filed under its name in the summary, with whether it passed."""
    mine = FIGURES.setdefault(request.node.name.removeprefix("test_"), {})
    started = time.monotonic()
    yield mine
    mine["seconds"] = round(time.monotonic() - started, 1)


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    path = Path(os.getenv("RELIABILITY_SUMMARY", ROOT / "var" / "reliability-summary.json"))
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"reliability": FIGURES}, indent=2, ensure_ascii=False)
    path.write_text(text + "\n")
    terminalreporter.section("reliability summary")
    terminalreporter.write_line(f"written to {path}")
    terminalreporter.write_line(text)
