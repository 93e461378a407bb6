"""A published sheet's PDF reads aloud: each chart is a tagged figure whose text alternative gives its numbers,
in the sheet's language whatever the language of the person who publishes it."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from reports import services
from tests.reports.sheet_fixtures import build_sheet

NBSP = "\u00a0"


@pytest.fixture
def charted(study, site_a, participant_a, researcher, media_root):
    written = build_sheet(study, site_a, participant_a, researcher=researcher)
    chart = services.add_chart(written.sheet, code=written.code, by=researcher, user=researcher)
    results = written.sheet.sections.get(order=3)
    results.body += f"\n\n[[evidence:{chart.number}]]\n"
    results.save()
    return written


def figures(pdf):
    """(structure type, /Alt) of every element of the PDF's structure tree that has an /Alt or is a /Figure."""
    found = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure" or "/Alt" in node:
                found.append((str(node.get("/S")), str(node.get("/Alt", ""))))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize(
    ("sheet_language", "alt"),
    [
        ("fr-CA", f"Apports, diagramme à barres des extraits{NBSP}: Référencement{NBSP}: 1"),
        ("en", "Apports, bar chart of excerpts: Référencement: 1"),
    ],
    ids=["fr", "en"],
)
def test_the_chart_of_a_sheet_is_a_pdf_figure_whose_alternative_gives_its_numbers(charted, sheet_language, alt):
    charted.sheet.language = sheet_language
    charted.sheet.save(update_fields=["language"])
    with translation.override("en" if sheet_language.startswith("fr") else "fr-ca"):  # the publisher's language
        article, pdf = services.render_sheet(charted.sheet)

    assert figures(pdf) == [("/Figure", alt)]
    assert f'alt="{alt}"' in article
