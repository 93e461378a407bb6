"""The evidence a synthesis sheet quotes or counts: making its snapshots, and checking them against their sources.

A quote keeps its excerpt and speaker; it has a problem when the excerpt was discarded, needs review or now
says something else, or when its speaker withdrew or may not be quoted. Those block publishing. A count
whose figure changed since it was inserted only gets a notice: the text around it may still hold.
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Min
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from coding.models import Excerpt
from interviews.models import Interview, InterviewParticipant
from reports import svg
from reports.codetree import CodeTree
from reports.quotes import quote_text, with_display_quotes
from reports.retrieval import placed_codings, speaker_expression
from sites.models import HousingEstate, Participant, Site

# How a speaker is named in a sheet: their kind (feminine form when the study records the participant as a
# woman), then the site's rank among the study's sites ("milieu 2"). Never a name, never the pseudonym code.
ATTRIBUTION_KINDS = {
    "resident": (pgettext_lazy("attribution", "Resident"), pgettext_lazy("attribution feminine", "Resident")),
    "partner": (pgettext_lazy("attribution", "Partner"), pgettext_lazy("attribution feminine", "Partner")),
    "field_worker": (
        pgettext_lazy("attribution", "Field worker"),
        pgettext_lazy("attribution feminine", "Field worker"),
    ),
    "researcher": (pgettext_lazy("attribution", "Researcher"), pgettext_lazy("attribution feminine", "Researcher")),
}
FEMININE = frozenset({"femme", "female", "woman", "f"})

# What a count counts. Each takes the study and an optional site and is one query.
COUNT_MEASURES = ("sites", "estates", "participants", "group_participants", "interviews", "observed_sites",
                  "observation_months", "excerpts")  # fmt: skip


@dataclass(frozen=True)
class Problem:
    evidence: object
    message: str
    blocks_publishing: bool = True
    can_refresh: bool = False


def attribution(participant, *, site_ranks, language):
    """'Résidente, milieu 2': the speaker's kind and the rank of their site, in the sheet's language."""
    with translation.override(language):
        if participant is None:
            return _("Participant")
        feminine = str(participant.attributes.get("gender", "")).strip().lower() in FEMININE
        forms = ATTRIBUTION_KINDS.get(participant.kind)
        kind = str(forms[1] if feminine else forms[0]) if forms else _("Participant")
        rank = site_ranks.get(participant.site_id)
        return _("%(kind)s, site %(rank)s") % {"kind": kind, "rank": rank} if rank else kind


def site_ranks(study):
    """{site id: 1-based rank by code}: how sheets name sites without naming them (one query)."""
    return {pk: rank for rank, pk in enumerate(Site.objects.filter(study=study).values_list("pk", flat=True), 1)}


def quote_speaker(excerpt):
    """The participant who speaks the excerpt, by the retrieval rule (reports/retrieval.py); two queries."""
    speaker_id = (
        Excerpt.objects.filter(pk=excerpt.pk).annotate(speaker=speaker_expression("id")).values("speaker").first()
    )
    if not speaker_id or not speaker_id["speaker"]:
        return None
    return Participant.objects.with_related().filter(pk=speaker_id["speaker"]).first()


def count_value(study, *, measure, site=None, code=None, kind="", user):
    """The figure a count shows, computed now (one query; codes read the codebook first)."""
    if measure == "sites":
        return Site.objects.filter(study=study).count()
    if measure == "estates":
        estates = HousingEstate.objects.filter(site__study=study)
        return (estates.filter(site=site) if site else estates).count()
    if measure in ("participants", "group_participants"):
        interview_kind = Interview.Kind.INDIVIDUAL if measure == "participants" else Interview.Kind.GROUP
        lines = InterviewParticipant.objects.filter(interview__study=study, interview__kind=interview_kind)
        lines = lines.filter(participant__kind=kind) if kind else lines
        lines = lines.filter(participant__site=site) if site else lines
        return lines.values("participant_id").distinct().count()
    if measure in ("observed_sites", "observation_months"):
        notes = Interview.objects.filter(study=study, kind=Interview.Kind.OBSERVATION)
        if measure == "observed_sites":
            return notes.values("site_id").distinct().count()
        span = notes.aggregate(first=Min("date"), last=Max("date"))
        if not span["first"]:
            return 0
        return (span["last"].year - span["first"].year) * 12 + span["last"].month - span["first"].month + 1
    if measure == "interviews":
        interviews = Interview.objects.filter(study=study)
        interviews = interviews.filter(kind=kind) if kind else interviews
        return (interviews.filter(site=site) if site else interviews).count()
    if measure == "excerpts":
        codings = placed_codings(study, user)
        if code is not None:  # without a code: every coded excerpt
            codings = codings.filter(code_id__in=CodeTree(study).ids(code.pk, with_subcodes=True))
        codings = codings.filter(excerpt__interview__site=site) if site else codings
        return codings.values("excerpt_id").distinct().count()
    raise ValueError(f"unknown measure: {measure}")


def theme_counts(study, *, code, user, site=None):
    """[(sub-code name, distinct excerpts under it)] for the sub-codes of `code`, in codebook order (2 queries)."""
    tree = CodeTree(study)
    children = [row for row in tree.rows if row.parent_id == code.pk]
    codings = placed_codings(study, user)
    codings = codings.filter(excerpt__interview__site=site) if site else codings
    rows = codings.filter(code_id__in=tree.ids(code.pk, with_subcodes=True)).values_list("code_id", "excerpt_id")
    excerpts_of = {}
    for code_id, excerpt_id in rows:
        excerpts_of.setdefault(code_id, set()).add(excerpt_id)
    counts = []
    for child in children:
        found = set()
        for pk in child.subtree:
            found |= excerpts_of.get(pk, set())
        counts.append((child.name, len(found)))
    return counts


def site_matrix(study, *, code, user):
    """{"columns": site codes, "rows": [[sub-code, n per site…]]}: distinct excerpts per sub-code and site."""
    tree = CodeTree(study)
    sites = list(Site.objects.filter(study=study).values_list("pk", "code"))
    children = [row for row in tree.rows if row.parent_id == code.pk]
    rows = (
        placed_codings(study, user)
        .filter(code_id__in=tree.ids(code.pk, with_subcodes=True))
        .values_list("code_id", "excerpt__interview__site_id", "excerpt_id")
    )
    cells = {}
    for code_id, site_id, excerpt_id in rows:
        cells.setdefault((code_id, site_id), set()).add(excerpt_id)
    table = []
    for child in children:
        line = [child.name]
        for site_id, _code in sites:
            found = set()
            for pk in child.subtree:
                found |= cells.get((pk, site_id), set())
            line.append(len(found))
        table.append(line)
    return {"columns": [code for _pk, code in sites], "rows": table}


def chart_snapshot(counts, *, title):
    labels = [label for label, _value in counts]
    values = [value for _label, value in counts]
    return {"labels": labels, "values": values}, svg.bar_chart(labels, values, title=title)


def problems(sheet, evidence=None):
    """The problems of the sheet's evidence (3 queries: the evidence with excerpts and speakers, the consents, the
    redactions the quotes are compared with, since a sheet keeps the masked words)."""
    if evidence is None:
        evidence = list(sheet.evidence.select_related("excerpt", "participant__consent"))
    with_display_quotes(
        [item.excerpt for item in evidence if item.excerpt is not None and not hasattr(item.excerpt, "display_quote")]
    )
    found = []
    for item in evidence:
        if item.kind == item.Kind.QUOTE:
            found += _quote_problems(item)
    return found


def _quote_problems(item):
    messages = []
    excerpt, participant = item.excerpt, item.participant
    if excerpt is None:
        messages.append(_("The excerpt of quote %(n)s was discarded.") % {"n": item.number})
    elif excerpt.needs_review:
        messages.append(_("The excerpt of quote %(n)s needs review after a transcript edit.") % {"n": item.number})
    elif quote_text(excerpt) != item.quote:
        return [
            Problem(
                item,
                _("The excerpt of quote %(n)s now reads differently.") % {"n": item.number},
                can_refresh=True,
            )
        ]
    if participant is not None:
        consent = getattr(participant, "consent", None)
        if consent is not None and consent.withdrawn_on is not None:
            messages.append(_("The speaker of quote %(n)s withdrew from the study.") % {"n": item.number})
        elif not participant.may_be_quoted:
            messages.append(_("The speaker of quote %(n)s may not be quoted.") % {"n": item.number})
    return [Problem(item, message) for message in messages]


def unknown_references(sheet, sections, evidence):
    """Numbers written as [[evidence:N]] in the sections that the sheet has no evidence for."""
    from reports.sheet_html import REFERENCE

    known = {item.number for item in evidence}
    return sorted({int(n) for section in sections for n in REFERENCE.findall(section.body)} - known)


def participant_counts(study):
    """{kind: participants interviewed} for the study (one query): the methodology's figures."""
    rows = (
        InterviewParticipant.objects.filter(interview__study=study)
        .values("participant__kind")
        .annotate(n=Count("participant_id", distinct=True))
    )
    return {row["participant__kind"]: row["n"] for row in rows}
