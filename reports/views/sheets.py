"""Synthesis sheets for the team: the list, a new sheet, the editor page, the workflow (review, publish, withdraw)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports import evidence as sources
from reports import services
from reports.forms import AuthorFormSet, CommentForm, SheetCreateForm, SheetForm
from reports.models import SectionComment, SheetVersion, SynthesisSheet
from reports.sheet_html import section_html
from reports.tasks import render_sheet_pdf
from sites import jobs, permissions
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study, visible_sites


def get_sheet(request, study, pk, *, need=permissions.READ):
    """The sheet if the user may see it (404 otherwise); 403 when they may see it but not do `need`."""
    sheet = get_object_or_404(SynthesisSheet.objects.visible_to(request.user).filter(study=study), pk=pk)
    if need is permissions.EDIT and not SynthesisSheet.objects.editable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    return sheet


@login_required
def sheet_list(request, study):
    study = get_study(request, study)
    sheets = (
        SynthesisSheet.objects.visible_to(request.user)
        .filter(study=study)
        .select_related("site")
        .with_evidence_alert()
        .order_by("-date", "title")
    )
    context = {
        "study": study,
        "sheets": sheets,
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "reports/sheet_list.html", context)


@login_required
def sheet_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    all_sites = permissions.site_ids_for(request.user, study) is None
    form = SheetCreateForm(request.POST or None, sites=visible_sites(request, study), all_sites=all_sites)
    if request.method == "POST" and form.is_valid():
        sheet = services.create_sheet(study, by=request.user, **form.cleaned_data)
        messages.success(request, _("Sheet created from the template's sections."))
        return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)
    return render(request, "reports/sheet_create.html", {"study": study, "form": form})


@login_required
def sheet_detail(request, study, pk):
    """The editor: sections as they will print, the evidence and its problems, comments, versions."""
    study = get_study(request, study)
    sheet = get_sheet(request, study, pk)
    parts = services.sheet_parts(sheet)
    sections, evidence, authors, glossary = parts
    by_number = {item.number: item for item in evidence}
    comments = {}
    for comment in SectionComment.objects.filter(section__sheet=sheet).select_related("author"):
        comments.setdefault(comment.section_id, []).append(comment)
    problems = sources.problems(sheet, evidence)
    context = {
        "study": study,
        "sheet": sheet,
        "sections": [
            (section, section_html(section, by_number, language=sheet.language), comments.get(section.pk, []))
            for section in sections
        ],
        "evidence": evidence,
        "problems": problems,
        "problems_by_number": {problem.evidence.number: problem for problem in problems},
        "publication_problems": services.publication_problems(sheet, parts),
        "authors": authors,
        "glossary": glossary,
        "versions": sheet.versions.select_related("published_by"),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
        "can_comment": sheet.status != SynthesisSheet.Status.WITHDRAWN,
        "comment_form": CommentForm(),
    }
    return render(request, "reports/sheet_detail.html", context)


@login_required
def sheet_edit(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    form = SheetForm(request.POST or None, instance=sheet)
    authors = AuthorFormSet(request.POST or None, instance=sheet, prefix="authors")
    if request.method == "POST" and form.is_valid() and authors.is_valid():
        with transaction.atomic():
            form.save()
            authors.save()
        messages.success(request, _("Sheet saved."))
        return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)
    context = {"study": study, "sheet": sheet, "form": form, "authors": authors}
    return render(request, "reports/sheet_edit.html", context)


@require_POST
@login_required
def sheet_status(request, study, pk):
    """Send a draft to review, or a sheet in review back to draft."""
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    status = request.POST.get("status")
    if status not in (SynthesisSheet.Status.DRAFT, SynthesisSheet.Status.REVIEW):
        messages.error(request, _("Unknown status."))
    else:
        services.set_status(sheet, status)
        messages.success(request, _("The sheet is now: %(status)s.") % {"status": sheet.get_status_display()})
    return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)


@require_POST
@login_required
def sheet_proof(request, study, pk):
    """Print the sheet as it stands to PDF, in a job (the job page offers the file)."""
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    params = {"sheet": sheet.pk, "publish": False}
    job = jobs.enqueue(render_sheet_pdf, kind="sheet_proof", owner=request.user, study=study, params=params)
    return redirect("sites:job_detail", pk=job.pk)


@require_POST
@login_required
def sheet_publish(request, study, pk):
    """Publish the next version in a job, unless the evidence has problems (then nothing happens)."""
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    problems = services.publication_problems(sheet)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)
    params = {"sheet": sheet.pk, "publish": True}
    job = jobs.enqueue(render_sheet_pdf, kind="sheet_publish", owner=request.user, study=study, params=params)
    return redirect("sites:job_detail", pk=job.pk)


@require_POST
@login_required
def sheet_withdraw(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    if sheet.status != SynthesisSheet.Status.PUBLISHED:
        messages.error(request, _("Only a published sheet can be withdrawn."))
    else:
        services.withdraw_sheet(sheet)
        messages.success(request, _("The sheet was withdrawn: partners no longer see it."))
    return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)


@login_required
def version_pdf(request, study, pk, number):
    """A published version's PDF, for the team's history (partners read the current one on the portal)."""
    study = get_study(request, study)
    sheet = get_sheet(request, study, pk)
    version = get_object_or_404(SheetVersion.objects.filter(sheet=sheet), number=number)
    return pdf_response(request, version)


def pdf_response(request, version):
    """The stored PDF as it was published: the same bytes on every download, never cached on the way. Logged."""
    if not version.pdf:
        raise Http404
    study_id, detail = version.sheet.study_id, f"v{version.number}"
    record_access(request, AccessEvent.Kind.PDF_DOWNLOAD, study=study_id, obj=version.sheet, detail=detail)
    response = FileResponse(
        version.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{version.sheet.study.slug}-sheet-{version.sheet_id}-v{version.number}.pdf",
    )
    response["Cache-Control"] = "no-store"
    response["Last-Modified"] = http_date(version.published_at.timestamp())
    response["X-Content-SHA256"] = version.sha256
    return response
