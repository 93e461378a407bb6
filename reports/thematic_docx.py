"""A thematic report as DOCX (python-docx): Word's Title and Heading styles, so the navigation pane lists every
code (Heading 1 for the report's parts and top-level codes, Heading 2 for their sub-codes, and so on)."""

import re

from django.utils.translation import gettext as _
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

GREY = RGBColor(0x52, 0x60, 0x6D)
LINK = RGBColor(0x1F, 0x5F, 0x8B)
# Characters XML 1.0 cannot carry (lxml refuses them); transcripts are canonical text, but a pasted control
# character must not make the whole report fail.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text):
    return NOT_XML.sub("", str(text or ""))


def build_docx(context):
    """A python-docx Document of the report's document context (see reports/thematic_output.py)."""
    definition, selection = context["definition"], context["selection"]
    document = Document()
    document.core_properties.title = _clean(definition.title)
    document.core_properties.language = context["lang"]
    document.styles["Normal"].font.size = Pt(10)
    _cover(document, context)
    _contents(document)
    if definition.has_counts:
        _counts(document, context)
    for section in context["sections"]:
        _code_section(document, context, section)
    if definition.has_sources:
        _sources(document, selection.sources)
    return document


def _cover(document, context):
    document.add_paragraph(_("Thematic report")).runs[0].bold = True
    document.add_heading(_clean(context["definition"].title), level=0)
    document.add_paragraph(
        _clean(f"{context['study'].title} · {context['scope']} · ")
        + _("generated on %(date)s") % {"date": context["generated_on"]}
    )
    for label, value in context["cover"]:
        paragraph = document.add_paragraph()
        separator = "\u00a0: " if context["lang"].startswith("fr") else ": "
        paragraph.add_run(_clean(label) + separator).bold = True
        paragraph.add_run(_clean(value))
    selection = context["selection"]
    document.add_paragraph(
        _("%(quotes)s quotes printed; %(left)s excerpts left out: their speaker may not be quoted or is unknown.")
        % {"quotes": selection.quote_count, "left": selection.left_out}
        + " "
        + _("A passage that several coders marked alike with a code is printed once under it.")
    )


def _contents(document):
    """A table-of-contents field over the headings; Word fills it in when the document's fields are updated."""
    document.add_heading(_("Contents"), level=1)
    paragraph = document.add_paragraph()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), 'TOC \\o "1-4" \\h \\z \\u')
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = _("Update the fields (F9) to fill in the table of contents; the navigation pane lists every code.")
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _counts(document, context):
    document.add_heading(_("Counts by site and code"), level=1)
    document.add_paragraph(_("Excerpts per code (with its sub-codes) and site."))
    sites = context["sites"]
    table = document.add_table(rows=1, cols=len(sites) + 2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = _("Code")
    for index, site in enumerate(sites, start=1):
        header[index].text = site.code
    header[-1].text = _("Total")
    for section in context["sections"]:
        cells = table.add_row().cells
        cells[0].text = _clean(section.code.path)
        for index, (_code, n) in enumerate(section.counts, start=1):
            cells[index].text = str(n)
        cells[-1].text = str(section.total)


def _code_section(document, context, section):
    definition = context["definition"]
    document.add_heading(_clean(section.code.path), level=min(section.code.depth + 1, 9))
    if definition.has_definitions:
        labels = ((_("Definition:"), "definition"), (_("Include:"), "inclusion"), (_("Exclude:"), "exclusion"))
        for label, key in labels:
            if section.detail[key]:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label} ").bold = True
                paragraph.add_run(_clean(section.detail[key]))
    if definition.has_counts:
        counts = ", ".join(f"{code}: {n}" for code, n in section.counts)
        line = _("%(n)s excerpts with its sub-codes (%(counts)s) · %(quoted)s quoted here · %(left)s left out") % {
            "n": section.total,
            "counts": counts,
            "quoted": len(section.quotes),
            "left": section.left_out,
        }
        _grey(document.add_paragraph(), line)
    interview = None
    for quote in section.quotes:
        if quote.interview_id != interview:
            interview = quote.interview_id
            date = f", {quote.interview_date:%Y-%m-%d}" if quote.interview_date else ""
            _grey(document.add_paragraph(), _clean(f"{quote.site_code} · {quote.interview_title}{date}")).bold = True
        _quote(document, context, quote)
    for memo in section.memos:
        paragraph = document.add_paragraph()
        paragraph.add_run(_clean(f"{_('Memo:')} {memo.title}")).bold = True
        author = memo.author and (memo.author.get_full_name() or memo.author.email)
        _grey(paragraph, f" — {_clean(author or '—')}, {memo.created_at:%Y-%m-%d}")
        document.add_paragraph(_clean(memo.body))


def _quote(document, context, quote):
    paragraph = document.add_paragraph()
    paragraph.add_run(_clean(f"{context['open_quote']}{quote.text}{context['close_quote']}"))
    _grey(paragraph, _clean(f" — {quote.speaker} · "))
    _hyperlink(paragraph, quote.url, f"¶{quote.position}")


def _grey(paragraph, text):
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = GREY
    return run


def _hyperlink(paragraph, url, text):
    """A link to the quote's place in the reading view (python-docx has no API for external links)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for name, value in (("w:color", str(LINK)), ("w:u", "single"), ("w:sz", "16")):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        properties.append(element)
    run.append(properties)
    content = OxmlElement("w:t")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def _sources(document, sources):
    document.add_heading(_("Sources"), level=1)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    labels = (_("Site"), _("Interview"), _("Kind"), _("Date"), _("Participants"), _("Quotes"))
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.text = label
    for source in sources:
        interview = source["interview"]
        values = (
            interview.site.code,
            interview.title,
            interview.get_kind_display(),
            f"{interview.date:%Y-%m-%d}" if interview.date else "—",
            ", ".join(source["participants"]) or "—",
            str(source["quotes"]),
        )
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = _clean(value)
