"""A thematic report as a document: the web page's and the PDF's HTML (one template), the PDF, the DOCX.

The PDF is laid out for WeasyPrint's speed as much as for reading: a plain flow of paragraphs, one text run per
quote (quote, attribution and reference in the same paragraph, no float, no table), two fonts, page numbers and
the running header from `string()` rather than running elements. A site with every quote is a few thousand
paragraphs; each extra inline element per quote costs WeasyPrint a few seconds over such a document.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interviews.models import Interview
from reports import svg
from reports.pdf import render_pdf
from sites.models import Participant

PRINT_CSS = "reports/thematic_print.css"
CHARTED_CODES = 40


def cover_lines(definition, selection, *, generated_by, generated_at):
    """[(label, value)] stating the scope, the filters and what the document holds, for the cover and the page."""
    if definition.is_all_sites:
        scope = _("All sites (%(sites)s)") % {"sites": ", ".join(site.code for site in selection.sites)}
    else:
        scope = ", ".join(f"{site.code} — {site.name}" for site in selection.sites)
    code = selection.filters.tree.by_pk.get(definition.code_id)
    lines = [
        (_("Sites"), scope or _("none you may see")),
        (_("Codes"), _("the branch %(path)s") % {"path": code.path} if code else _("the whole codebook")),
    ]
    kinds = dict(Participant.KIND_CHOICES)
    optional = [
        (_("Participant kind"), str(kinds.get(definition.participant_kind, ""))),
        (_("Interview kind"), str(dict(Interview.Kind.choices).get(definition.interview_kind, ""))),
        (_("Speaker"), definition.speaker),
        (_("Coder"), definition.coder and (definition.coder.get_full_name() or definition.coder.email)),
        (
            _("Codings"),
            definition.is_consensus_only and _("consensus only (adjudicated codings)"),
        ),
        (_("Interviews from"), definition.date_from and date_format(definition.date_from, "SHORT_DATE_FORMAT")),
        (_("Interviews to"), definition.date_to and date_format(definition.date_to, "SHORT_DATE_FORMAT")),
    ]
    lines += [(label, value) for label, value in optional if value]
    if definition.quotes == definition.Quotes.STRONGEST:
        quotes = _("the %(n)s strongest per code") % {"n": definition.strongest_per_code}
    else:
        quotes = definition.get_quotes_display()
    lines.append((_("Quotes"), quotes))
    who = generated_by.get_full_name() or generated_by.email if generated_by else ""
    lines.append((_("Generated"), f"{date_format(timezone.localtime(generated_at), 'SHORT_DATETIME_FORMAT')} · {who}"))
    return lines


def document_context(definition, selection, *, generated_by, generated_at):
    """What the document template reads (no query)."""
    french = (get_language() or "fr").startswith("fr")
    context = {
        "definition": definition,
        "selection": selection,
        "study": selection.study,
        "sections": selection.sections,
        "sites": selection.sites,
        "cover": cover_lines(definition, selection, generated_by=generated_by, generated_at=generated_at),
        "generated_on": date_format(timezone.localtime(generated_at), "SHORT_DATE_FORMAT"),
        "scope": ", ".join(site.code for site in selection.sites) or "—",
        "open_quote": "«\u00a0" if french else "“",
        "close_quote": "\u00a0»" if french else "”",
        "lang": "fr-CA" if french else "en",
    }
    if definition.has_charts and selection.sections:
        context["charts"] = _charts(selection)
    return context


def _charts(selection):
    """Bar charts as SVG (vector in the PDF): excerpts per theme (the top-level codes of the selection, each with its
    sub-codes; the table lists every code), and per site when there are several."""
    top = min(section.code.depth for section in selection.sections)
    shown = [section for section in selection.sections if section.code.depth == top][:CHARTED_CODES]
    title = _("Excerpts per theme (with its sub-codes)")
    charts = [_chart(title, [section.code.path for section in shown], [section.total for section in shown])]
    if len(selection.sites) > 1:
        title = _("Coded excerpts per site")
        totals = [selection.site_totals.get(site.code, 0) for site in selection.sites]
        charts.append(_chart(title, [site.code for site in selection.sites], totals))
    return charts


def _chart(title, labels, values):
    return {"title": title, "url": svg.data_url(svg.bar_chart(labels, values, title=title))}


def report_html(context):
    """The standalone HTML the PDF is printed from."""
    return render_to_string("reports/thematic_print.html", context)


def report_pdf(context):
    """The PDF (tagged PDF/UA, see reports/pdf.py) of a document context."""
    return render_pdf(report_html(context), title=context["definition"].title, lang=context["lang"])


def report_docx(context):
    """The DOCX of a document context: Word's Heading styles, so the navigation pane lists every code."""
    from reports.thematic_docx import build_docx

    buffer = io.BytesIO()
    build_docx(context).save(buffer)
    return buffer.getvalue()
