"""Excerpts as the report pages show them: with the speaker turns around them, and the strongest ones per theme.

The context of an excerpt is the speaker turn containing it with one turn before and one after, cut at
CONTEXT_CHARS on each side; text without speaker turns gets CONTEXT_CHARS // 4 characters on each side. The
quote is marked by cutting the text into plain and quoted segments here, each escaped by the template.

Every quote and context leaving this module is masked where a span was marked as identifying
(interviews/redaction.py): `quote_text(excerpt)` and `with_display_quotes(excerpts)` are what report, sheet,
export and PDF code shows of an excerpt, never `excerpt.quote` itself.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, Greatest, Least, Length, RowNumber, Substr
from django.utils.translation import gettext as _

from coding.models import Coding, Excerpt
from interviews.models import InterviewParticipant, SpeakerTurn
from interviews.redaction import masked, masked_words, spans_by_version
from reports.retrieval import speaker_expression
from sites.models import Participant

CONTEXT_CHARS = 1500
PLAIN_TEXT_CHARS = CONTEXT_CHARS // 4
# "Strongest" quotes: coded by the most coders, then the longest, among quotes of 40 to 400 characters.
STRONG_MIN_CHARS, STRONG_MAX_CHARS = 40, 400
KIND_LABELS = dict(Participant.KIND_CHOICES)


@dataclass
class Segment:
    text: str
    is_quote: bool


@dataclass
class ContextBlock:
    speaker: str  # pseudonym code, "Interviewer", the label when unmapped, "" for text outside turns
    is_interviewer: bool
    holds_quote: bool
    segments: list = field(default_factory=list)


@dataclass
class ExcerptView:
    excerpt: Excerpt
    speaker: str
    speaker_kind: str
    kind_label: str
    is_interviewer: bool
    anchor: int | None  # the start of the reading view's block (#t-<start>) where the excerpt begins
    blocks: list = field(default_factory=list)


def with_display_quotes(excerpts):
    """The excerpts (a queryset or a list) as a list, each with `display_quote`: its quote with the identifying
    spans masked. One query whatever the number of excerpts (none for an empty list; two when a redaction waits
    for review)."""
    excerpts = list(excerpts)
    spans, loose = spans_by_version(excerpt.version_id for excerpt in excerpts)
    for excerpt in excerpts:
        excerpt.display_quote = _mask(excerpt.quote, excerpt.version_id, excerpt.start, spans, loose)
    return excerpts


def quote_text(excerpt):
    """The quote of one excerpt as it may be shown or exported: masked where marked identifying."""
    if not hasattr(excerpt, "display_quote"):
        with_display_quotes([excerpt])
    return excerpt.display_quote


def masked_quotes(rows):
    """Masked quotes for (excerpt id, version id, start, quote) rows, as {excerpt id: quote}: for exports that read
    value tuples rather than model instances. One query (see with_display_quotes)."""
    rows = list(rows)
    spans, loose = spans_by_version(version_id for _pk, version_id, _start, _quote in rows)
    return {pk: _mask(quote, version_id, start, spans, loose) for pk, version_id, start, quote in rows}


def _mask(text, version_id, start, spans, loose):
    text = masked(text, spans.get(version_id, ()), offset=start)
    return masked_words(text, loose.get(version_id, ()))


def _turns(*, before=None, after=None):
    turns = SpeakerTurn.objects.filter(version_id=OuterRef("version_id"))
    if before is not None:
        return turns.filter(start__lte=OuterRef(before)).order_by("-start")
    return turns.filter(start__gte=OuterRef(after)).order_by("start")


def excerpt_views(excerpts):
    """ExcerptViews of a page of excerpts, in their order: three queries (windows with their text, the turns in
    them, the participants of interviews that have only one); the speaker rule is reports/retrieval.py's."""
    ids = [excerpt.pk for excerpt in excerpts]
    if not ids:
        return []
    integer = IntegerField()
    own_start = Subquery(_turns(before="start").values("start")[:1], output_field=integer)
    previous_start = Subquery(_turns(before="start").values("start")[1:2], output_field=integer)
    next_end = Subquery(_turns(after="end").values("end")[:1], output_field=integer)
    last_end = Subquery(_turns(before="end").filter(start__lt=OuterRef("end")).values("end")[:1], output_field=integer)
    window_start = Greatest(
        Coalesce(previous_start, own_start, F("start") - PLAIN_TEXT_CHARS, output_field=integer),
        F("start") - CONTEXT_CHARS,
        Value(0),
        output_field=integer,
    )
    window_end = Least(
        Greatest(Coalesce(next_end, last_end, F("end") + PLAIN_TEXT_CHARS, output_field=integer), F("end")),
        F("end") + CONTEXT_CHARS,
        Length("version__text"),
        output_field=integer,
    )
    rows = (
        Excerpt.objects.filter(pk__in=ids)
        .annotate(window_start=window_start, window_end=window_end)
        .annotate(window=Substr("version__text", F("window_start") + 1, F("window_end") - F("window_start")))
        .values("pk", "window_start", "window_end", "window")
    )
    windows = {row["pk"]: row for row in rows}
    masks, loose = spans_by_version(excerpt.version_id for excerpt in excerpts)
    for excerpt in excerpts:
        row = windows[excerpt.pk]
        row["window"] = _mask(row["window"], excerpt.version_id, row["window_start"], masks, loose)
        excerpt.display_quote = _mask(excerpt.quote, excerpt.version_id, excerpt.start, masks, loose)
    # One clause per version (a page's excerpts share a few), spanning its windows; _view keeps each one's turns.
    spans = {}
    for excerpt in excerpts:
        row = windows[excerpt.pk]
        low, high = spans.get(excerpt.version_id, (row["window_start"], row["window_end"]))
        spans[excerpt.version_id] = (min(low, row["window_start"]), max(high, row["window_end"]))
    reach = Q(pk__in=[])
    for version_id, (low, high) in spans.items():
        reach |= Q(version_id=version_id, start__lt=high, end__gt=low)
    turns = {}
    for turn in SpeakerTurn.objects.filter(reach).select_related("speaker").order_by("version_id", "start"):
        turns.setdefault(turn.version_id, []).append(turn)
    sole = _sole_participants({excerpt.interview_id for excerpt in excerpts})
    return [
        _view(excerpt, windows[excerpt.pk], turns.get(excerpt.version_id, []), sole.get(excerpt.interview_id))
        for excerpt in excerpts
    ]


def _sole_participants(interview_ids):
    """{interview id: its participant} for the interviews that have exactly one (one query)."""
    found = {}
    lines = InterviewParticipant.objects.filter(interview_id__in=interview_ids).select_related("participant")
    for line in lines:
        found[line.interview_id] = None if line.interview_id in found else line.participant
    return {interview_id: participant for interview_id, participant in found.items() if participant is not None}


def _view(excerpt, row, version_turns, sole_participant):
    start, end, text = row["window_start"], row["window_end"], row["window"]
    shown = [turn for turn in version_turns if turn.start < end and turn.end > start]
    blocks, position = [], start
    for turn in shown:
        if turn.start > position:
            blocks.append(_block(text, start, position, turn.start, excerpt, speaker=""))
        speaker = _("Interviewer") if turn.is_interviewer else (turn.speaker.code if turn.speaker_id else turn.label)
        body_start = max(turn.body_start, start)
        blocks.append(
            _block(
                text, start, body_start, min(turn.end, end), excerpt, speaker=speaker, turn=turn, cut=turn.start < start
            )
        )
        position = turn.end
    if position < end:
        blocks.append(_block(text, start, position, end, excerpt, speaker=""))
    containing = next((turn for turn in shown if turn.start <= excerpt.start < turn.end), None)
    is_interviewer = bool(containing and containing.is_interviewer)
    speaker = containing.speaker if containing and containing.speaker_id else None
    if speaker is None and not is_interviewer:
        speaker = sole_participant
    return ExcerptView(
        excerpt=excerpt,
        speaker=speaker.code if speaker else (_("Interviewer") if is_interviewer else ""),
        speaker_kind=speaker.kind if speaker else "",
        kind_label=str(KIND_LABELS.get(speaker.kind, "")) if speaker else "",
        is_interviewer=is_interviewer,
        anchor=containing.start if containing else _line_start(text, start, excerpt.start),
        blocks=[block for block in blocks if block.segments],
    )


def _block(text, offset, block_start, block_end, excerpt, *, speaker, turn=None, cut=False):
    """A block of the window [block_start, block_end) cut into plain and quoted segments (absolute offsets)."""
    pieces = [
        (block_start, min(block_end, excerpt.start), False),
        (max(block_start, excerpt.start), min(block_end, excerpt.end), True),
        (max(block_start, excerpt.end), block_end, False),
    ]
    segments = [Segment(text[a - offset : b - offset], quoted) for a, b, quoted in pieces if a < b]
    if segments and not any(segment.text.strip() for segment in segments):
        segments = []
    if segments and cut:
        segments.insert(0, Segment("…", False))
    if segments and turn is not None and turn.end > offset + len(text):
        segments.append(Segment("…", False))
    return ContextBlock(
        speaker=speaker,
        is_interviewer=bool(turn and turn.is_interviewer),
        holds_quote=any(segment.is_quote for segment in segments),
        segments=segments,
    )


def _line_start(text, offset, position):
    """The reading view's block for text outside turns is its line, from its first non-blank character."""
    newline = text.rfind("\n", 0, position - offset)
    if newline == -1 and offset > 0:
        return None
    first = newline + 1
    while first < len(text) and text[first] in " \t":
        first += 1
    return offset + first


def strongest_excerpts(codings, code_ids, *, user, limit, per_site=False, display=True):
    """The strongest quotable excerpts among `codings` of `code_ids`: one query.

    Strongest: coded (with those codes) by the most coders, then the longest, among quotes of 40 to 400
    characters; only words of participants whose consent allows quoting. With `per_site`, `limit` per site.
    Each comes with `display_quote` (one more query); with `display=False` the caller masks them itself, e.g. in one
    with_display_quotes call for several themes.
    """
    ids = sorted(code_ids)
    coders = (
        Coding.objects.blind_for(user)
        .filter(excerpt_id=OuterRef("pk"), code_id__in=ids)
        .values("excerpt_id")
        .annotate(n=Count("coder_id", distinct=True))
        .values("n")
    )
    quotable = Participant.objects.filter(consent__may_be_quoted=True, consent__withdrawn_on__isnull=True)
    excerpts = (
        Excerpt.objects.filter(pk__in=codings.filter(code_id__in=ids).values("excerpt_id"))
        .annotate(length=Length("quote"))
        .filter(length__gte=STRONG_MIN_CHARS, length__lte=STRONG_MAX_CHARS)
        .annotate(
            coders=Subquery(coders, output_field=IntegerField()),
            speaker_code=speaker_expression("code"),
            anchor=Subquery(
                SpeakerTurn.objects.filter(
                    version_id=OuterRef("version_id"), start__lte=OuterRef("start"), end__gt=OuterRef("start")
                ).values("start")[:1]
            ),
        )
        .alias(speaker_id=speaker_expression("id"))
        .filter(speaker_id__in=quotable.values("pk"))
        .select_related("interview__site")
    )
    order = [F("coders").desc(), F("length").desc(), F("pk").asc()]
    if per_site:
        ranked = Window(RowNumber(), partition_by=[F("interview__site_id")], order_by=order)
        found = excerpts.annotate(rank=ranked).filter(rank__lte=limit).order_by("interview__site__code", "rank")
    else:
        found = excerpts.order_by(*order)[:limit]
    return with_display_quotes(found) if display else list(found)
