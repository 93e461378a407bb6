"""The agreement tables as a download (the pages are coding's: coding/views/agreement.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from coding.agreement_report import study_report
from coding.models import Assignment
from reports import exports
from reports.agreement_export import agreement_file
from sites.views.access import get_study


@login_required
@require_GET
def agreement_export(request, study):
    study = get_study(request, study)
    fmt = request.GET.get("format") if request.GET.get("format") in exports.FORMATS else "xlsx"
    assignment, value = None, request.GET.get("assignment", "")
    if value:
        if not value.isdigit() or len(value) > 9:
            return HttpResponse(status=400)
        assignment = get_object_or_404(Assignment.objects.visible_to(request.user).filter(study=study), pk=int(value))
    report = study_report(study, user=request.user, assignment=assignment)
    content = agreement_file(report, fmt)
    name = exports.filename(study, "agreement" + (f"-{assignment.pk}" if assignment else ""), fmt)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
