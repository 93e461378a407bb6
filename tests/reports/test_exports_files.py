"""The export files: nothing from users runs as a formula, numbers stay numbers, accents survive."""

import csv
import io
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest
from django.utils import translation

from coding.models import Coding
from reports import exports
from reports.tables import codings_frame
from reports.xlsx import column_letter, sheet_title, write_xlsx
from tests.reports import export_fixtures
from tests.reports.export_fixtures import FORMULA_STARTS

pytestmark = pytest.mark.usefixtures("fast_passwords")

HOSTILE = [
    '=HYPERLINK("http://example.test";"clic")',  # quote
    "\tDeuxième ligne.",  # quote
    "- Oui, +1",  # quote
    "@moi.",  # quote
    "=SUM(1;2) > @risque",  # code path
    "-moins",  # code path
    "=Lou",  # pseudonym
    "-Lou",  # speaker label
    "+Entretien",  # interview title
    "@Ève Tremblay",  # coder
    "+30",  # choice attribute
    "\r=1+1",  # text attribute
]


@pytest.fixture
def hostile_frame(study, site_a, site_b, researcher, coder, participant_a, participant_b):
    world = export_fixtures.build(
        study,
        site_a,
        site_b,
        researcher=researcher,
        coder=coder,
        participant_a=participant_a,
        participant_b=participant_b,
    )
    export_fixtures.add_hostile(world)
    with translation.override("en"):
        return codings_frame(Coding.objects.all(), study=study)


def read_xlsx(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def test_no_cell_of_the_xlsx_is_a_formula_and_hostile_text_is_kept_as_text(hostile_frame):
    sheet = read_xlsx(exports.codings_file(hostile_frame, "xlsx")).worksheets[0]

    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert set(HOSTILE) <= texts
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate


def test_numbers_in_the_xlsx_are_numeric_cells(hostile_frame):
    sheet = read_xlsx(exports.codings_file(hostile_frame, "xlsx")).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))

    for name in ("Coding", "Excerpt", "Interview", "Start", "End"):
        column = header.index(name)
        assert all(row[column].data_type == "n" and isinstance(row[column].value, int) for row in rows), name
    years = [row[header.index("Années dans l'ensemble")] for row in rows]
    assert {cell.value for cell in years if cell.value is not None} == {7, 2.5, 12, -3}
    assert all(cell.data_type == "n" for cell in years)
    dates = {row[header.index("Interview date")].value for row in rows}
    assert "2021-03-03" in dates  # ISO text, as the frame holds it


def test_the_xlsx_has_translated_headers_one_row_per_coding_and_the_accents(hostile_frame):
    with translation.override("en"):
        content = exports.codings_file(hostile_frame, "xlsx")
    book = read_xlsx(content)

    assert book.sheetnames == ["Codings"]
    sheet = book["Codings"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Coding", "Excerpt", "Site", "Housing estate"]
    assert "Groupe d'âge" in header and header[-1] == "Quote"
    assert sheet.max_row == len(hostile_frame) + 1
    assert sheet.freeze_panes == "A2"
    assert "comité café réunit les résidents" in {cell.value for cell in sheet["U"]}


def test_pandas_reads_the_xlsx_back_as_the_frame(hostile_frame):
    table = exports.labelled(hostile_frame)

    back = pd.read_excel(io.BytesIO(exports.codings_file(hostile_frame, "xlsx")), dtype=object)

    assert list(back.columns) == list(table.columns)
    assert back["Quote"].tolist() == table["Quote"].tolist()
    assert back["Start"].tolist() == table["Start"].tolist()


def test_the_csv_is_utf8_with_a_bom_and_neutralises_every_hostile_cell(hostile_frame):
    content = exports.codings_file(hostile_frame, "csv")

    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(hostile_frame) + 1
    cells = [cell for row in rows for cell in row]
    assert all(cell.startswith("'") for cell in cells if cell.lstrip("'") in HOSTILE)
    assert {"'" + value for value in HOSTILE} <= set(cells)
    risky = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]
    assert risky == []
    assert "Réseau > Comité" in cells


def test_numbers_in_the_csv_are_written_as_numbers(hostile_frame):
    content = exports.codings_file(hostile_frame, "csv").decode("utf-8-sig")

    back = pd.read_csv(io.StringIO(content))

    assert pd.api.types.is_integer_dtype(back["Start"])
    assert sorted(back["Années dans l'ensemble"].dropna().unique()) == [-3, 2.5, 7, 12]


def test_neutralised_leaves_numbers_and_safe_text_alone():
    frame = pd.DataFrame(
        {
            "=header": ["=1", "safe", None],
            "numbers": [-1, 2, 3],
            "mixed": [-4, "-x", None],
        }
    )

    out = exports.neutralised(frame)

    assert list(out.columns) == ["'=header", "numbers", "mixed"]
    assert out["'=header"].tolist()[:2] == ["'=1", "safe"]
    assert out["numbers"].tolist() == [-1, 2, 3]
    assert out["mixed"].tolist()[:2] == [-4, "'-x"]


def test_the_writer_keeps_carriage_returns_markup_and_its_own_escapes_as_written():
    values = ["a\rb", "<b>&amp;</b>", "x]]>y", "_x000D_", "tab\tinside", "emoji 😀"]
    frame = pd.DataFrame({"text": values, "n": range(len(values))})

    sheet = read_xlsx(write_xlsx([("S", frame)]))["S"]

    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == values


def test_the_writer_drops_characters_xml_cannot_carry():
    sheet = read_xlsx(write_xlsx([("S", pd.DataFrame({"text": ["a\x01b\x0bc"]}))]))["S"]

    assert sheet["A2"].value == "abc"


def test_the_writer_types_every_kind_of_value():
    frame = pd.DataFrame(
        {
            "int": pd.array([1, None, -3], dtype="Int64"),
            "float": [1.5, np.nan, np.inf],
            "bool": [True, False, True],
            "object": [2, "deux", None],
        }
    )

    sheet = read_xlsx(write_xlsx([("S", frame)]))["S"]

    assert [(c.value, c.data_type) for c in sheet[2]] == [(1, "n"), (1.5, "n"), (True, "b"), (2, "n")]
    assert [c.value for c in sheet[3]] == [None, None, False, "deux"]
    assert [c.value for c in sheet[4]] == [-3, None, True, None]


def test_an_empty_frame_gives_a_header_row_only():
    sheet = read_xlsx(write_xlsx([("S", pd.DataFrame({"a": [], "b": []}))]))["S"]

    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["a", "b"]]


def test_the_package_declares_every_part_it_holds():
    content = write_xlsx([("Un", pd.DataFrame({"a": [1]})), ("Deux", pd.DataFrame({"b": ["x"]}))])

    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = set(package.namelist())
        types = package.read("[Content_Types].xml").decode()
    assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"} <= names
    parts = [name for name in names if name.startswith("xl/") and not name.endswith(".rels")]
    assert parts and all(f'PartName="/{name}"' in types for name in parts)


def test_sheet_titles_are_ones_excel_accepts():
    assert sheet_title("Codes: a/b [1]?") == "Codes  a b  1"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("Codings", taken=["codings"]) == "Codings (2)"
    assert sheet_title("''") == "Sheet"


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True
