"""The thematic report's documents (PDF and DOCX) on the hand-counted study of tests/reports/fixtures.py: every
quote of the selection exactly once per code, in codebook order, with the counts of the analysis views."""

import io
import re
import subprocess

import pytest
from django.utils import timezone, translation
from docx import Document

from coding import services
from coding.services.double_coding import consensus_coder
from reports import thematic, thematic_output
from reports.matrices import code_matrix
from reports.models import ReportDefinition
from reports.retrieval import RetrievalForm
from sites.models import Consent

pytestmark = pytest.mark.django_db
CODES = ["Partenariat", "Partenariat > Concertation", "Partenariat > Roulement", "Mobilisation", "Sécurité"]


def definition_for(world, *sites, **fields):
    definition = ReportDefinition.objects.create(study=world.study, title="Rapport du milieu", **fields)
    definition.sites.set(sites)
    return definition


def context_of(definition, user):
    with translation.override("en"):
        selection = thematic.select(definition, user=user)
        return thematic_output.document_context(definition, selection, generated_by=user, generated_at=timezone.now())


def pdf_text(pdf, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def flat(text):
    return re.sub(r"\s+", " ", text)


def expected_quotes(world):
    """MTL1's quotes per code in codebook order, each code's in text order (interview date, position)."""
    e = world
    return [
        ("Partenariat", [e.e3, e.e8]),  # e3 is the interviewer's words: quotable
        ("Partenariat > Concertation", [e.e1, e.e6]),  # e1 carries the code from two coders: once
        ("Partenariat > Roulement", [e.e4]),
        ("Mobilisation", [e.e5, e.e7]),
        ("Sécurité", [e.e2, e.e7]),  # e7 has two codes: once under each
    ]


def analysis_counts(world, user, site):
    """Excerpts per code (with sub-codes) in the site, as the transversal page counts them."""
    form = RetrievalForm({"site": site.pk, "include_subcodes": "on"}, study=world.study, user=user)
    matrix = code_matrix(world.study, user=user, axis="site", measure="excerpts", form=form)
    return [int(matrix.at[row.pk, site.code]) for row in form.tree.rows]


def test_the_pdf_holds_every_quote_once_per_code_in_codebook_order_with_the_analysis_counts(world, tmp_path):
    context = context_of(definition_for(world, world.site_a), world.researcher)
    with translation.override("en"):
        text = flat(pdf_text(thematic_output.report_pdf(context), tmp_path))
    position, found = 0, []
    for path, excerpts in expected_quotes(world):
        heading = re.compile(re.escape(path) + r" (\d+) excerpts? with its sub-codes").search(text, position)
        assert heading, path
        found.append(int(heading.group(1)))
        position = heading.end()
        for excerpt in excerpts:
            position = text.index(f"“{excerpt.quote}”", position)
    every = [f"“{excerpt.quote}”" for _path, excerpts in expected_quotes(world) for excerpt in excerpts]
    for quote in set(every):
        assert text.count(quote) == every.count(quote), quote
    # Partenariat 5, Concertation 2, Roulement 1, Mobilisation 2, Sécurité 2: the transversal page's MTL1 column.
    assert analysis_counts(world, world.researcher, world.site_a) == [5, 2, 1, 2, 2]
    assert found == [5, 2, 1, 2, 2]


def test_the_docx_holds_every_quote_once_per_code_under_word_headings(world):
    context = context_of(definition_for(world, world.site_a), world.researcher)
    with translation.override("en"):
        document = Document(io.BytesIO(thematic_output.report_docx(context)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    codes = [(style, text) for style, text in headings if text in CODES]
    assert codes == [
        ("Heading 1", "Partenariat"),
        ("Heading 2", "Partenariat > Concertation"),
        ("Heading 2", "Partenariat > Roulement"),
        ("Heading 1", "Mobilisation"),
        ("Heading 1", "Sécurité"),
    ]
    quotes, current = [], None
    for paragraph in document.paragraphs:
        if paragraph.text in CODES:
            current = paragraph.text
        elif paragraph.text.startswith("“"):
            quotes.append((current, paragraph.text[1 : paragraph.text.index("”")]))
    assert quotes == [(path, e.quote) for path, excerpts in expected_quotes(world) for e in excerpts]
    lines = [re.match(r"(\d+) excerpts? with its sub-codes", p.text) for p in document.paragraphs]
    counts = [int(line.group(1)) for line in lines if line]
    assert counts == analysis_counts(world, world.researcher, world.site_a)


def test_a_participant_who_may_not_be_quoted_is_left_out_and_counted(world):
    # QC1: Luc's e9, e10, e13 are printed; Nadia's e11 (Mobilisation) is not; e12 needs review and counts nowhere.
    selection = context_of(definition_for(world, world.site_b), world.researcher)["selection"]
    printed = {quote.text for section in selection.sections for quote in section.quotes}
    assert printed == {world.e9.quote, world.e10.quote, world.e13.quote}
    by_code = {section.code.path: section.left_out for section in selection.sections}
    assert by_code["Mobilisation"] == 1 and selection.left_out == 1
    assert all(quote.speaker == "P-QC1-11" for section in selection.sections for quote in section.quotes)


def test_a_withdrawn_consent_leaves_the_participant_out(world):
    Consent.objects.filter(participant=world.paul).update(withdrawn_on=timezone.localdate())
    selection = context_of(definition_for(world, world.site_a), world.researcher)["selection"]
    printed = [quote.text for section in selection.sections for quote in section.quotes]
    assert world.e6.quote not in printed and world.e8.quote not in printed
    assert selection.left_out == 2


def test_quotes_carry_a_pseudonym_and_a_link_to_their_place_never_a_name(world):
    selection = context_of(definition_for(world, world.site_a), world.researcher)["selection"]
    quote = selection.sections[1].quotes[0]  # e1, Marie's words in A1
    assert quote.speaker == "R-MTL1-11" and "Marie" not in quote.kind_label
    turn = world.A1.current_version.turns.get(start__lte=world.e1.start, end__gt=world.e1.start)
    assert quote.url.endswith(f"/interviews/{world.A1.pk}/#t-{turn.start}")


def test_the_strongest_quotes_mode_prints_at_most_n_per_code(world):
    definition = definition_for(world, world.site_a, quotes="strongest", strongest_per_code=1)
    selection = context_of(definition, world.researcher)["selection"]
    assert all(len(section.quotes) <= 1 for section in selection.sections)
    # Concertation's strongest: e1 (two coders) before e6 (longer).
    assert selection.sections[1].quotes[0].text == world.e1.quote


def test_a_branch_and_filters_narrow_the_selection(world):
    definition = definition_for(world, world.site_a, code=world.partenariat, participant_kind="partner")
    selection = context_of(definition, world.researcher)["selection"]
    assert [section.code.path for section in selection.sections] == CODES[:3]
    assert [section.total for section in selection.sections] == [2, 1, 0]  # Paul's e6 and e8
    # Consensus only: the codings an adjudication gave the study's consensus coder, nobody else's.
    consensus = definition_for(world, world.site_a, is_consensus_only=True)
    assert not any(section.quotes for section in context_of(consensus, world.researcher)["selection"].sections)
    services.add_codings(world.e1, code_ids=[world.concertation.pk], coder=consensus_coder(world.study))
    selection = context_of(consensus, world.researcher)["selection"]
    assert [quote.text for section in selection.sections for quote in section.quotes] == [world.e1.quote]


def test_a_report_of_several_sites_counts_each_site(world):
    definition = definition_for(world, is_all_sites=True)
    selection = context_of(definition, world.researcher)["selection"]
    assert selection.sections[1].counts == [("MTL1", 2), ("QC1", 1), ("QC2", 2)]
    assert selection.site_totals == {"MTL1": 8, "QC1": 4, "QC2": 2}


def test_quotes_are_printed_as_the_privacy_rules_show_them(world, monkeypatch):
    """The report prints `display_quote` (reports/quotes.py masks redacted spans there), never the raw quote."""

    def masked(excerpts):
        excerpts = list(excerpts)
        for excerpt in excerpts:
            excerpt.display_quote = excerpt.quote.replace("comité", "█████")
        return excerpts

    monkeypatch.setattr(thematic, "with_display_quotes", masked)
    context = context_of(definition_for(world, world.site_a), world.researcher)
    printed = [quote.text for section in context["selection"].sections for quote in section.quotes]
    assert "Le █████ de locataires nous aide beaucoup" in printed
    assert not any("comité" in text for text in printed)
    with translation.override("en"):
        document = Document(io.BytesIO(thematic_output.report_docx(context)))
    assert "comité de locataires" not in "\n".join(p.text for p in document.paragraphs)


def test_the_cached_page_references_follow_the_pages_added():
    import pydyf

    import reports.pdf  # noqa: F401 - installs the cache

    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first and len(first) == 1
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert len(pdf.page_references) == 2


def test_rendering_holds_off_the_cycle_collector_and_gives_it_back_even_when_it_fails(monkeypatch):
    """A worker that printed a report, or failed to, still collects its cycles afterwards."""
    import gc

    from reports import pdf

    seen = []
    real_render = pdf.HTML.render

    def render(document, *args, **kwargs):
        seen.append(gc.isenabled())
        return real_render(document, *args, **kwargs)

    monkeypatch.setattr(pdf.HTML, "render", render)
    assert pdf.render_pdf("<p>Bonjour</p>", title="t", lang="fr-CA").startswith(b"%PDF")
    assert seen == [False] and gc.isenabled()

    def broken(document, *args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf.HTML, "render", broken)
    with pytest.raises(RuntimeError):
        pdf.render_pdf("<p>Bonjour</p>", title="t", lang="fr-CA")
    assert gc.isenabled()


def test_pdf_streams_are_deflated_at_the_default_level():
    """Streams stay compressed (a PDF a third the size), at zlib's default level rather than pydyf's slowest."""
    import zlib

    import pydyf

    from reports import pdf  # noqa: F401 - installs the stand-in

    stream = pydyf.Stream([b"BT /F1 9 Tf (Bonjour) Tj ET"] * 500, compress=True)
    body = stream.data.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    assert b"/FlateDecode" in stream.data
    assert zlib.decompress(body) == b"\n".join([b"BT /F1 9 Tf (Bonjour) Tj ET"] * 500)
    assert body == zlib.compress(zlib.decompress(body), pdf.PDF_ZLIB_LEVEL)


def test_a_passage_two_coders_marked_alike_is_printed_once_and_another_extent_stays_its_own_quote(world, tmp_path):
    from tests import factory

    # Double coding: the coder marks e1's passage again as an excerpt of their own, and a shorter one inside it.
    again = factory.make_excerpt(world.A1, world.e1.start, world.e1.end, codes=[world.concertation], coder=world.coder)
    shorter = factory.make_excerpt(
        world.A1, world.e1.start, world.e1.end - 3, codes=[world.concertation], coder=world.coder
    )
    assert again.quote == world.e1.quote and shorter.quote != world.e1.quote
    context = context_of(definition_for(world, world.site_a), world.researcher)
    concertation = next(s for s in context["selection"].sections if s.code.pk == world.concertation.pk)
    assert [quote.text for quote in concertation.quotes].count(world.e1.quote) == 1
    assert shorter.quote in [quote.text for quote in concertation.quotes]
    with translation.override("en"):
        text = flat(pdf_text(thematic_output.report_pdf(context), tmp_path))
    assert text.count(f"“{world.e1.quote}”") == 1
    assert "printed once under it" in text
