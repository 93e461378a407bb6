"""The demo's synthesis sheets: the study's lexicon, its transversal sheet and MTL1's sheet, both published.

Figures, quotes and charts are evidence taken from the demo study as the team would insert them (counts,
strongest quotable excerpts, sub-code charts); the words are reports/demo_texts.py's.
"""

import datetime

from coding.models import Code
from reports import demo_texts as texts
from reports import services
from reports.codetree import CodeTree
from reports.models import GlossaryTerm, SheetAuthor, SynthesisSheet
from reports.quotes import strongest_excerpts
from reports.retrieval import placed_codings
from sites.models import Site

PARTNER_SITE = "MTL1"  # the demo partner account's site


def load_sheets(study, *, researcher):
    """Replace the demo's sheets with freshly published ones; returns (transversal, per-site)."""
    terms = load_glossary(study)
    for sheet in SynthesisSheet.objects.filter(study=study):
        for version in sheet.versions.all():
            version.pdf.delete(save=False)
        sheet.delete()
    transversal = build_transversal_sheet(study, researcher=researcher, terms=terms)
    site_sheet = _site_sheet(
        study, Site.objects.get(study=study, code=PARTNER_SITE), researcher=researcher, terms=terms
    )
    for sheet in (transversal, site_sheet):
        services.set_status(sheet, SynthesisSheet.Status.REVIEW)
        services.publish_sheet(sheet, by=researcher)
    return transversal, site_sheet


def load_glossary(study):
    terms = []
    for term, definition in texts.GLOSSARY:
        found, _created = GlossaryTerm.objects.update_or_create(
            study=study, term=term, defaults={"definition": definition}
        )
        terms.append(found)
    return terms


def build_transversal_sheet(study, *, researcher, terms):
    """The transversal sheet as a draft: the seed's sections, its figures counted, three charts, four quotes."""
    sheet = _new_sheet(study, None, texts.TITLE, texts.KIND, researcher, terms)
    add = _Inserter(sheet, researcher)
    figures = {
        "sites": add.count("sites"),
        "estates": add.count("estates"),
        "months": add.count("observation_months"),
        "observed": add.count("observed_sites"),
        "partners": add.count("participants", kind="partner"),
        "residents": add.count("participants", kind="resident"),
        "workers": add.count("participants", kind="field_worker"),
        "group": add.count("group_participants"),
    }
    results = {
        "quote_roles": add.quote("Rôles des acteurs"),
        "apports": add.count("excerpts", code=add.code("Apports de la concertation")),
        "chart_apports": add.chart("Apports de la concertation", "Apports de la concertation : extraits par thème"),
        "quote_retombees": add.quote("Retombées pour les résident·e·s"),
        "chart_retombees": add.chart(
            "Retombées pour les résident·e·s", "Retombées pour les résident·e·s : extraits par thème"
        ),
        "quote_enjeux": add.quote("Enjeux"),
        "chart_defis": add.chart("Défis et controverses", "Défis et controverses : extraits par thème"),
    }
    bodies = [
        texts.SUMMARY.format(**figures),
        texts.OBJECTIVES,
        texts.METHODOLOGY.format(**figures),
        texts.RESULTS.format(**results),
        texts.ACTIONS.format(quote_pistes=add.quote("Pistes d'action")),
        texts.LEXICON,
    ]
    _write_sections(sheet, bodies)
    return sheet


def _site_sheet(study, site, *, researcher, terms):
    title = texts.SITE_TITLE.format(site=site.name)
    sheet = _new_sheet(study, site, title, texts.SITE_KIND, researcher, terms)
    add = _Inserter(sheet, researcher, site=site)
    figures = {
        "site": site.name,
        "sites": add.count("sites"),
        "partners": add.count("participants", kind="partner", site=site),
        "residents": add.count("participants", kind="resident", site=site),
        "excerpts": add.count("excerpts", code=None, site=site),
    }
    bodies = [
        texts.SITE_SUMMARY.format(**figures),
        texts.OBJECTIVES,
        texts.SITE_METHODOLOGY.format(**figures),
        texts.SITE_RESULTS.format(
            quote=add.quote("Apports de la concertation"),
            chart=add.chart("Apports de la concertation", f"Apports de la concertation au {site.code}"),
        ),
        texts.SITE_ACTIONS,
        "",
    ]
    _write_sections(sheet, bodies)
    return sheet


def _new_sheet(study, site, title, kind, researcher, terms):
    sheet = services.create_sheet(
        study, site=site, title=title, kind_label=kind, date=datetime.date(2022, 3, 1), by=researcher
    )
    SheetAuthor.objects.bulk_create(
        SheetAuthor(sheet=sheet, name=name, affiliation=affiliation, order=order)
        for order, (name, affiliation) in enumerate(texts.AUTHORS)
    )
    sheet.glossary.set(terms)
    return sheet


def _write_sections(sheet, bodies):
    for section, body in zip(sheet.sections.order_by("order"), bodies, strict=True):
        section.body = body
        section.save(update_fields=["body"])


class _Inserter:
    """Inserts evidence in a demo sheet as the pickers would, and returns its [[evidence:N]] reference."""

    def __init__(self, sheet, researcher, *, site=None):
        self.sheet, self.researcher, self.site = sheet, researcher, site
        self.tree = CodeTree(sheet.study)
        self.quoted = set()

    def code(self, name):
        return Code.objects.get(study=self.sheet.study, name=name, parent__isnull=True)

    def count(self, measure, *, kind="", site=None, code=None):
        item = services.add_count(
            self.sheet, measure=measure, kind=kind, site=site, code=code, by=self.researcher, user=self.researcher
        )
        return item.reference

    def quote(self, code_name):
        codings = placed_codings(self.sheet.study, self.researcher)
        if self.site is not None:
            codings = codings.filter(excerpt__interview__site=self.site)
        ids = self.tree.ids(self.code(code_name).pk, with_subcodes=True)
        for excerpt in strongest_excerpts(codings, ids, limit=10):
            if excerpt.pk not in self.quoted:
                self.quoted.add(excerpt.pk)
                return services.add_quote(self.sheet, excerpt=excerpt, by=self.researcher).reference
        return ""

    def chart(self, code_name, caption):
        item = services.add_chart(
            self.sheet, code=self.code(code_name), site=self.site, caption=caption, by=self.researcher,
            user=self.researcher,
        )  # fmt: skip
        return item.reference
