"""Exports: the codings (one row per coding, under the retrieval page's filters) and the code matrices, as files.

Any member who may read the study may export (team members included); what they get is what they may read,
through the same querysets as the pages. A selection of at most DIRECT_LIMIT codings comes back at once; a
larger one is written by a Job, whose page shows its progress and then offers the file to its owner only.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from reports import exports
from reports.tables import codings_frame
from reports.tasks import export_codings as export_codings_task
from reports.views.transversal import AXIS_CHOICES, MEASURE_CHOICES
from sites import jobs
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study, visible_sites

# Above this many rows, an export runs as a Job: the request would hold a worker for seconds otherwise.
DIRECT_LIMIT = 5000
FORMAT_CHOICES = [("xlsx", _("Excel workbook (XLSX)")), ("csv", _("CSV (UTF-8)"))]


class CodingsExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, required=False)


class MatrixExportForm(forms.Form):
    axis = forms.ChoiceField(label=_("Columns"), choices=AXIS_CHOICES, initial="site", required=False)
    measure = forms.ChoiceField(
        label=_("Measure"),
        choices=[("", _("Every measure, a sheet each")), *MEASURE_CHOICES],
        required=False,
        help_text=_("A CSV file holds one measure: the excerpt counts unless you choose another."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="xlsx", required=False)


@login_required
@require_GET
def export_index(request, study):
    study = get_study(request, study)
    return _render_index(request, study, MatrixExportForm(initial={"axis": "site", "format": "xlsx"}))


def _render_index(request, study, matrix_form, *, status=200):
    context = {
        "study": study,
        "matrix_form": matrix_form,
        "formats": FORMAT_CHOICES,
        "report_sites": visible_sites(request, study).order_by("code"),
    }
    return render(request, "reports/export_index.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def export_codings(request, study):
    """GET: the file (small selection) or the page that offers it; POST: the same, a large selection as a Job."""
    study = get_study(request, study)
    chosen = CodingsExportForm(request.POST if request.method == "POST" else request.GET)
    filters = exports.retrieval_form(request.GET.urlencode(), study=study, user=request.user)
    if not chosen.is_valid() or (filters.is_bound and not filters.is_valid()):
        return _render_codings(request, study, filters, chosen, count=None, status=400)
    fmt = chosen.cleaned_data["format"]
    codings = filters.codings()
    count = codings.count()
    if not fmt or (count > DIRECT_LIMIT and request.method != "POST"):
        return _render_codings(request, study, filters, chosen, count=count)
    if count > DIRECT_LIMIT:
        params = {"language": translation.get_language(), "query": filters.query_for(), "format": fmt}
        job = jobs.enqueue(export_codings_task, kind="export_codings", owner=request.user, study=study, params=params)
        return redirect(reverse("sites:job_detail", args=[job.pk]))
    content = exports.codings_file(codings_frame(codings, study=study), fmt)
    return _download(request, study, content, exports.filename(study, "codings", fmt), fmt)


def _render_codings(request, study, filters, chosen, *, count, status=200):
    context = {
        "study": study,
        "filters": filters,
        "chosen": chosen,
        "count": count,
        "is_large": count is not None and count > DIRECT_LIMIT,
        "limit": DIRECT_LIMIT,
        "query": filters.query_for() if not filters.errors else "",
        "formats": FORMAT_CHOICES,
        "report_sites": visible_sites(request, study).order_by("code"),
    }
    return render(request, "reports/export_codings.html", context, status=status)


@login_required
@require_GET
def export_matrix(request, study):
    study = get_study(request, study)
    form = MatrixExportForm(request.GET)
    filters = exports.retrieval_form(request.GET.urlencode(), study=study, user=request.user)
    if not form.is_valid() or (filters.is_bound and not filters.is_valid()):
        return _render_index(request, study, form, status=400)
    axis, fmt = form.cleaned_data["axis"] or "site", form.cleaned_data["format"] or "xlsx"
    measure = form.cleaned_data["measure"]
    measures = [measure] if measure else [value for value, _label in MEASURE_CHOICES]
    content = exports.matrix_file(study, user=request.user, axis=axis, measures=measures, fmt=fmt, form=filters)
    name = exports.filename(study, f"matrix-{axis}" + (f"-{measure}" if measure else ""), fmt)
    return _download(request, study, content, name, fmt)


def _download(request, study, content, name, fmt):
    record_access(request, AccessEvent.Kind.EXPORT_DOWNLOAD, study=study, object_type="export", detail=name)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Research data about people: no copy in a shared or browser cache.
    response["Cache-Control"] = "no-store"
    return response
