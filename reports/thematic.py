"""What a thematic report holds: its codes in codebook order with their counts, quotes and memos, and its sources.

Built on the retrieval rules (reports/retrieval.py): `ReportFilters` is the retrieval form with several sites and
the consensus filter, so `code_matrix(form=filters)` counts what the transversal page counts under the same filters.
- A code's counts are the analysis views' (distinct excerpts of the code and its sub-codes, per site).
- A code's quotes are the excerpts coded with that code itself (a sub-code has its own section), each once, in text
  order: site, interview date, interview, position. A passage that several coders each marked as an excerpt of the
  same extent with the code (double coding) is one quote: it is printed once.
- Quotable: the words of a participant whose consent allows quoting and is not withdrawn, and the interviewer's.
  The words of a participant who may not be quoted, or of a speaker the transcript does not name, are left out
  and counted.
- "Consensus only" keeps the consensus coder's adjudicated codings, as the analysis views do.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from coding.models import Code, Memo
from interviews.models import Interview, SpeakerTurn
from reports.matrices import code_matrix
from reports.quotes import KIND_LABELS, quote_text, strongest_excerpts, with_display_quotes
from reports.retrieval import RetrievalForm, with_speaker
from sites.models import Participant, Site

FILTER_FIELDS = ("participant_kind", "interview_kind", "speaker", "date_from", "date_to")


class ReportFilters(RetrievalForm):
    """The retrieval filters (consensus codings only included) over several sites."""

    def __init__(self, data, *, study, user, site_ids):
        super().__init__(data, study=study, user=user)
        self.site_ids = sorted(site_ids)

    def interview_q(self, prefix=""):
        return super().interview_q(prefix) & Q(**{f"{prefix}site_id__in": self.site_ids})


@dataclass
class Quote:
    text: str
    speaker: str  # a pseudonym, or "Interviewer": never a name
    kind_label: str
    site_code: str
    interview_id: int
    interview_title: str
    interview_date: object
    position: int  # the start of the reading view's block holding the quote
    url: str  # the reading view at that block
    interview_url: str


@dataclass
class CodeSection:
    code: object  # reports.codetree.CodeRow
    detail: dict  # definition, inclusion, exclusion, example
    counts: list  # (site code, excerpts with sub-codes) per site of the scope, in the scope's order
    total: int
    quotes: list = field(default_factory=list)
    left_out: int = 0  # excerpts of this code whose speaker may not be quoted or is unknown
    memos: list = field(default_factory=list)

    @property
    def heading_level(self):
        """h2 for a top-level code, h3 for its sub-codes, and so on (h5 at most)."""
        return min(self.code.depth + 2, 5)

    @property
    def indent(self):
        return min(self.code.depth, 2)


@dataclass
class Selection:
    study: object
    sites: list
    filters: object
    sections: list
    sources: list
    errors: dict
    site_totals: dict = field(default_factory=dict)  # {site code: distinct excerpts of every code selected}

    @property
    def quote_count(self):
        return sum(len(section.quotes) for section in self.sections)

    @property
    def left_out(self):
        return sum(section.left_out for section in self.sections)


def report_filters(definition, *, user):
    """The definition's filters for `user`: its sites among those the user may see (one query for the sites)."""
    sites = Site.objects.visible_to(user).filter(study=definition.study)
    if not definition.is_all_sites:
        sites = sites.filter(pk__in=definition.sites.values("pk"))
    sites = list(sites.order_by("code"))
    data = {name: getattr(definition, name) or "" for name in FILTER_FIELDS}
    data.update(
        include_subcodes="on", coder=definition.coder_id or "", consensus="on" if definition.is_consensus_only else ""
    )
    filters = ReportFilters(
        data,
        study=definition.study,
        user=user,
        site_ids=[site.pk for site in sites],
    )
    return filters, sites


def select(definition, *, user, progress=None):
    """The Selection of `definition` as `user` may see it; about a dozen queries, plus one per code for the
    strongest quotes."""
    filters, sites = report_filters(definition, user=user)
    if not filters.is_valid():
        return Selection(definition.study, sites, filters, [], [], dict(filters.errors))
    tree = filters.tree
    rows = [row for row in tree.rows if definition.code_id is None or row.pk in _branch(tree, definition.code_id)]
    matrix = code_matrix(definition.study, user=user, axis="site", measure="excerpts", form=filters)
    codings = filters.context_codings().filter(code_id__in=[row.pk for row in rows])
    details = {
        code["pk"]: code
        for code in Code.objects.filter(pk__in=[row.pk for row in rows]).values(
            "pk", "definition", "inclusion", "exclusion", "example"
        )
    }
    sections = {}
    for row in rows:
        counts = [(site.code, int(matrix.at[row.pk, site.code])) for site in sites]
        sections[row.pk] = CodeSection(row, details[row.pk], counts, sum(n for _code, n in counts))
    if progress:
        progress(15, _("Selecting the quotes…"))
    _place_quotes(definition, codings, sections, user=user)
    if definition.has_memos:
        memos = Memo.objects.visible_to(user).filter(code_id__in=list(sections)).select_related("author")
        for memo in memos.order_by("created_at", "pk"):
            sections[memo.code_id].memos.append(memo)
    sources = _sources(codings, sections.values()) if definition.has_sources else []
    totals = codings.values_list("excerpt__interview__site__code").annotate(n=Count("excerpt_id", distinct=True))
    return Selection(definition.study, sites, filters, list(sections.values()), sources, {}, dict(totals.order_by()))


def _branch(tree, pk):
    return tree.by_pk[pk].subtree if pk in tree.by_pk else frozenset()


def _place_quotes(definition, codings, sections, *, user):
    """Fill each section's quotes and left-out count (three queries)."""
    anchor = SpeakerTurn.objects.filter(
        version_id=OuterRef("excerpt__version_id"),
        start__lte=OuterRef("excerpt__start"),
        end__gt=OuterRef("excerpt__start"),
    ).values("start")[:1]
    rows = (
        with_speaker(codings, "excerpt__")
        .annotate(anchor=Subquery(anchor))
        .select_related("excerpt__interview__site")
        .order_by(
            "excerpt__interview__site__code",
            "excerpt__interview__date",
            "excerpt__interview_id",
            "excerpt__start",
            "excerpt_id",
            "pk",
        )
    )
    quotable = set(
        Participant.objects.filter(
            study=definition.study, consent__may_be_quoted=True, consent__withdrawn_on__isnull=True
        ).values_list("pk", flat=True)
    )
    seen, kinds, placed, slug = set(), {}, [], definition.study.slug
    for coding in rows:
        # The same passage under the same code once, however many coders marked it (each has their own excerpt).
        passage = (coding.code_id, coding.excerpt.version_id, coding.excerpt.start, coding.excerpt.end)
        if passage in seen:
            continue
        seen.add(passage)
        if not coding.is_interviewer_speech and coding.speaker_id not in quotable:
            sections[coding.code_id].left_out += 1
            continue
        kinds[coding.speaker_code] = coding.speaker_kind
        placed.append(coding)
    paths = _InterviewPaths(slug)
    if definition.quotes == definition.Quotes.ALL:
        with_display_quotes(coding.excerpt for coding in placed)  # masks every quote at once
        for coding in placed:
            quote = _quote(coding.excerpt, coding.speaker_code, coding.speaker_kind, coding.anchor, paths)
            sections[coding.code_id].quotes.append(quote)
    elif definition.quotes == definition.Quotes.STRONGEST:
        for section in sections.values():
            strongest = strongest_excerpts(
                codings, {section.code.pk}, user=user, limit=definition.strongest_per_code, display=False
            )
            passages = {}  # the strongest of the excerpts that mark the same passage
            for excerpt in strongest:
                passages.setdefault((excerpt.version_id, excerpt.start, excerpt.end), excerpt)
            section.quotes = [
                _quote(excerpt, excerpt.speaker_code, kinds.get(excerpt.speaker_code), excerpt.anchor, paths)
                for excerpt in with_display_quotes(list(passages.values()))
            ]


class _InterviewPaths(dict):
    """{interview pk: its reading page's path}, reversed once per interview rather than once per quote."""

    def __init__(self, slug):
        super().__init__()
        self.slug = slug

    def __missing__(self, pk):
        self[pk] = path = reverse("interviews:interview_detail", args=[self.slug, pk])
        return path


def _quote(excerpt, speaker_code, speaker_kind, anchor, paths):
    interview = excerpt.interview
    position = anchor if anchor is not None else excerpt.start
    path = paths[interview.pk]
    return Quote(
        text=quote_text(excerpt),
        speaker=speaker_code or _("Interviewer"),
        kind_label=str(KIND_LABELS.get(speaker_kind, "")) if speaker_code else "",
        site_code=interview.site.code,
        interview_id=interview.pk,
        interview_title=interview.title,
        interview_date=interview.date,
        position=position,
        url=f"{settings.SITE_URL}{path}#t-{position}",
        interview_url=f"{settings.SITE_URL}{path}",
    )


def _sources(codings, sections):
    """The interviews the selection counts, by site then date, with their participants' pseudonyms and the number
    of quotes the report prints from each (two queries)."""
    quoted = {}
    for section in sections:
        for quote in section.quotes:
            quoted[quote.interview_id] = quoted.get(quote.interview_id, 0) + 1
    interviews = (
        Interview.objects.filter(pk__in=codings.values("excerpt__interview_id"))
        .select_related("site")
        .prefetch_related("participants")
        .order_by("site__code", "date", "pk")
    )
    return [
        {
            "interview": interview,
            "participants": sorted(participant.code for participant in interview.participants.all()),
            "quotes": quoted.get(interview.pk, 0),
        }
        for interview in interviews
    ]
