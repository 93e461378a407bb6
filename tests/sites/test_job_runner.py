"""How sites/jobs.py runs a job, in the embedded mode (tasks in-process): fast, no broker needed."""

import pytest

from hlmstudy.celery import app
from sites import jobs
from sites.models import Job
from sites.tasks import export_participants


@pytest.fixture
def eager(monkeypatch):
    """In-process tasks whatever the environment holds (a REDIS_URL would make them go to a broker)."""
    monkeypatch.setitem(app.conf, "task_always_eager", True)


def enqueue_now(task, owner, study, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue(task, kind="participants_export", owner=owner, study=study)
    job.refresh_from_db()
    return job


def test_an_export_job_runs_in_process_and_keeps_its_file(
    eager, study, researcher, participant_a, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    job = enqueue_now(export_participants, researcher, study, django_capture_on_commit_callbacks)

    assert job.status == Job.Status.SUCCEEDED
    assert (job.progress, job.attempts, job.result) == (100, 1, {"rows": 1})
    assert "R-MTL1-01" in job.result_file.read().decode("utf-8-sig")


def test_a_finished_job_is_not_run_twice(
    eager, study, researcher, participant_a, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    job = enqueue_now(export_participants, researcher, study, django_capture_on_commit_callbacks)
    first_file = job.result_file.name

    # The same message delivered again, as after a worker died before acknowledging it.
    export_participants.delay(job.pk)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.result_file.name) == (Job.Status.SUCCEEDED, 1, first_file)
    assert [path.name for path in tmp_path.rglob("*.csv")] == [first_file.rsplit("/", 1)[-1]]


def test_a_failing_job_records_its_reason_and_keeps_its_progress(study, researcher):
    job = Job.objects.create(kind="test", owner=researcher, study=study)

    def work(job, progress):
        progress(30, "half way")
        raise ValueError("The archive is sealed.")

    jobs.run(job.pk, work)

    job.refresh_from_db()
    assert (job.status, job.error, job.progress, job.attempts) == (Job.Status.FAILED, "The archive is sealed.", 30, 1)
    assert job.finished_at is not None


def test_a_failed_job_is_not_retried_by_a_second_delivery(study, researcher):
    job = Job.objects.create(kind="test", owner=researcher, study=study, status=Job.Status.FAILED, error="earlier")
    calls = []

    jobs.run(job.pk, lambda job, progress: calls.append(job.pk))

    job.refresh_from_db()
    assert calls == []
    assert (job.status, job.error) == (Job.Status.FAILED, "earlier")


def test_a_job_waits_with_a_reason_when_the_broker_is_down(
    study, researcher, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis is not answering")

    monkeypatch.setattr(export_participants, "apply_async", broker_down)

    job = enqueue_now(export_participants, researcher, study, django_capture_on_commit_callbacks)

    assert job.status == Job.Status.PENDING
    assert job.message  # the job page explains why nothing happens yet
