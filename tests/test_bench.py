"""The bench command builds its own scratch database, so it runs in a subprocess: inside pytest the default
connection already points at the test database (in memory on SQLite), which the bench must not replace."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hlmstudy.benchmarks import BenchError, expect_page, percentile
from sites.models import Participant, Study

BASE_DIR = Path(__file__).resolve().parent.parent
OPS = {"dashboard_open", "participant_list", "thematic_report_pdf", "thematic_report_pdf_synthetic"}


def run_bench(tmp_path, database_url, *args):
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path),
        "TMPDIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "bench", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # the whole of stdout is one JSON object


def assert_report_shape(report, *, scale, database, repeat):
    assert set(report) == {"scale", "database", "ops"}
    assert report["scale"] == scale
    assert report["database"] == database
    assert OPS <= set(report["ops"])
    for figures in report["ops"].values():
        assert figures["n"] == repeat
        assert 0 <= figures["p50_ms"] <= figures["p95_ms"]


def test_bench_prints_one_json_object_and_leaves_the_configured_database_alone(tmp_path):
    configured = tmp_path / "mine.sqlite3"
    with sqlite3.connect(configured) as db:
        db.execute("CREATE TABLE kept (value TEXT)")
        db.execute("INSERT INTO kept VALUES ('my data')")
    before = configured.read_bytes()

    report = run_bench(tmp_path, f"sqlite:///{configured}", "--scale", "0.1", "--repeat", "2", "--json")

    assert_report_shape(report, scale=0.1, database="sqlite", repeat=2)
    assert configured.read_bytes() == before
    assert not list(tmp_path.glob("hlm-bench-*")), "the scratch database was not removed"


@pytest.mark.django_db(transaction=True)
def test_bench_on_postgresql_uses_its_own_database(tmp_path, study, participant_a):
    if connection.vendor != "postgresql":
        pytest.skip("runs when the tests run on PostgreSQL")
    s = connection.settings_dict
    url = (
        f"postgres://{quote(s['USER'] or '')}:{quote(s['PASSWORD'] or '')}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"
    )

    report = run_bench(tmp_path, url, "--scale", "1", "--repeat", "2", "--ops", "participant_list", "--json")

    assert report["database"] == "postgresql" and set(report["ops"]) == {"participant_list"}
    assert list(Study.objects.values_list("slug", flat=True)) == ["etude"]
    assert list(Participant.objects.values_list("code", flat=True)) == ["R-MTL1-01"]


def test_bench_refuses_an_unknown_op_before_building_anything():
    with pytest.raises(CommandError, match="no_such_op"):
        call_command("bench", "--ops", "dashboard_open,no_such_op")


def test_bench_lists_its_ops(capsys):
    call_command("bench", "--list")
    assert OPS <= {line.split()[0] for line in capsys.readouterr().out.splitlines()}


@pytest.mark.django_db
def test_a_page_that_is_not_what_it_should_be_is_not_benchmarked(client, study, site_a, researcher):
    client.force_login(researcher)
    assert expect_page(client.get(f"/studies/{study.slug}/"), [">MTL1<"])
    with pytest.raises(BenchError, match="lacks"):
        expect_page(client.get(f"/studies/{study.slug}/"), [">QC9<"])
    with pytest.raises(BenchError, match="404"):
        expect_page(client.get("/studies/nowhere/"), [])


def test_percentiles_are_nearest_rank():
    samples = [float(n) for n in range(20, 0, -1)]
    assert percentile(samples, 50) == 10.0
    assert percentile(samples, 95) == 19.0
    assert percentile([3.0], 95) == 3.0


def test_bench_has_the_agreement_op(capsys):
    call_command("bench", "--list")
    assert "agreement_study" in {line.split()[0] for line in capsys.readouterr().out.splitlines()}


def test_bench_keep_builds_once_and_reuses_the_kept_database(tmp_path):
    configured = f"sqlite:///{tmp_path / 'mine.sqlite3'}"
    args = ("--scale", "0.1", "--repeat", "2", "--ops", "participant_list", "--json", "--keep")
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": configured, "DATA_DIR": str(tmp_path)}
    env["TMPDIR"] = str(tmp_path)

    runs = [
        subprocess.run(
            [sys.executable, "manage.py", "bench", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]

    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert "built sites" in runs[0].stderr and "kept sites from an earlier run" in runs[1].stderr
    assert "built sites" not in runs[1].stderr
    assert list(tmp_path.glob("bench-keep_0_1.sqlite3")), "the kept database is where the next run finds it"
    figures = json.loads(runs[1].stdout)["ops"]["participant_list"]
    assert figures["queries"] >= 1 and figures["cpu_p50_ms"] > 0
