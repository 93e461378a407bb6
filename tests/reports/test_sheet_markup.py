"""Sheet Markdown becomes safe HTML (nh3), evidence is placed, French spacing is applied to text only."""

from types import SimpleNamespace

from reports import svg
from reports.sheet_html import clean_markdown, french_typography, section_html


def _section(body):
    return SimpleNamespace(body=body)


def test_scripts_handlers_javascript_links_and_images_are_removed():
    hostile = (
        "Texte <script>alert(1)</script> suite\n\n"
        '<p onclick="alert(2)" onmouseover="x()">clic</p>\n\n'
        '[lien](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">b</a>\n\n'
        '<img src="file:///etc/passwd" onerror="alert(5)">\n\n'
        '<a rel="attachment" href="file:///etc/passwd">pièce</a>\n\n'
        '<style>@import url("http://127.0.0.1:9/x.css");</style>\n\n'
        '<iframe src="http://127.0.0.1/"></iframe><object data="file:///etc/passwd"></object>\n\n'
        '<link rel="attachment" href="file:///etc/passwd"><svg><image href="file:///etc/passwd"/></svg>'
    )
    html = clean_markdown(hostile)

    lowered = html.lower()
    for forbidden in ("<script", "onclick", "onmouseover", "onerror", "javascript:", "<img", "file:", "<style",
                      "@import", "<iframe", "<object", "<link", "<svg", "attachment", "alert(1)"):  # fmt: skip
        assert forbidden not in lowered, forbidden
    assert "Texte" in html and "clic" in html and "pièce" in html


def test_ordinary_markdown_keeps_its_structure():
    html = clean_markdown(
        "# Titre\n\n**gras** et *italique*\n\n1. un\n2. deux\n\n- a\n- b\n\n[site](https://example.org)"
    )

    assert "<h3>Titre</h3>" in html  # the sheet's own headings are h1 and h2
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<ol>" in html and "<ul>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer"' in html


def test_evidence_alone_in_a_paragraph_becomes_a_figure_and_inline_counts_stay_inline():
    quote = SimpleNamespace(kind="quote", quote="On se parle <b>chaque</b> mois", attribution="Résidente, milieu 2")
    count = SimpleNamespace(kind="count", value=35)
    html = section_html(
        _section("Avec [[evidence:2]] partenaires.\n\n[[evidence:1]]\n\nVoir [[evidence:9]]."),
        {1: quote, 2: count},
        language="fr-CA",
    )

    assert '<figure class="quote"><blockquote><p>On se parle &lt;b&gt;chaque&lt;/b&gt; mois</p>' in html
    assert "<figcaption>Résidente, milieu 2</figcaption>" in html
    assert '<span class="count">35</span>' in html
    assert '<span class="evidence-missing">[9]</span>' in html
    assert "<p><figure" not in html


def test_a_reference_inside_a_link_is_not_expanded_into_markup():
    quote = SimpleNamespace(kind="quote", quote="mot", attribution="Partenaire")
    html = section_html(_section("[voir](https://example.org/[[evidence:1]])"), {1: quote}, language="fr")

    assert "<figure" not in html and "<blockquote" not in html


def test_charts_are_images_with_text_alternatives():
    drawing = svg.bar_chart(["Référencement", "Silo <x>"], [133, 18], title="Apports")
    data = {"labels": ["Référencement", "Silo <x>"], "values": [1330, 18]}
    chart = SimpleNamespace(kind="chart", svg=drawing, caption="Apports", data=data)
    html = section_html(_section("[[evidence:1]]"), {1: chart}, language="en")
    french = section_html(_section("[[evidence:1]]"), {1: chart}, language="fr-CA")

    assert '<img src="data:image/svg+xml;base64,' in html
    assert 'alt="Apports, bar chart of excerpts: Référencement: 1,330, Silo &lt;x&gt;: 18"' in html
    assert 'alt="Apports, diagramme à barres des extraits\u00a0: Référencement\u00a0: 1\u00a0330, Silo' in french
    assert "Silo &lt;x&gt;" in drawing and "<title>Apports</title>" in drawing and "Référencement: 133" in drawing


def test_french_spacing_changes_text_but_never_attributes():
    html = french_typography('<a href="https://x.org/?a=b;c" title="a : b">Quoi ? Oui ; « bien »</a> : fin')

    assert 'href="https://x.org/?a=b;c"' in html and 'title="a : b"' in html
    assert "Quoi\u202f?" in html and "Oui\u202f;" in html and "«\u202fbien\u202f»" in html and "\u00a0: fin" in html
