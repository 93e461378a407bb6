"""A synthesis sheet as HTML: Markdown rendered then sanitised with nh3, evidence placed, French typography.

The same article HTML is shown on the web page and printed to PDF (reports/pdf.py), and is what a published
version freezes. Everything people typed goes through nh3 before our own markup (evidence, figures) is added.
"""

import re

import markdown
import nh3
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.translation import gettext

from reports import svg

REFERENCE = re.compile(r"\[\[evidence:(\d+)\]\]")
_ALONE = re.compile(r"<p>\s*\[\[evidence:(\d+)\]\]\s*</p>")
TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "sup", "sub", "code", "blockquote",
    "ul", "ol", "li", "h3", "h4", "h5", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}, "th": {"scope"}}
SCHEMES = {"http", "https", "mailto"}
_TOP_HEADINGS = re.compile(r"<(/?)h[12]>")


def clean_markdown(body):
    """The body as HTML with only harmless tags, attributes and link schemes (no images, no styles, no scripts)."""
    rendered = markdown.markdown(body, extensions=["tables", "sane_lists"], output_format="html")
    rendered = _TOP_HEADINGS.sub(r"<\1h3>", rendered)  # the sheet's title and section headings are h1 and h2
    return nh3.clean(rendered, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer")


def section_html(section, evidence_by_number, *, language):
    """A section's body as safe HTML with its evidence in place (block evidence alone in its paragraph).

    Our own words in it (a chart's text alternative) are in the sheet's language, not the reader's.
    """
    html = clean_markdown(section.body)
    with translation.override(language):
        html = _ALONE.sub(lambda match: _evidence(evidence_by_number, int(match[1]), block=True), html)
        html = _in_text(
            html, lambda text: REFERENCE.sub(lambda m: _evidence(evidence_by_number, int(m[1]), block=False), text)
        )
    return french_typography(html) if language.startswith("fr") else html


def _evidence(evidence_by_number, number, *, block):
    item = evidence_by_number.get(number)
    if item is None:
        return format_html('<span class="evidence-missing">[{}]</span>', number)
    render = {"quote": _quote, "count": _count, "chart": _chart, "matrix": _matrix}[item.kind]
    return render(item, block=block)


def _quote(item, *, block):
    if not block:
        return format_html('«\u00a0{}\u00a0» <span class="attribution">({})</span>', item.quote, item.attribution)
    return format_html(
        '<figure class="quote"><blockquote><p>{}</p></blockquote><figcaption>{}</figcaption></figure>',
        item.quote,
        item.attribution,
    )


def _count(item, *, block):
    span = format_html('<span class="count">{}</span>', item.value)
    return format_html("<p>{}</p>", span) if block else span


def chart_alt(item):
    """A chart's text alternative, in the active language: its caption, then each bar's label and value."""
    pair = gettext("%(label)s: %(value)s")
    labels, counts = item.data.get("labels", []), item.data.get("values", [])
    values = ", ".join(
        pair % {"label": label, "value": number_format(count, force_grouping=True)}
        for label, count in zip(labels, counts, strict=False)
    )
    return gettext("%(caption)s, bar chart of excerpts: %(values)s") % {"caption": item.caption, "values": values}


def _chart(item, *, block):
    alt = chart_alt(item)
    figure = format_html(
        '<figure class="chart"><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>',
        svg.data_url(item.svg),
        alt,
        item.caption,
    )
    return figure


def _matrix(item, *, block):
    columns = item.data.get("columns", [])
    head = "".join(format_html('<th scope="col">{}</th>', column) for column in columns)
    body = "".join(
        format_html(
            '<tr><th scope="row">{}</th>{}</tr>', row[0], "".join(format_html("<td>{}</td>", v) for v in row[1:])
        )
        for row in item.data.get("rows", [])
    )
    return (
        f'<figure class="matrix"><table><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>'
        f"<figcaption>{escape(item.caption)}</figcaption></figure>"
    )


# French typography: a narrow no-break space before ; ! ? and inside « », a no-break space before a colon.
_BEFORE_TIGHT = re.compile(r"[ \u00a0]([;!?])")
_BEFORE_COLON = re.compile(r" :(?=[\s<])")
_GUILLEMETS = (re.compile(r"«[ \u00a0]*"), re.compile(r"[ \u00a0]*»"))


def french_typography(html):
    """Spaces the French way in the text between tags (tags and their attributes are left as they are)."""
    return _in_text(html, _french_spaces)


def _french_spaces(text):
    text = _BEFORE_TIGHT.sub("\u202f\\1", text)
    text = _BEFORE_COLON.sub("\u00a0:", text)
    text = _GUILLEMETS[0].sub("«\u202f", text)
    return _GUILLEMETS[1].sub("\u202f»", text)


def _in_text(html, change):
    """`change` applied to the text between tags only, never to a tag or its attributes."""
    parts = re.split(r"(<[^>]*>)", html)
    for index in range(0, len(parts), 2):
        parts[index] = change(parts[index])
    return "".join(parts)


def article_html(sheet, *, sections, evidence, authors, glossary):
    """The sheet's article (title block, sections, lexicon) as the web page and the PDF show it."""
    by_number = {item.number: item for item in evidence}
    language = sheet.language
    rendered = [(section, section_html(section, by_number, language=language)) for section in sections]
    with translation.override(language):
        return render_to_string(
            "reports/includes/sheet_article.html",
            {"sheet": sheet, "sections": rendered, "authors": authors, "glossary": glossary},
        )


def print_document(sheet, article):
    """The standalone HTML document WeasyPrint prints: the article with the print stylesheet and page furniture."""
    with translation.override(sheet.language):
        return render_to_string("reports/sheet_print.html", {"sheet": sheet, "article": article})
