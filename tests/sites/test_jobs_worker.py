"""A real Celery worker and Redis run a job end to end: the proof that the asynchronous wiring works.

The worker is a subprocess of `celery -A hlmstudy worker` pointed at the test database pytest-django
created and at TEST_REDIS_URL, listening on a queue of its own so that two test runs sharing one Redis
never take each other's messages. It needs PostgreSQL: an in-memory SQLite database is invisible to
another process.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from celery import shared_task
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from kombu import pools

from hlmstudy.celery import app
from sites import jobs
from sites.models import Job
from sites.tasks import export_participants

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

JOB_DEADLINE_SECONDS = 60
REFUSAL = "The archive is sealed: nothing to export."


@shared_task(acks_late=True, reject_on_worker_lost=True)
def refuse_on_purpose(job_id):
    """A task that always fails, the way a task fails on bad data; the worker imports it from this module."""
    jobs.run(job_id, _refuse)


def _refuse(job, progress):
    progress(40, "Opening the archive.")
    raise ValueError(REFUSAL)


def _database_url():
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


def _reset_broker_connections():
    """Drop the producer's cached connections and queue routing so the next send reads app.conf afresh.

    kombu keeps one pool per broker address for the whole process: closing one without forgetting it
    (pools.reset does both) would hand the next module's worker fixture a closed pool for the same Redis.
    """
    pools.reset()
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture(scope="module")
def worker(django_db_setup, tmp_path_factory):
    """A running worker on the test database; this process sends to the same Redis while it runs."""
    if connection.vendor != "postgresql":
        pytest.skip("a real worker needs PostgreSQL: it cannot see this process's in-memory SQLite database")
    redis_url = os.getenv("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis at TEST_REDIS_URL={redis_url} does not answer ({error}); ./dev test starts it")

    queue = f"hlmstudy-test-{uuid.uuid4().hex[:12]}"
    media_root = tmp_path_factory.mktemp("worker-media")
    log_path = media_root.parent / f"{queue}.log"
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media_root),
    }
    command = [sys.executable, "-m", "celery", "-A", "hlmstudy", "worker", "--pool", "solo", "--concurrency", "1"]
    command += ["--queues", queue, "--hostname", f"{queue}@%h", "--include", __name__, "--loglevel", "INFO"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=django_settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)

    # hlmstudy.celery.app read the settings at import (eager, in-memory broker): point it at the worker.
    overrides = {"broker_url": redis_url, "task_always_eager": False, "task_default_queue": queue}
    saved = {key: app.conf[key] for key in overrides}
    app.conf.update(overrides)
    _reset_broker_connections()
    try:
        yield {"process": process, "media_root": media_root, "log_path": log_path}
    finally:
        app.conf.update(saved)
        _reset_broker_connections()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def worker_media(worker, settings):
    """This process reads the files the worker writes."""
    settings.MEDIA_ROOT = str(worker["media_root"])
    return worker["media_root"]


def wait_until_finished(job, worker):
    deadline = time.monotonic() + JOB_DEADLINE_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        if worker["process"].poll() is not None:
            break
        time.sleep(0.2)
    log = worker_log(worker)[-4000:]
    pytest.fail(f"job {job.pk} is still {job.status} (worker exit code {worker['process'].poll()}); log:\n{log}")


def worker_log(worker):
    return Path(worker["log_path"]).read_text(errors="replace")


def test_a_real_worker_exports_the_participants(worker, worker_media, study, researcher, participant_a, participant_b):
    job = jobs.enqueue(export_participants, kind="participants_export", owner=researcher, study=study)

    job = wait_until_finished(job, worker)

    assert job.status == Job.Status.SUCCEEDED, job.error
    assert "sites.tasks.export_participants" in worker_log(worker), "the job ran somewhere else than the worker"
    assert job.progress == 100
    assert job.attempts == 1
    assert job.result == {"rows": 2}
    with job.result_file.open("rb") as exported:
        text = exported.read().decode("utf-8-sig")
    assert "R-MTL1-01" in text
    assert "R-QC1-01" in text


def test_a_failing_task_leaves_the_job_failed_with_its_reason(worker, worker_media, study, researcher, login):
    job = jobs.enqueue(refuse_on_purpose, kind="refusal", owner=researcher, study=study)

    job = wait_until_finished(job, worker)

    assert job.status == Job.Status.FAILED
    assert job.error == REFUSAL
    assert job.progress == 40
    page = login(researcher).get(reverse("sites:job_detail", args=[job.pk]), headers={"HX-Request": "true"})
    assert REFUSAL in page.content.decode()
