"""The audit page: study admins answer "who read or changed what, between two dates", on screen or as CSV."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sites import audit, permissions
from sites.audit_log import AuditFilterForm, describe, trail
from sites.views.access import get_study

PAGE_SIZE = 100
CSV_BATCH = 2000


@login_required
@require_GET
def audit_log(request, study):
    study = get_study(request, study, need=permissions.MANAGE)
    form = AuditFilterForm(request.GET or None, study=study)
    if form.is_bound and not form.is_valid():
        context = {"study": study, "form": form, "page": None, "rows": [], "kept": audit.history_is_kept()}
        return render(request, "sites/audit_log.html", context, status=400)
    if not form.is_bound:
        form = AuditFilterForm({}, study=study)
        form.is_valid()
    if request.GET.get("format") == "csv":
        return _csv(study, form)
    page = Paginator(trail(study, form), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "study": study,
        "form": form,
        "page": page,
        "rows": describe(list(page.object_list)),
        "query": query.urlencode(),
        "kept": audit.history_is_kept(),
    }
    return render(request, "sites/audit_log.html", context)


def _csv(study, form):
    def lines():
        writer = csv.writer(_Echo())
        yield writer.writerow([_("When"), _("Person"), _("Action"), _("Object"), _("Id"), _("Detail")])
        rows = trail(study, form)
        for offset in range(0, rows.count(), CSV_BATCH):
            for row in describe(list(rows[offset : offset + CSV_BATCH])):
                local = timezone.localtime(row["at"]).isoformat(timespec="seconds")
                cells = [local, row["person"], row["action"], row["what"], row["object_id"], row["detail"]]
                yield writer.writerow([_inert(cell) for cell in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{study.slug}.csv"'
    response["Cache-Control"] = "no-store"
    return response


class _Echo:
    def write(self, value):
        return value


def _inert(cell):
    # A spreadsheet runs a cell starting with = + - @ or a tab as a formula: the file must stay data.
    text = "" if cell is None else str(cell)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
