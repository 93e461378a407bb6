"""The synthesis-sheet job: print a proof of the sheet as it stands, or publish its next version."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _

from reports import services
from reports.models import SynthesisSheet
from sites import jobs


def render_sheet_job(job, progress):
    """params: {"sheet": pk, "publish": bool}. A proof is the job's result file; a publication is a version."""
    sheet = SynthesisSheet.objects.select_related("study").get(pk=job.params["sheet"])
    if job.params.get("publish"):
        try:
            version = services.publish_sheet(sheet, by=job.owner, job=job, progress=progress)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from error
        url = reverse("reports:sheet_detail", kwargs={"study": sheet.study.slug, "pk": sheet.pk})
        summary = _("Version %(number)s is published.") % {"number": version.number}
        return {
            "summary": summary,
            "entries": [{"name": sheet.title, "ok": True, "message": _("Back to the sheet"), "url": url}],
        }
    progress(20, _("Printing the PDF…"))
    _article, pdf = services.render_sheet(sheet)
    jobs.attach_file(job, f"{sheet.study.slug}-sheet-{sheet.pk}-proof.pdf", ContentFile(pdf))
    return {"summary": _("The proof is ready.")}
