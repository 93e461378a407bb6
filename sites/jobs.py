"""Running work as a Job: the row is the truth, Redis only carries its id to a worker.

- `enqueue` creates the row and hands the task to the broker once the transaction commits; when the broker
  is down it answers at once and the job stays pending (never lost: the sweeper sends it later).
- `run` is what every task calls. A worker first *claims* the job with one conditional UPDATE, so a message
  delivered twice (a worker killed before acknowledging, the sweeper sending again) runs the work once;
  while the work runs a heartbeat thread keeps `heartbeat_at` fresh.
- `sweep` sends again the jobs the broker never got or lost, and the jobs whose worker stopped beating
  (killed, machine lost); a job that lost its worker `JOB_MAX_ATTEMPTS` times fails with that reason.

A job runs in the language of the person who started it: `enqueue` keeps the active language in the job's
params and `run` activates it around the work, so a worker (French by default) writes an English reader's
file headers, progress messages and errors in English.
"""

import logging
import os
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sites.audit import acting_as
from sites.models import Job

logger = logging.getLogger(__name__)


def enqueue(task, *, kind, owner, study=None, params=None):
    """Create the Job row and send `task(job_id)` after commit; in the embedded default it runs at once."""
    params = {"language": translation.get_language() or settings.LANGUAGE_CODE, **(params or {})}
    job = Job.objects.create(kind=kind, owner=owner, study=study, params=params, task=task.name)
    transaction.on_commit(lambda: send(job.pk))
    return job


def send(job_id, *, message=""):
    """Hand the job to the broker, showing `message` until a worker starts it; False when the broker is down."""
    job = Job.objects.filter(pk=job_id, status=Job.Status.PENDING).only("task").first()
    if job is None or job.task not in current_app.tasks:
        return False
    sent_at = timezone.now()
    try:
        # No retry loop inside a request: a broker that is down costs at most the connection timeout.
        current_app.tasks[job.task].apply_async(args=[job_id], retry=False)
    except Exception as error:  # kombu and redis-py raise several kinds of connection errors
        logger.warning("could not send job %s to the broker: %s", job_id, error)
        Job.objects.filter(pk=job_id, status=Job.Status.PENDING).update(
            message=_("Waiting for the task queue to come back.")
        )
        return False
    Job.objects.filter(pk=job_id, status=Job.Status.PENDING).update(sent_at=sent_at, message=message)
    return True


def run(job_id, work):
    """Run `work(job, progress)` for the job if this worker can claim it, recording progress, result or error."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    job = claim(job_id, worker=worker)
    if job is None:
        return
    # The job's writes are the starter's in the change history, as they would be in a request.
    with translation.override(job.params.get("language") or settings.LANGUAGE_CODE), acting_as(job.owner_id):
        _run(job, work, worker=worker)


def _run(job, work, *, worker):
    mine = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=worker, attempts=job.attempts)

    def progress(percent, message=""):
        mine.update(progress=max(0, min(100, int(percent))), message=message[:300], heartbeat_at=timezone.now())

    with heartbeat(mine):
        try:
            result = work(job, progress) or {}
        except Exception as error:
            logger.exception("job %s failed", job.pk)
            mine.update(
                status=Job.Status.FAILED, error=str(error) or error.__class__.__name__, finished_at=timezone.now()
            )
            return
    mine.update(
        status=Job.Status.SUCCEEDED, progress=100, result=result, message=_("Done."), finished_at=timezone.now()
    )


def claim(job_id, *, worker):
    """Mark the job as running on `worker` if nobody else runs it (one UPDATE); the job, or None."""
    now = timezone.now()
    claimed = (
        Job.objects.filter(pk=job_id)
        .claimable(
            stale_before=now - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS),
            max_attempts=settings.JOB_MAX_ATTEMPTS,
        )
        .update(
            status=Job.Status.RUNNING,
            worker=worker,
            heartbeat_at=now,
            started_at=now,
            attempts=F("attempts") + 1,
            error="",
            message="",
        )
    )
    if not claimed:
        logger.info("job %s is finished or running elsewhere: this delivery does nothing", job_id)
        return None
    return Job.objects.select_related("owner", "study").get(pk=job_id)


@contextmanager
def heartbeat(mine):
    """Refresh `heartbeat_at` every JOB_HEARTBEAT_SECONDS from a thread while the body runs."""
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.JOB_HEARTBEAT_SECONDS):
                try:
                    mine.update(heartbeat_at=timezone.now())
                except Exception as error:  # the database restarting: beat again on a fresh connection
                    logger.warning("job heartbeat failed: %s", error)
                    close_old_connections()
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def sweep():
    """Send again the jobs nobody runs; fail those that lost their worker too often. A few queries a job found."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)
    counts = {"sent": 0, "failed": 0}
    for job in Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=stale).only("pk", "attempts"):
        if job.attempts >= settings.JOB_MAX_ATTEMPTS:
            counts["failed"] += _give_up(job, stale=stale, now=now)
        elif _release(job, stale=stale) and send(
            job.pk, message=_("The worker running this job stopped; it starts again.")
        ):
            counts["sent"] += 1
    # Pending: never sent (the broker was down at enqueue), or sent long ago and still not started (the broker
    # lost the message). Jobs younger than the stale delay may still be on their way.
    waiting = Job.objects.filter(status=Job.Status.PENDING, created_at__lt=stale).exclude(task="")
    resend_before = now - timedelta(seconds=settings.JOB_RESEND_AFTER_SECONDS)
    for job_id in waiting.filter(Q(sent_at__isnull=True) | Q(sent_at__lt=resend_before)).values_list("pk", flat=True):
        counts["sent"] += send(job_id)
    if any(counts.values()):
        logger.warning("job sweep: %(sent)s sent again, %(failed)s given up", counts)
    return counts


def _release(job, *, stale):
    """Put a job whose worker stopped back to pending, unless its worker came back meanwhile."""
    return Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, heartbeat_at__lt=stale).update(
        status=Job.Status.PENDING, worker=""
    )


def _give_up(job, *, stale, now):
    error = _("The worker running this job stopped %(count)s times; it was not tried again.") % {"count": job.attempts}
    return Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, heartbeat_at__lt=stale).update(
        status=Job.Status.FAILED, error=error, finished_at=now
    )


def attach_file(job, name, content):
    """Store the job's result file under `name`, replacing what an interrupted earlier attempt left there.

    Only the result_file column is written, so the status fields the runner maintains are not overwritten.
    """
    storage = job.result_file.storage
    earlier = Job.objects.filter(pk=job.pk).values_list("result_file", flat=True).first()
    for path in {earlier, job.result_file.field.generate_filename(job, name)} - {None, ""}:
        storage.delete(path)  # no-op when absent
    job.result_file.save(name, content, save=False)
    Job.objects.filter(pk=job.pk).update(result_file=job.result_file.name)
