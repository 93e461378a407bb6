"""The thematic-report job: select, lay out (PDF or DOCX) and store one report of a saved definition."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reports import services, thematic, thematic_output
from reports.models import ReportDefinition, ThematicReport


def render_report_job(job, progress):
    """params: {"definition": pk, "format": "pdf" | "docx", "language": code}. Read as the job's owner sees it."""
    params = job.params
    with translation.override(params.get("language") or settings.LANGUAGE_CODE):
        report = ThematicReport.objects.filter(job=job).select_related("study").first()
        if report is None:
            report = _generate(job, params, progress)
        url = reverse("reports:thematic_download", kwargs={"study": report.study.slug, "pk": report.pk})
        return {
            "summary": _("The report is ready: %(quotes)s quotes, %(left)s excerpts left out.")
            % {"quotes": report.quotes, "left": report.left_out},
            "entries": [
                {"name": report.file.name.rsplit("/", 1)[-1], "ok": True, "message": _("Download"), "url": url}
            ],
        }


def _generate(job, params, progress):
    definition = (
        ReportDefinition.objects.visible_to(job.owner)
        .select_related("study", "coder")
        .filter(pk=params["definition"])
        .first()
    )
    if definition is None:
        raise ValueError(_("This report definition is gone, or covers sites you may no longer see."))
    progress(5, _("Selecting the excerpts…"))
    selection = thematic.select(definition, user=job.owner, progress=progress)
    if selection.errors:
        raise ValueError(_("The report's filters are no longer valid: edit the definition."))
    context = thematic_output.document_context(
        definition, selection, generated_by=job.owner, generated_at=timezone.now()
    )
    progress(30, _("Laying out %(n)s quotes…") % {"n": selection.quote_count})
    if params["format"] == ThematicReport.Format.PDF:
        content = thematic_output.report_pdf(context)
    else:
        content = thematic_output.report_docx(context)
    progress(95, _("Storing the file…"))
    return services.store_thematic_report(
        definition, by=job.owner, file_format=params["format"], content=content, selection=selection, job=job
    )
