from celery import shared_task

from reports import exports, sheet_jobs, thematic_jobs
from reports.refi import export as refi_export
from reports.refi import import_ as refi_import
from sites import jobs


# REFI-QDA exchange (reports/refi/): a study out as .qdpx, a .qdpx or .qdc in.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def export_qdpx(job_id):
    jobs.run(job_id, refi_export.export_job)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_qdpx(job_id):
    jobs.run(job_id, refi_import.import_job)


# Exports of codings too large to send within the request (reports/views/exports.py, DIRECT_LIMIT).
@shared_task(acks_late=True, reject_on_worker_lost=True)
def export_codings(job_id):
    jobs.run(job_id, exports.export_codings)


# Synthesis sheets (reports/services.py): a PDF proof of a draft, or publishing the next version.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_sheet_pdf(job_id):
    jobs.run(job_id, sheet_jobs.render_sheet_job)


# Thematic reports (reports/thematic_jobs.py): a saved definition printed as PDF or DOCX.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_thematic_report(job_id):
    jobs.run(job_id, thematic_jobs.render_report_job)
