"""The agreement tables (coding/agreement_report.py) as files: one XLSX sheet per table, or a CSV of the cells.

Cells are neutralised as in the other exports (reports/exports.py): code paths and titles typed by members
never run as formulas.
"""

import pandas as pd
from django.utils.translation import gettext as _

from reports.exports import csv_bytes
from reports.xlsx import write_xlsx


def _measures(counts, *, pair=False):
    values = counts.as_dict()
    if pair:
        alpha = counts.pair_alpha
        values["alpha"] = None if alpha is None else round(alpha, 4)
    return [values["kappa"], values["alpha"], values["percent"], values["units"], _warning(values["warning"])]


def _warning(warning):
    return {"undefined": _("κ undefined"), "unstable": _("κ unstable")}.get(warning, "")


def _headers(*first):
    return [*first, _("Cohen's kappa"), _("Krippendorff's alpha"), _("Percent agreement"), _("Units"), _("Warning")]


def agreement_tables(report):
    """[(sheet name, DataFrame)]: overall, by code, by site, by coder pair, and code × interview × pair."""
    overall = pd.DataFrame([_measures(report.overall())], columns=_headers())
    by_code = pd.DataFrame(
        [[path, *_measures(c)] for path, c in ((report.codes[pk], c) for pk, c in report.by_code().items())],
        columns=_headers(_("Code")),
    )
    by_site = pd.DataFrame([[site, *_measures(c)] for site, c in report.by_site().items()], columns=_headers(_("Site")))
    by_pair = pd.DataFrame(
        [[report.pair_label(pair), *_measures(c, pair=True)] for pair, c in report.by_pair().items()],
        columns=_headers(_("Coders")),
    )
    cells = pd.DataFrame(
        [
            [
                report.codes.get(code, str(code)),
                interview,
                report.titles.get(interview, ""),
                report.pair_label((first, second)),
                *_measures(c, pair=True),
            ]
            for code, interview, first, second, c in report.used_cells()
        ],
        columns=_headers(_("Code"), _("Interview id"), _("Interview"), _("Coders")),
    )
    return [
        (_("Overall"), overall),
        (_("By code"), by_code),
        (_("By site"), by_site),
        (_("By coder pair"), by_pair),
        (_("By code and interview"), cells),
    ]


def agreement_file(report, fmt):
    """The bytes of the agreement export: XLSX with every table, or CSV of the code × interview × pair table."""
    tables = agreement_tables(report)
    if fmt == "csv":
        return csv_bytes(tables[-1][1])
    if fmt == "xlsx":
        return write_xlsx(tables)
    raise ValueError(f"unknown export format: {fmt}")
