"""The codings and the matrices as files to download: CSV (UTF-8 with a BOM, so that Excel reads the accents) and
XLSX (reports/xlsx.py), with headers in the reader's language.

Nothing a participant said or a member typed may run as a formula when the file is opened: in CSV, text cells
starting with = + - @ tab or carriage return get an apostrophe in front (OWASP's advice, as sites/exports.py
does); in XLSX, text is always stored as text (the writer has no formula cells) and those cells also get the
"quote prefix" style. Numbers stay numbers in both.
"""

import pandas as pd
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.matrices import code_matrix, measure_label
from reports.retrieval import RetrievalForm
from reports.tables import codings_frame
from reports.xlsx import FORMULA_STARTS, write_xlsx
from sites import jobs

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)


def neutralised(frame):
    """A copy of `frame` whose text cells starting with = + - @ tab or CR carry a leading apostrophe (for CSV)."""
    frame = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_object_dtype(column.dtype):  # mixed values: only the strings are text
            is_text = column.map(lambda value: isinstance(value, str), na_action="ignore").astype(bool)
            risky = is_text & column.where(is_text, "").astype("str").str.startswith(FORMULA_STARTS)
        elif pd.api.types.is_string_dtype(column.dtype):
            risky = column.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        else:  # numbers, booleans, dates
            continue
        if risky.any():
            frame[name] = column.mask(risky, "'" + column.where(risky, "").astype("str"))
    frame.columns = ["'" + name if name.startswith(FORMULA_STARTS) else name for name in map(str, frame.columns)]
    return frame


def csv_bytes(frame):
    """The frame as CSV: its column names as the header row, UTF-8 with a BOM, CRLF line ends (RFC 4180)."""
    return neutralised(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def labelled(frame):
    """The frame with its headers (frame.attrs["headers"], in the language active when it was built) as columns."""
    headers = frame.attrs.get("headers", {})
    table = frame.rename(columns=lambda column: headers.get(column, column))
    table.attrs = {}  # pandas deep-copies attrs on every operation; the writer needs none
    return table


def codings_file(frame, fmt):
    """The bytes of a codings export (one row per coding, see reports/tables.py) in `fmt`, "csv" or "xlsx"."""
    table = labelled(frame)
    if fmt == "csv":
        return csv_bytes(table)
    if fmt == "xlsx":
        return write_xlsx([(_("Codings"), table)])
    raise ValueError(f"unknown export format: {fmt}")


def matrix_table(matrix):
    """A matrix (reports/matrices.py) as a sheet: the code paths first, then a column per axis value, labelled."""
    paths = matrix.attrs.get("code_paths", {})
    labels = matrix.attrs.get("column_labels", {})
    table = matrix.rename(columns=lambda column: labels.get(column, str(column)))
    table.insert(0, _("Code"), [paths.get(pk, str(pk)) for pk in matrix.index])
    return table.reset_index(drop=True)


def matrix_file(study, *, user, axis, measures, fmt, form=None):
    """The bytes of the code × `axis` matrix: one XLSX sheet per measure, or a CSV of the first measure."""
    if fmt == "csv":
        measures = measures[:1]
    tables = [
        (measure_label(measure), matrix_table(code_matrix(study, user=user, axis=axis, measure=measure, form=form)))
        for measure in measures
    ]
    if fmt == "csv":
        return csv_bytes(tables[0][1])
    return write_xlsx(tables)


def filename(study, what, fmt):
    """The download's name: what, the study and today's date (local), e.g. codings-etude-2024-05-01.xlsx."""
    return f"{what}-{study.slug}-{timezone.localdate().isoformat()}.{fmt}"


def retrieval_form(query, *, study, user):
    """The retrieval filters from a query string (the export's own parameters left out); unbound when there are none."""
    data = QueryDict(query, mutable=True)
    for own in ("format", "axis", "measure", "page"):
        data.pop(own, None)
    return RetrievalForm(data or None, study=study, user=user)


def export_codings(job, progress):
    """A Job's work (reports/tasks.py): the codings export the job's params describe, attached to the job."""
    with translation.override(job.params.get("language")):
        form = retrieval_form(job.params.get("query", ""), study=job.study, user=job.owner)
        if form.is_bound and not form.is_valid():
            # The owner lost access to a site or a code went away since: say so rather than export nothing.
            raise ValueError(_("The filters of this export are no longer valid; export the selection again."))
        progress(5, _("Reading the codings."))
        frame = codings_frame(form.codings(), study=job.study)
        count = len(frame)
        progress(60, ngettext("Writing %(count)s row.", "Writing %(count)s rows.", count) % {"count": count})
        fmt = job.params.get("format", "csv")
        jobs.attach_file(job, filename(job.study, "codings", fmt), ContentFile(codings_file(frame, fmt)))
    summary = ngettext("%(count)s coding exported.", "%(count)s codings exported.", count) % {"count": count}
    return {"rows": count, "summary": summary}
