"""The transversal analysis: a code matrix by site, participant kind or clientele, its heatmap, the silent sites,
and one code's strongest quotes side by side, a column per site."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import charts
from reports.matrices import AXES, MEASURES, code_matrix, measure_label, silent_sites
from reports.quotes import strongest_excerpts
from reports.retrieval import RetrievalForm
from sites.views.access import get_study

AXIS_CHOICES = [
    ("site", gettext_lazy("Sites")),
    ("participant_kind", gettext_lazy("Participant kinds")),
    ("clientele", gettext_lazy("Housing-estate clienteles")),
]
MEASURE_CHOICES = [
    ("excerpts", gettext_lazy("Excerpts")),
    ("interviews_share", gettext_lazy("Share of interviews")),
    ("participants", gettext_lazy("Participants")),
    ("per_10k_words", gettext_lazy("Excerpts per 10,000 words")),
]
# The filters of the retrieval form that a matrix honours on this page (the code is the matrix's rows).
FILTERS = ("interview_kind", "speaker", "coder", "date_from", "date_to")
QUOTES_PER_SITE = 3
# The retrieval page's parameter for a column of each axis.
AXIS_PARAMETER = {"site": "site", "participant_kind": "participant_kind", "clientele": "clientele"}


class MatrixForm(forms.Form):
    axis = forms.ChoiceField(label=gettext_lazy("Columns"), choices=AXIS_CHOICES, required=False)
    measure = forms.ChoiceField(label=gettext_lazy("Each cell shows"), choices=MEASURE_CHOICES, required=False)
    quotes = forms.TypedChoiceField(
        label=gettext_lazy("Quotes side by side for"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, data, *, code_choices):
        super().__init__(data)
        self.fields["quotes"].choices = [("", "—"), *code_choices]

    def chosen(self, name, default):
        return (self.cleaned_data.get(name) or default) if self.is_valid() else default


def display(value, measure):
    """A cell's value as people read it, in the language's number format (number_format cuts, so round first)."""
    if measure == "interviews_share":
        return f"{number_format(round(value * 100), 0)}\u00a0%"
    if measure == "per_10k_words":
        return number_format(round(value, 1), 1, force_grouping=True)
    return number_format(int(value), 0, force_grouping=True)


def cell_url(study, filters, code_pk, parameter, value):
    """The retrieval page filtered to one cell: the code with its sub-codes, the column, the page's filters."""
    query = filters.query_for(code=code_pk, include_subcodes="on", combine=None, other_code=None, **{parameter: value})
    return f"{reverse('reports:retrieval', args=[study.slug])}?{query}"


def matrix_rows(study, filters, matrix, column_values):
    """[{code, cells: [{value, text, url}]}] in codebook order; `column_values` gives each column's URL value."""
    measure, parameter = matrix.attrs["measure"], AXIS_PARAMETER[matrix.attrs["axis"]]
    rows = []
    for code_pk, values in matrix.iterrows():
        cells = [
            {
                "value": value,
                "text": display(value, measure),
                "url": cell_url(study, filters, code_pk, parameter, column_values[column]),
            }
            for column, value in values.items()
        ]
        rows.append({"code": filters.tree.by_pk[code_pk], "cells": cells})
    return rows


@login_required
def transversal(request, study):
    study = get_study(request, study)
    filters = RetrievalForm(request.GET or None, study=study, user=request.user)
    choice = MatrixForm(request.GET or None, code_choices=filters.tree.choices())
    axis, measure = choice.chosen("axis", AXES[0]), choice.chosen("measure", MEASURES[0])
    matrix = code_matrix(study, user=request.user, axis=axis, measure=measure, form=filters)
    by_site = matrix
    if (axis, measure) != ("site", "excerpts"):
        by_site = code_matrix(study, user=request.user, axis="site", measure="excerpts", form=filters)
    site_pks = {site.code: site.pk for site in filters.sites}
    column_values = site_pks if axis == "site" else {column: column for column in matrix.columns}
    rows = matrix_rows(study, filters, matrix, column_values)
    labels = matrix.attrs["column_labels"]
    column_title = dict(AXIS_CHOICES)[axis]
    figure = _heatmap(matrix, rows, axis, str(column_title))
    context = {
        "study": study,
        "filters": [filters[name] for name in FILTERS],
        "filter_form": filters,
        "choice": choice,
        "axis": axis,
        "measure": measure,
        "measure_label": measure_label(measure),
        "column_title": column_title,
        "columns": [{"key": column, "label": labels[column]} for column in matrix.columns],
        "rows": rows,
        "denominators": _denominators(matrix),
        "figure": charts.figure_json(figure),
        "silent": _silent(filters, by_site),
        "side_by_side": _side_by_side(filters, choice.chosen("quotes", None)),
        "report_sites": filters.sites,
    }
    template = "reports/transversal.html"
    if request.htmx:
        template += "#analysis"
    return render(request, template, context, status=400 if filters.errors or choice.errors else 200)


def _heatmap(matrix, rows, axis, column_title):
    """The matrix as a heatmap: site codes (short) or the axis's labels across, code paths down."""
    labels = matrix.attrs["column_labels"]
    measure = matrix.attrs["measure"]
    return charts.heatmap(
        [row["code"].path for row in rows],
        [column if axis == "site" else labels[column] for column in matrix.columns],
        matrix.to_numpy().tolist(),
        measure=measure,
        measure_label=measure_label(measure),
        column_title=column_title,
        urls=[[cell["url"] for cell in row["cells"]] for row in rows],
    )


def _denominators(matrix):
    """What a relative measure divides by, per column, for the table's last row (or None)."""
    for key, label in (("interviews", _("Interviews")), ("words", _("Words"))):
        if key in matrix.attrs:
            values = [number_format(matrix.attrs[key][column], 0, force_grouping=True) for column in matrix.columns]
            return {"label": label, "values": values}
    return None


def _silent(filters, by_site):
    """Codes present in some sites and absent from others, with the sites on each side."""
    labels = by_site.attrs["column_labels"]
    return [
        {
            "code": filters.tree.by_pk[code_pk],
            "silent": [labels[column] for column in silent],
            "present": [labels[column] for column in present],
        }
        for code_pk, silent, present in silent_sites(by_site)
    ]


def _side_by_side(filters, code_pk):
    """The chosen code's strongest quotes, a column per visible site (one query), or None."""
    code = filters.tree.by_pk.get(code_pk)
    if code is None:
        return None
    excerpts = strongest_excerpts(filters.context_codings(), code.subtree, limit=QUOTES_PER_SITE, per_site=True)
    columns = [{"site": site, "excerpts": []} for site in filters.sites]
    by_site = {column["site"].pk: column for column in columns}
    for excerpt in excerpts:
        by_site[excerpt.interview.site_id]["excerpts"].append(excerpt)
    return {"code": code, "columns": columns}
