"""Spans marked identifying are masked wherever a quote leaves the transcript: the CSV and XLSX exports, the
REFI-QDA project (texts and selection names), the report pages' quotes, and `quote_text` for sheets and PDFs."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from coding.models import Coding
from interviews import services
from interviews.redaction import MASK
from reports.quotes import quote_text, with_display_quotes
from reports.refi.export import export_project
from reports.tables import codings_frame
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "I : Parlez-moi du quartier.\nR : Avec Marie Tremblay du Comité Soleil, on a monté une cuisine collective ici."
NAME = "Marie Tremblay"


@pytest.fixture
def coded(study, site_a, participant_a, researcher):
    interview = factory.make_interview(study, site_a, "Entretien", participants=[(participant_a, "R")], text=TEXT)
    code = factory.make_code(study, "Mobilisation")
    start = TEXT.index("Avec")
    excerpt = factory.make_excerpt(interview, start, len(TEXT), codes=[code], coder=researcher)
    at = TEXT.index(NAME)
    services.mark_redaction(interview.current_version, start=at, end=at + len(NAME), by=researcher)
    return excerpt


def test_quote_text_masks_the_marked_span_and_keeps_the_rest(coded):
    quote = quote_text(coded)
    assert NAME not in quote
    assert quote == coded.quote.replace(NAME, MASK * len(NAME))
    assert "Comité Soleil" in quote  # not marked, not masked


def test_display_quotes_cost_one_query_for_any_number(coded, study, django_assert_num_queries):
    excerpts = list(coded.__class__.objects.filter(interview__study=study))
    with django_assert_num_queries(1):
        shown = with_display_quotes(excerpts)
    assert NAME not in shown[0].display_quote


def test_the_codings_table_masks_quotes(coded, study):
    frame = codings_frame(Coding.objects.filter(excerpt=coded), study=study)
    assert NAME not in frame.loc[0, "quote"] and MASK in frame.loc[0, "quote"]


def test_csv_and_xlsx_downloads_are_masked(login, researcher, coded):
    client = login(researcher)
    url = reverse("reports:export_codings", args=["etude"])
    text = client.post(url, {"format": "csv"}).content.decode("utf-8-sig")
    assert NAME not in text
    assert any(MASK in row.get("Citation", row.get("Quote", "")) for row in csv.DictReader(io.StringIO(text)))
    book = openpyxl.load_workbook(io.BytesIO(client.post(url, {"format": "xlsx"}).content))
    cells = [str(value) for row in book.worksheets[0].values for value in row]
    assert not any(NAME in cell for cell in cells) and any(MASK in cell for cell in cells)


def test_the_refi_project_masks_texts_and_selection_names_keeping_positions(coded, study, researcher):
    archive = zipfile.ZipFile(io.BytesIO(export_project(study, user=researcher).content))
    project = archive.read("project.qde").decode()
    source = next(archive.read(name).decode() for name in archive.namelist() if name.startswith("sources/"))
    assert NAME not in project and NAME not in source
    assert len(source) == len(TEXT) and source[coded.start : coded.end] == quote_text(coded)


def test_the_retrieval_page_shows_the_masked_quote(login, researcher, coded):
    page = login(researcher).get(reverse("reports:retrieval", args=["etude"])).content.decode()
    assert NAME not in page and MASK * len(NAME) in page


def test_the_site_report_quotes_are_masked(login, researcher, coded):
    page = login(researcher).get(reverse("reports:site_report", args=["etude", "MTL1"])).content.decode()
    assert "cuisine collective" in page
    assert NAME not in page


def test_a_redaction_left_to_review_still_masks_its_words(coded, researcher):
    from coding.services import edit_transcript
    from interviews.models import Redaction

    interview = coded.interview
    # A middle initial inside the masked name: the redaction cannot follow, but its words stay masked everywhere.
    new_text = TEXT.replace(NAME, "Marie B. Tremblay") + "\nR : Tremblay, Marie, est partie."
    version = edit_transcript(interview, text=new_text, author=researcher)
    assert Redaction.objects.get().needs_review
    start = new_text.index("Avec")
    code = Coding.objects.first().code
    excerpt = factory.make_excerpt(interview, start, len(new_text), codes=[code], coder=researcher)
    quote = quote_text(excerpt)
    assert "Marie" not in quote and "Tremblay" not in quote and "B. " in quote and "est partie" in quote
    assert version.pk == excerpt.version_id


def test_a_sheet_keeps_the_masked_quote_and_flags_one_masked_after_it_was_placed(coded, study, researcher):
    import datetime

    from reports import evidence
    from reports import services as sheets

    sheet = sheets.create_sheet(study, site=None, title="Fiche", kind_label="Fiche", date=datetime.date(2022, 3, 1),
                                by=researcher)  # fmt: skip
    item = sheets.add_quote(sheet, excerpt=coded, by=researcher)
    assert NAME not in item.quote and MASK in item.quote
    assert evidence.problems(sheet) == []
    at = TEXT.index("Comité Soleil")
    services.mark_redaction(coded.interview.current_version, start=at, end=at + 13, by=researcher)
    assert [problem.can_refresh for problem in evidence.problems(sheet)] == [True]
    item.refresh_from_db()
    assert "Comité Soleil" not in sheets.refresh_quote(item).quote
