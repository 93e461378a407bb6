"""A small, fast XLSX writer for pandas DataFrames: one sheet per frame, text always stored as text.

Why not pandas' ExcelWriter: both of its engines write cell by cell in Python (an export of 50,000 codings took
30 to 70 seconds here, against a budget of 2 s), and openpyxl turns any string starting with "=" into a live
formula. This writer builds each column at once with numpy: a column's distinct values are formatted once and
every cell is picked from them, then the rows are joined in one pass. It can only write numbers, booleans and
shared strings — there is no formula cell type in it — so no text from users can run in a spreadsheet. Text
that a spreadsheet would take for a formula (starting with = + - @ tab or CR) also gets Excel's "quote prefix"
style, which keeps it text when someone edits the cell.

The package holds the parts every spreadsheet program needs (content types, relationships, workbook, styles,
shared strings, sheets); the header row is bold and frozen. Rows carry their number and cells follow each other
in column order without a reference of their own (ECMA-376 makes the reference optional; Excel, LibreOffice,
Google Sheets, openpyxl and calamine read such cells in order), which halves the work and the XML.
"""

import io
import math
import re
import zipfile
from numbers import Number

import numpy as np
import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_TITLE = 31
# Characters XML 1.0 cannot carry at all; "_xHHHH_" is how the format escapes them, so a literal one is escaped too.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
# What makes a text need escaping besides illegal characters; substring tests are faster than one regex here.
_MARKS = ("&", "<", "\r", "]]>", "_x")
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
EMPTY = "<c/>"
SI_JOIN = '</t></si><si><t xml:space="preserve">'
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell styles: 0 plain, 1 bold (header), 2 quote prefix, 3 bold with quote prefix.
STYLES = (
    f'{XML_HEAD}<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def write_xlsx(sheets):
    """The bytes of a workbook with one sheet per (title, DataFrame); the frame's column names are the header row."""
    strings = SharedStrings()
    titles, parts = [], []
    for title, frame in sheets:
        titles.append(sheet_title(title, taken=titles))
        parts.append(_sheet(frame, strings))
    out = io.BytesIO()
    # Level 1: most of the gain of compression for a fraction of its time on 30 MB of repetitive XML.
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _content_types(len(parts)))
        package.writestr("_rels/.rels", _package_relationships())
        package.writestr("xl/workbook.xml", _workbook(titles))
        package.writestr("xl/_rels/workbook.xml.rels", _workbook_relationships(len(parts)))
        package.writestr("xl/styles.xml", STYLES)
        package.writestr("xl/sharedStrings.xml", strings.xml())
        for number, part in enumerate(parts, start=1):
            package.writestr(f"xl/worksheets/sheet{number}.xml", part)
    return out.getvalue()


def sheet_title(title, *, taken=()):
    """A title Excel accepts: no [ ] : * ? / \\, at most 31 characters, not blank, unique (case-insensitive)."""
    base = _TITLE_FORBIDDEN.sub(" ", _ILLEGAL.sub("", str(title))).strip().strip("'")[:MAX_TITLE] or "Sheet"
    used = {name.casefold() for name in taken}
    candidate, number = base, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = base[: MAX_TITLE - len(suffix)] + suffix
    return candidate


def column_letter(index):
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SharedStrings:
    """The workbook's table of strings; cells refer to a string by its position.

    A column's values are made distinct before they come here, so the table is not searched for duplicates:
    the same text in two columns is stored twice, which the format allows.
    """

    def __init__(self):
        self.texts = []

    def add(self, text):
        self.texts.append(text)
        return len(self.texts) - 1

    def extend(self, texts):
        """Append distinct texts; the position of the first one (the others follow it)."""
        first = len(self.texts)
        self.texts.extend(texts)
        return first

    def xml(self):
        texts = self.texts
        if _needs_escape("".join(texts)):
            texts = [_escape(text) if _needs_escape(text) else text for text in texts]
        items = f'<si><t xml:space="preserve">{SI_JOIN.join(texts)}</t></si>' if texts else ""
        return f'{XML_HEAD}<sst xmlns="{MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'


def _needs_escape(text):
    return any(mark in text for mark in _MARKS) or _ILLEGAL.search(text) is not None


def _escape(text):
    text = _OOXML_ESCAPE.sub(r"_x005F_\1", text)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    # A literal CR would be read back as a line feed: XML parsers normalise line ends.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "]]&gt;").replace("\r", "&#13;")


def _sheet(frame, strings):
    rows = len(frame)
    header = "".join(_text_cell(str(name), strings, header=True) for name in frame)
    grid = [np.array([f'<row r="{r}">' for r in range(2, rows + 2)], dtype=object)]
    for i in range(frame.shape[1]):
        codes, cells = _column_cells(frame.iloc[:, i], strings)
        # Position -1 (no value) picks the last entry: an empty cell, which keeps the next cells in their columns.
        grid.append(np.array([*cells, EMPTY], dtype=object)[codes])
    grid.append(np.full(rows, "</row>", dtype=object))
    body = "".join(np.column_stack(grid).ravel().tolist()) if rows else ""
    last = f"{column_letter(max(frame.shape[1], 1) - 1)}{rows + 1}"
    return (
        f'{XML_HEAD}<worksheet xmlns="{MAIN}"><dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/>{_widths(frame)}'
        f'<sheetData><row r="1">{header}</row>{body}</sheetData></worksheet>'
    )


def _column_cells(column, strings):
    """(position of each cell's value among the column's distinct values, -1 when empty; each distinct value's cell)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    values = distinct.tolist()
    if pd.api.types.is_bool_dtype(column.dtype):
        cells = [f'<c t="b"><v>{int(value)}</v></c>' for value in values]
    elif pd.api.types.is_integer_dtype(column.dtype):
        cells = [f"<c><v>{value}</v></c>" for value in values]
    elif pd.api.types.is_string_dtype(column.dtype) and not pd.api.types.is_object_dtype(column.dtype):
        cells = _text_cells(values, strings)
    else:  # floats, or an object column that may mix numbers, text and dates
        cells = [_value_cell(value, strings) for value in values]
    return np.asarray(codes), cells


def _value_cell(value, strings):
    """A cell's XML for one value of any type; an empty cell for a missing or infinite number."""
    if isinstance(value, str):
        return _text_cell(value, strings)
    if value is None or value is pd.NA or value is pd.NaT:
        return EMPTY
    if isinstance(value, bool | np.bool_):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, Number) and not isinstance(value, complex):
        number = float(value)
        if not math.isfinite(number):
            return EMPTY
        return f"<c><v>{int(value) if number.is_integer() and abs(number) < 2**53 else repr(number)}</v></c>"
    return _text_cell(str(value), strings)


def _text_cells(texts, strings):
    """The cells of a column's distinct texts (what _text_cell does, without a call per value)."""
    first = strings.extend(texts)
    cells = [f'<c t="s"><v>{position}</v></c>' for position in range(first, first + len(texts))]
    for offset, text in enumerate(texts):
        if text.startswith(FORMULA_STARTS):
            cells[offset] = f'<c s="2" t="s"><v>{first + offset}</v></c>'
    return cells


def _text_cell(text, strings, *, header=False):
    style = (1 if header else 0) + (2 if text.startswith(FORMULA_STARTS) else 0)
    styled = f' s="{style}"' if style else ""
    return f'<c{styled} t="s"><v>{strings.add(text)}</v></c>'


def _widths(frame):
    """Columns as wide as their header or their first values, within reason."""
    columns = []
    for i, name in enumerate(frame):
        sample = frame.iloc[:200, i].dropna().astype(str).str.len()
        width = min(60, max(8, len(str(name)) + 2, int(sample.max()) + 2 if len(sample) else 0))
        columns.append(f'<col min="{i + 1}" max="{i + 1}" width="{width}" customWidth="1"/>')
    return f"<cols>{''.join(columns)}</cols>" if columns else ""


def _content_types(sheets):
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        f"{overrides}</Types>"
    )


def _package_relationships():
    return (
        f'{XML_HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )


def _workbook(titles):
    sheets = "".join(
        f'<sheet name="{_escape(title).replace(chr(34), "&quot;")}" sheetId="{n}" r:id="rId{n}"/>'
        for n, title in enumerate(titles, start=1)
    )
    return f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{sheets}</sheets></workbook>'


def _workbook_relationships(sheets):
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        f'{XML_HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{links}'
        f'<Relationship Id="rId{sheets + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{sheets + 2}" Type="{RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
