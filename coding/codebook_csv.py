"""The codebook as CSV (pure): one row per code, its place given as a path of names ("Réseau > Partenaires").

UTF-8 with a byte-order mark so spreadsheets read accents right; cells a spreadsheet would run as formulas are
neutralised on the way out and restored on the way in, so an export imports back unchanged.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sites.exports import FORMULA_STARTS, neutralise

SEPARATOR = " > "
COLUMNS = ("path", "colour", "definition", "inclusion", "exclusion", "example")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000


class CodebookFileError(Exception):
    """A file that cannot be imported; `message` says why (with line numbers) in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CodebookRow:
    line: int
    path: tuple  # names from the top level down
    colour: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""

    @property
    def texts(self):
        return {
            "definition": self.definition,
            "inclusion": self.inclusion,
            "exclusion": self.exclusion,
            "example": self.example,
        }


def write_codebook_csv(codes):
    """The CSV text of `codes` (each with .path, a tuple of names, and the code fields), BOM first."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for code in codes:
        cells = [SEPARATOR.join(code.path), code.colour, code.definition, code.inclusion, code.exclusion, code.example]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def read_codebook_csv(data):
    """Rows of an uploaded codebook file, parents before children; CodebookFileError on anything doubtful."""
    if len(data) > MAX_BYTES:
        raise CodebookFileError(_("The file is larger than 2 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CodebookFileError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in French locales save with ";": the header line tells which separator the file uses.
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader, [])]
    if "path" not in header:
        raise CodebookFileError(
            _("The first line must name the columns, with at least “path”: %(columns)s.")
            % {"columns": ", ".join(COLUMNS)}
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    rows, errors, seen = [], [], set()
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise CodebookFileError(_("The file has more than %(count)s codes.") % {"count": MAX_ROWS})
        values = {name: _restore(cells[at]) if at < len(cells) else "" for name, at in index.items()}
        row, error = _row(line, values)
        if error:
            errors.append(_("line %(line)s: %(error)s") % {"line": line, "error": error})
        elif row.path in seen:
            errors.append(_("line %(line)s: this path appears twice") % {"line": line})
        else:
            seen.add(row.path)
            rows.append(row)
    if errors:
        raise CodebookFileError("; ".join(errors[:20]) + ("…" if len(errors) > 20 else ""))
    return sorted(rows, key=lambda row: len(row.path))


def _row(line, values):
    path = tuple(" ".join(name.split()) for name in re.split(r"\s+>(?=\s)", values.get("path", "").strip()))
    if not path or any(not name for name in path):
        return None, _("the path is empty or has an empty name")
    if any(len(name) > 200 for name in path):
        return None, _("a name is longer than 200 characters")
    colour = values.get("colour", "").strip().lower()
    if colour and not re.fullmatch(r"#[0-9a-f]{6}", colour):
        return None, _("the colour “%(colour)s” is not #rrggbb") % {"colour": colour}
    texts = {name: values.get(name, "").strip() for name in ("definition", "inclusion", "exclusion", "example")}
    return CodebookRow(line=line, path=path, colour=colour, **texts), None


def _restore(cell):
    """Undo `neutralise`: drop the apostrophe put before a formula-looking cell."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
