from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import translation

from sites import jobs
from sites.exports import participants_csv
from sites.models import AttributeDefinition, Participant


@shared_task(acks_late=True, reject_on_worker_lost=True)
def export_participants(job_id):
    jobs.run(job_id, _export_participants)


def _export_participants(job, progress):
    with translation.override(job.params.get("language")):
        site_ids = job.params.get("site_ids")
        participants = Participant.objects.visible_to(job.owner).filter(study=job.study).with_related()
        if site_ids is not None:
            participants = participants.filter(site_id__in=site_ids)
        participants = list(participants.order_by("code"))
        progress(10, translation.gettext("Writing %(count)s rows.") % {"count": len(participants)})
        text = participants_csv(participants, list(AttributeDefinition.objects.filter(study=job.study)), progress)
        # Encoded with a BOM so that spreadsheet programs read the accents right.
        name = f"participants-{job.study.slug}-{job.pk}.csv"
        jobs.attach_file(job, name, ContentFile(text.encode("utf-8-sig")))
    return {"rows": len(participants)}


@shared_task(ignore_result=True)
def sweep_jobs():
    """Celery beat runs this every JOB_SWEEP_SECONDS, and each worker once when it starts."""
    return jobs.sweep()
