"""Running work as a Job: the row is created first, the task only carries its id.

`enqueue` sends the task once the creating transaction commits (so a worker never looks for a row that
is not there yet); `run` is what every task calls. It is idempotent: a job already finished is left as
it is, so a message delivered twice after a worker died does the work once.

A job runs in the language of the person who started it: `enqueue` keeps the active language in the job's
params and `run` activates it around the work, so a worker (French by default) writes an English reader's
file headers, progress messages and errors in English.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sites.models import Job

logger = logging.getLogger(__name__)


def enqueue(task, *, kind, owner, study=None, params=None):
    """Create the Job row and send `task(job_id)` after commit; in the embedded default it runs at once."""
    params = {"language": translation.get_language() or settings.LANGUAGE_CODE, **(params or {})}
    job = Job.objects.create(kind=kind, owner=owner, study=study, params=params)
    transaction.on_commit(lambda: _send(task, job.pk))
    return job


def _send(task, job_id):
    try:
        task.apply_async(args=[job_id], retry=True, retry_policy={"max_retries": 2, "interval_start": 0.2})
    except Exception as error:  # the broker is down: the job stays pending with a reason, nothing is lost
        logger.warning("could not enqueue job %s: %s", job_id, error)
        Job.objects.filter(pk=job_id, status=Job.Status.PENDING).update(
            message=_("Waiting for the task queue to come back.")
        )


def run(job_id, work):
    """Run `work(job, progress)` for the job, recording its status, progress, result or error."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:
        return
    with translation.override(job.params.get("language") or settings.LANGUAGE_CODE):
        _run(job, work)


def _run(job, work):
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1, error=""
    )

    def progress(percent, message=""):
        Job.objects.filter(pk=job.pk).update(progress=max(0, min(100, int(percent))), message=message[:300])

    try:
        result = work(job, progress) or {}
    except Exception as error:
        logger.exception("job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=str(error) or error.__class__.__name__, finished_at=timezone.now()
        )
        return
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.SUCCEEDED,
        progress=100,
        result=result,
        message=_("Done."),
        finished_at=timezone.now(),
    )


def attach_file(job, name, content):
    """Store the job's result file without overwriting the status fields the runner maintains."""
    job.result_file.save(name, content, save=False)
    Job.objects.filter(pk=job.pk).update(result_file=job.result_file.name)
