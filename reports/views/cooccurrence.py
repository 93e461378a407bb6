"""Co-occurrence of codes, on overlapping text or within the same interview: a table and a network chart."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from reports import charts
from reports.matrices import SCOPES
from reports.matrices import cooccurrence as cooccurrence_matrix
from reports.retrieval import RetrievalForm
from sites.views.access import get_study

FILTERS = ("site", "interview_kind", "speaker", "coder", "date_from", "date_to")
COMBINE = {"overlap": "and_overlap", "interview": "and_interview"}


@login_required
def cooccurrence(request, study):
    study = get_study(request, study)
    filters = RetrievalForm(request.GET or None, study=study, user=request.user)
    scope = request.GET.get("scope") if request.GET.get("scope") in SCOPES else SCOPES[0]
    matrix = cooccurrence_matrix(study, user=request.user, scope=scope, form=filters)
    retrieval = reverse("reports:retrieval", args=[study.slug])
    tree = filters.tree

    def url(code_pk, other_pk):
        combine = {} if code_pk == other_pk else {"combine": COMBINE[scope], "other_code": other_pk}
        return f"{retrieval}?{filters.query_for(code=code_pk, include_subcodes=None, **combine)}"

    rows = [
        {
            "code": tree.by_pk[code_pk],
            "cells": [{"n": int(n), "url": url(code_pk, other_pk)} for other_pk, n in values.items()],
        }
        for code_pk, values in matrix.iterrows()
    ]
    present = [code_pk for code_pk in matrix.index if matrix.at[code_pk, code_pk] > 0]
    position = {code_pk: index for index, code_pk in enumerate(present)}
    edges = [
        (position[a], position[b], int(max(matrix.at[a, b], matrix.at[b, a])))
        for a in present
        for b in present
        if position[a] < position[b] and max(matrix.at[a, b], matrix.at[b, a]) > 0
    ]
    unit = _("excerpts") if scope == "overlap" else _("interviews")
    figure = charts.network(
        [tree.by_pk[code_pk].name for code_pk in present],
        [tree.by_pk[code_pk].colour for code_pk in present],
        [int(matrix.at[code_pk, code_pk]) for code_pk in present],
        edges,
        node_label=unit,
        edge_label=unit,
    )
    context = {
        "study": study,
        "scope": scope,
        "filters": [filters[name] for name in FILTERS],
        "filter_form": filters,
        "codes": [tree.by_pk[code_pk] for code_pk in matrix.columns],
        "rows": rows,
        "figure": charts.figure_json(figure),
        "report_sites": filters.sites,
    }
    template = "reports/cooccurrence.html"
    if request.htmx:
        template += "#cooccurrence"
    return render(request, template, context, status=400 if filters.errors else 200)
