"""Jobs that never get lost: claiming, the sweeper, a broker that is down, result files written whole.

In-process and fast; tests/reliability/ proves the same with a real worker killed, Redis stopped and
PostgreSQL restarted.
"""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from kombu import pools

from hlmstudy.celery import app
from sites import jobs
from sites.models import Job
from sites.storage import AtomicFileSystemStorage
from sites.tasks import export_participants

TASK = export_participants.name


def make_job(owner, study, **fields):
    return Job.objects.create(kind="export_participants", owner=owner, study=study, task=TASK, **fields)


def ago(seconds):
    return timezone.now() - timedelta(seconds=seconds)


@pytest.fixture
def sent(monkeypatch):
    """Record what would go to the broker instead of sending it."""
    calls = []
    monkeypatch.setattr(export_participants, "apply_async", lambda args, **kwargs: calls.append(args[0]))
    return calls


def test_a_job_is_claimed_by_one_worker_only(study, researcher):
    job = make_job(researcher, study)

    first = jobs.claim(job.pk, worker="host-a:1")
    second = jobs.claim(job.pk, worker="host-b:2")

    assert first is not None and second is None
    job.refresh_from_db()
    assert (job.status, job.worker, job.attempts) == (Job.Status.RUNNING, "host-a:1", 1)
    assert job.heartbeat_at is not None


def test_a_job_whose_worker_stopped_beating_can_be_claimed_again(study, researcher, settings):
    job = make_job(researcher, study, status=Job.Status.RUNNING, worker="dead:1", attempts=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))

    assert jobs.claim(job.pk, worker="alive:2") is not None
    job.refresh_from_db()
    assert (job.worker, job.attempts) == ("alive:2", 2)


def test_a_job_out_of_runs_is_not_claimed_again_by_a_late_delivery(study, researcher, settings):
    job = make_job(researcher, study, status=Job.Status.RUNNING, attempts=settings.JOB_MAX_ATTEMPTS)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))

    assert jobs.claim(job.pk, worker="late:3") is None


def test_a_second_delivery_while_the_job_runs_does_nothing(study, researcher):
    job = make_job(researcher, study)
    calls = []

    def work(job, progress):
        calls.append("outer")
        jobs.run(job.pk, lambda job, progress: calls.append("inner"))  # the same message, delivered again
        return {"rows": 0}

    jobs.run(job.pk, work)

    job.refresh_from_db()
    assert calls == ["outer"]
    assert (job.status, job.attempts) == (Job.Status.SUCCEEDED, 1)


@pytest.mark.django_db(transaction=True)  # the heartbeat thread has its own connection: it sees committed rows
def test_the_heartbeat_moves_while_the_work_runs(study, researcher, settings):
    settings.JOB_HEARTBEAT_SECONDS = 0.05
    job = make_job(researcher, study)
    seen = []

    def work(job, progress):
        first = Job.objects.get(pk=job.pk).heartbeat_at
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and Job.objects.get(pk=job.pk).heartbeat_at == first:
            time.sleep(0.02)
        seen.append(Job.objects.get(pk=job.pk).heartbeat_at > first)

    jobs.run(job.pk, work)

    assert seen == [True]


def test_the_sweeper_sends_again_a_job_the_broker_never_got(study, researcher, settings, sent):
    job = make_job(researcher, study)
    Job.objects.filter(pk=job.pk).update(created_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))
    young = make_job(researcher, study)  # may still be on its way: left alone

    counts = jobs.sweep()

    assert (counts, sent) == ({"sent": 1, "failed": 0}, [job.pk])
    job.refresh_from_db()
    assert job.sent_at is not None
    assert young.pk not in sent


def test_the_sweeper_sends_again_a_job_whose_worker_died(study, researcher, settings, sent):
    job = make_job(researcher, study, status=Job.Status.RUNNING, worker="dead:1", attempts=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))
    alive = make_job(researcher, study, status=Job.Status.RUNNING, worker="alive:2", attempts=1)
    Job.objects.filter(pk=alive.pk).update(heartbeat_at=timezone.now())

    jobs.sweep()

    assert sent == [job.pk]
    job.refresh_from_db()
    assert (job.status, job.worker) == (Job.Status.PENDING, "")
    assert job.message  # the job page says why it starts again
    alive.refresh_from_db()
    assert alive.status == Job.Status.RUNNING


def test_a_job_that_lost_its_worker_too_often_fails_with_the_reason(study, researcher, settings, sent):
    job = make_job(researcher, study, status=Job.Status.RUNNING, attempts=settings.JOB_MAX_ATTEMPTS)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))

    counts = jobs.sweep()

    assert (counts, sent) == ({"sent": 0, "failed": 1}, [])
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert str(settings.JOB_MAX_ATTEMPTS) in job.error
    assert job.finished_at is not None


def test_the_sweep_command_reports_what_it_did(study, researcher, settings, sent):
    job = make_job(researcher, study)
    Job.objects.filter(pk=job.pk).update(created_at=ago(settings.JOB_STALE_AFTER_SECONDS + 1))
    out = StringIO()
    call_command("sweep_jobs", stdout=out)

    assert sent == [job.pk]
    assert out.getvalue().startswith("1 ")


def _forget_broker_connections():
    """kombu keeps one pool per broker address for the whole process: close and forget them all."""
    pools.reset()
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture
def redis_down(monkeypatch):
    """The app pointed at a port where nothing listens: the connection is refused, as when Redis is stopped."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:9/0")
    _forget_broker_connections()
    yield
    _forget_broker_connections()  # then monkeypatch puts the real settings back; pools are made afresh


def test_enqueueing_while_redis_is_down_answers_quickly_and_keeps_the_job(
    study, researcher, django_capture_on_commit_callbacks, redis_down
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue(export_participants, kind="export_participants", owner=researcher, study=study)
    elapsed = time.monotonic() - started

    job.refresh_from_db()
    assert elapsed < 3
    assert (job.status, job.sent_at, job.task) == (Job.Status.PENDING, None, TASK)
    assert job.message


def test_a_retried_job_replaces_the_file_its_killed_attempt_left(study, researcher, media_root):
    job = make_job(researcher, study)
    jobs.attach_file(job, f"export-{job.pk}.csv", ContentFile(b"first attempt"))
    job = Job.objects.get(pk=job.pk)

    jobs.attach_file(job, f"export-{job.pk}.csv", ContentFile(b"second attempt"))

    job.refresh_from_db()
    assert job.result_file.read() == b"second attempt"
    assert [path.name for path in media_root.rglob("*") if path.is_file()] == [f"export-{job.pk}.csv"]


def test_the_storage_writes_whole_files_and_leaves_no_temporary_file(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)

    first = storage.save("a/report.csv", ContentFile("été\n"))
    second = storage.save("a/report.csv", ContentFile(b"other"))

    assert first == "a/report.csv" and second != first  # a taken name is never overwritten
    assert (tmp_path / first).read_text() == "été\n"
    assert sorted(path.name for path in (tmp_path / "a").iterdir()) == sorted([first[2:], second[2:]])
    assert oct((tmp_path / first).stat().st_mode & 0o777) == oct(0o644)
