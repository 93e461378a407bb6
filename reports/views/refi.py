"""REFI-QDA exchange pages: export the study (.qdpx, a job) or its codebook (.qdc), import a file (a job)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from reports.refi import export, import_
from reports.refi.forms import RefiImportForm
from reports.tasks import export_qdpx, import_qdpx
from sites import jobs, permissions
from sites.audit import record_access
from sites.models import AccessEvent, Site
from sites.permissions import Role
from sites.views.access import get_study

# DESIGN.md: team members "generate reports and exports"; coders code, they do not take the data out.
EXPORT = permissions.READ - {Role.CODER}


@login_required
def refi_exchange(request, study):
    study = get_study(request, study, need=EXPORT)
    return _page(request, study, _import_form(request, study) if _can_import(request, study) else None)


@require_POST
@login_required
def refi_project_export(request, study):
    study = get_study(request, study, need=EXPORT)
    params = {"language": translation.get_language()}
    job = jobs.enqueue(export_qdpx, kind="export_qdpx", owner=request.user, study=study, params=params)
    return redirect("sites:job_detail", pk=job.pk)


@login_required
def refi_codebook_export(request, study):
    study = get_study(request, study, need=EXPORT)
    exported = export.export_codebook(study, user=request.user)
    record_access(request, AccessEvent.Kind.EXPORT_DOWNLOAD, study=study, object_type="export", detail="codebook.qdc")
    response = HttpResponse(exported.content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{study.slug}-codebook.qdc"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def refi_import(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    form = _import_form(request, study)
    if not form.is_valid():
        return _page(request, study, form, status=400)
    site = form.cleaned_data["site"]
    params = {
        "path": import_.stage(form.cleaned_data["file"]),
        "name": form.cleaned_data["file"].name.replace("\\", "/").rsplit("/", 1)[-1][:200],
        "site_id": site.pk if site else None,
        "dry_run": form.cleaned_data["dry_run"],
        "language": translation.get_language(),
    }
    job = jobs.enqueue(import_qdpx, kind="import_qdpx", owner=request.user, study=study, params=params)
    return redirect("sites:job_detail", pk=job.pk)


def _can_import(request, study):
    return permissions.has_role(request.user, study, permissions.EDIT)


def _import_form(request, study):
    sites = Site.objects.editable_by(request.user).filter(study=study)
    if request.method == "POST":
        return RefiImportForm(request.POST, request.FILES, sites=sites)
    return RefiImportForm(sites=sites)


def _page(request, study, form, status=200):
    return render(request, "reports/refi_exchange.html", {"study": study, "form": form}, status=status)
