"""The synthesis sheet's PDF: the demo's transversal sheet (three charts, four quotes, the lexicon) published end
to end through its job, as the worker runs it: the checks, the HTML, WeasyPrint, the stored version.

No builder: the op loads the demo study into the scratch database once (untimed), beside the synthetic one.
Issue 6's target: sheet_pdf ≤ 3 s.
"""

from hlmstudy.benchmarks import BenchError, load_demo_study, op
from reports.models import SheetVersion, SynthesisSheet
from reports.tasks import render_sheet_pdf
from sites.models import Job


@op("sheet_pdf")
def sheet_pdf(bench):
    # The versions' PDFs go to the demo's media folder of the run's own, removed with it.
    study, close = load_demo_study()
    sheet = SynthesisSheet.objects.get(study=study, site__isnull=True)
    if sheet.evidence.filter(kind="chart").count() != 3:
        raise BenchError("the demo transversal sheet should carry three charts")
    owner = sheet.created_by

    def run_once():
        job = Job.objects.create(kind="sheet_publish", owner=owner, study=sheet.study,
                                 params={"sheet": sheet.pk, "publish": True})  # fmt: skip
        render_sheet_pdf.apply(args=[job.pk])
        job.refresh_from_db()
        version = SheetVersion.objects.filter(job=job).first()
        if job.status != Job.Status.SUCCEEDED or version is None:
            raise BenchError(f"the publishing job ended {job.status}: {job.error}")
        with version.pdf.open("rb") as handle:
            if not handle.read(5) == b"%PDF-":
                raise BenchError("the stored version is not a PDF")

    run_once.close = close
    return run_once
