"""Script and markup payloads in a sheet's title, sections and quotes print as inert text in its PDF and article."""

import datetime
import subprocess

import pytest

from reports import services as sheets
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

PAYLOAD = "<script>window.__xss=1</script><img src=x onerror=alert(1)>"
TEXT = f"I : Bonjour.\nR : Je dis {PAYLOAD} au comité, voilà."


def test_payloads_print_as_text_and_never_as_markup_or_script(study, site_a, participant_a, researcher, tmp_path):
    interview = factory.make_interview(study, site_a, "Entretien", participants=[(participant_a, "R")], text=TEXT)
    start = TEXT.index("Je dis")
    excerpt = factory.make_excerpt(
        interview, start, len(TEXT), codes=[factory.make_code(study, "Code")], coder=researcher
    )
    sheet = sheets.create_sheet(study, site=None, title=f"Fiche {PAYLOAD}", kind_label="Fiche",
                                date=datetime.date(2022, 3, 1), by=researcher)  # fmt: skip
    item = sheets.add_quote(sheet, excerpt=excerpt, by=researcher)
    body = f"Texte {PAYLOAD} et [lien](javascript:alert(1)).\n\n[[evidence:{item.number}]]"
    sheets.add_section(sheet, heading=f"Section {PAYLOAD}", body=body)
    article, pdf = sheets.render_sheet(sheet)

    assert "<script" not in article and "<img" not in article and "javascript:" not in article
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in article  # the quote, the title and heading as text
    for marker in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/OpenAction"):
        assert marker not in pdf
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "onerror=alert(1)" in " ".join(text.split())  # printed, visibly, as the words they are
