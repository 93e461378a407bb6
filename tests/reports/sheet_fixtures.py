"""A small written sheet for the synthesis-sheet tests: an interview of site A whose resident is quoted."""

import datetime
from types import SimpleNamespace

from coding.models import Code
from reports import services
from tests import factory

TEXT = (
    "I : Comment se passe la concertation ?\n"
    "R : Le comité terrain nous aide beaucoup, on se parle chaque mois et on règle les problèmes ensemble.\n"
    "I : Et les résidents ?\n"
    "R : Ils viennent plus souvent au local depuis que l'intervenante est là.\n"
)
QUOTE = "Le comité terrain nous aide beaucoup, on se parle chaque mois"


def build_sheet(study, site, participant, *, researcher, transversal=True, body=None):
    """A sheet in review quoting `participant` (the interview's only speaker), with a count; returns the pieces."""
    interview = factory.make_interview(study, site, "Entrevue A", text=TEXT, participants=[(participant, "R")])
    parent = Code.objects.filter(study=study, name="Apports").first() or factory.make_code(study, "Apports")
    child = parent.children.first() or factory.make_code(study, "Référencement", parent=parent)
    start = TEXT.index(QUOTE)
    excerpt = factory.make_excerpt(interview, start, start + len(QUOTE), codes=[child], coder=researcher)
    sheet = services.create_sheet(
        study,
        site=None if transversal else site,
        title="Fiche d'essai",
        kind_label="Fiche synthèse transversale",
        date=datetime.date(2022, 3, 1),
        by=researcher,
    )
    quote = services.add_quote(sheet, excerpt=excerpt, by=researcher)
    count = services.add_count(sheet, measure="sites", by=researcher, user=researcher)
    results = sheet.sections.get(order=3)
    results.body = body if body is not None else f"Dans {count.reference} milieux :\n\n{quote.reference}\n"
    results.save()
    services.set_status(sheet, "review")  # ready to publish
    return SimpleNamespace(sheet=sheet, excerpt=excerpt, quote=quote, count=count, interview=interview, code=parent)
