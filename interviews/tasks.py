from celery import shared_task

from interviews.batch import import_batch
from sites import jobs


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_transcripts(job_id):
    jobs.run(job_id, import_batch)
