"""A real Celery worker publishes a synthesis sheet: the PDF is printed in the worker, not in the web process."""

import hashlib

import pytest

from reports.models import SheetVersion
from reports.tasks import render_sheet_pdf
from sites import jobs
from sites.models import Job
from tests.reports.sheet_fixtures import build_sheet
from tests.sites.test_jobs_worker import wait_until_finished, worker, worker_log, worker_media  # noqa: F401

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_publishes_a_sheet_with_its_pdf(worker, worker_media, study, site_a, participant_a, researcher):  # noqa: F811
    written = build_sheet(study, site_a, participant_a, researcher=researcher)
    params = {"sheet": written.sheet.pk, "publish": True}
    job = jobs.enqueue(render_sheet_pdf, kind="sheet_publish", owner=researcher, study=study, params=params)

    job = wait_until_finished(job, worker)

    assert job.status == Job.Status.SUCCEEDED, job.error
    assert "reports.tasks.render_sheet_pdf" in worker_log(worker)
    version = SheetVersion.objects.get(job=job)
    with version.pdf.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF-") and hashlib.sha256(pdf).hexdigest() == version.sha256
