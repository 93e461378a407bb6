"""Thematic reports for the team: saved definitions (the builder), the report as a web page, PDF and DOCX files
generated in a job, and the last files generated, listed for download with who made them and when."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports import thematic, thematic_output
from reports.forms import ReportDefinitionForm
from reports.models import ReportDefinition, ThematicReport
from reports.tasks import render_thematic_report
from sites import jobs, permissions
from sites.views.access import get_study

RECENT_REPORTS = 20


def get_definition(request, study, pk):
    """The definition if every one of its sites is within the user's limits (404 otherwise)."""
    definitions = ReportDefinition.objects.visible_to(request.user).filter(study=study)
    return get_object_or_404(definitions.select_related("study", "coder", "code"), pk=pk)


def may_edit(user, definition):
    return definition.created_by_id == user.pk or permissions.has_role(user, definition.study, permissions.EDIT)


def recent_reports(user, study):
    return (
        ThematicReport.objects.visible_to(user)
        .filter(study=study)
        .select_related("definition", "created_by")
        .order_by("-created_at", "-pk")
    )


@login_required
def thematic_list(request, study):
    study = get_study(request, study)
    definitions = (
        ReportDefinition.objects.visible_to(request.user)
        .filter(study=study)
        .select_related("code")
        .prefetch_related("sites")
        .order_by("title", "pk")
    )
    context = {
        "study": study,
        "definitions": definitions,
        "reports": recent_reports(request.user, study)[:RECENT_REPORTS],
    }
    return render(request, "reports/thematic_list.html", context)


@login_required
def thematic_create(request, study):
    study = get_study(request, study)
    form = ReportDefinitionForm(request.POST or None, study=study, user=request.user)
    if request.method == "POST" and form.is_valid():
        definition = form.save(commit=False)
        definition.study, definition.created_by = study, request.user
        definition.save()
        form.save_m2m()
        messages.success(request, _("Report definition saved."))
        return redirect("reports:thematic_detail", study=study.slug, pk=definition.pk)
    status = 400 if form.errors else 200
    return render(request, "reports/thematic_form.html", {"study": study, "form": form}, status=status)


@login_required
def thematic_edit(request, study, pk):
    study = get_study(request, study)
    definition = get_definition(request, study, pk)
    if not may_edit(request.user, definition):
        raise PermissionDenied
    form = ReportDefinitionForm(request.POST or None, instance=definition, study=study, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Report definition saved."))
        return redirect("reports:thematic_detail", study=study.slug, pk=definition.pk)
    status = 400 if form.errors else 200
    context = {"study": study, "form": form, "definition": definition}
    return render(request, "reports/thematic_form.html", context, status=status)


@login_required
def thematic_detail(request, study, pk):
    """The definition, the buttons that generate its files, and its last files."""
    study = get_study(request, study)
    definition = get_definition(request, study, pk)
    filters, sites = thematic.report_filters(definition, user=request.user)
    context = {
        "study": study,
        "definition": definition,
        "sites": sites,
        "filter_errors": filters.errors if not filters.is_valid() else {},
        "can_edit": may_edit(request.user, definition),
        "reports": recent_reports(request.user, study).filter(definition=definition)[:RECENT_REPORTS],
        "formats": ThematicReport.Format.choices,
    }
    return render(request, "reports/thematic_detail.html", context)


@login_required
def thematic_page(request, study, pk):
    """The report as a web page, computed now."""
    study = get_study(request, study)
    definition = get_definition(request, study, pk)
    selection = thematic.select(definition, user=request.user)
    context = thematic_output.document_context(
        definition, selection, generated_by=request.user, generated_at=timezone.now()
    )
    context["link_quotes"] = True
    return render(request, "reports/thematic_page.html", context)


@require_POST
@login_required
def thematic_generate(request, study, pk):
    study = get_study(request, study)
    definition = get_definition(request, study, pk)
    chosen = request.POST.get("format")
    if chosen not in ThematicReport.Format.values:
        messages.error(request, _("Choose PDF or DOCX."))
        return redirect("reports:thematic_detail", study=study.slug, pk=definition.pk)
    params = {"definition": definition.pk, "format": chosen, "language": get_language()}
    job = jobs.enqueue(render_thematic_report, kind="thematic_report", owner=request.user, study=study, params=params)
    return redirect("sites:job_detail", pk=job.pk)


@login_required
def thematic_download(request, study, pk):
    study = get_study(request, study)
    report = get_object_or_404(ThematicReport.objects.visible_to(request.user).filter(study=study), pk=pk)
    if not report.file:
        raise Http404
    name = report.file.name.rsplit("/", 1)[-1]
    response = FileResponse(report.file.open("rb"), as_attachment=True, filename=name)
    response["Cache-Control"] = "no-store"
    return response
