"""What partners read: the published synthesis sheets of their sites and the transversal ones, online and as PDF.

Every member may open the portal; for a partner it is the only thing there is.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from reports.models import SheetVersion, SynthesisSheet
from reports.views.sheets import pdf_response
from sites.models import Study


@login_required
def portal(request):
    studies = list(Study.objects.with_portal_for(request.user))
    if not studies:
        raise Http404
    sheets = SynthesisSheet.objects.published_for(request.user).select_related("site").order_by("-date", "title")
    by_study = {study.pk: [] for study in studies}
    for sheet in sheets:
        by_study.setdefault(sheet.study_id, []).append(sheet)
    return render(request, "reports/portal.html", {"studies": [(study, by_study[study.pk]) for study in studies]})


def _current_version(request, pk):
    sheet = get_object_or_404(SynthesisSheet.objects.published_for(request.user).select_related("study"), pk=pk)
    versions = SheetVersion.objects.current().filter(sheet=sheet).select_related("sheet__study")
    version = versions.order_by("-number").first()
    if version is None:
        raise Http404
    return version


@login_required
def portal_sheet(request, pk):
    """The published version as an accessible web page (the same HTML the PDF was printed from)."""
    version = _current_version(request, pk)
    return render(request, "reports/portal_sheet.html", {"version": version, "sheet": version.sheet})


@login_required
def portal_sheet_pdf(request, pk):
    return pdf_response(_current_version(request, pk))
