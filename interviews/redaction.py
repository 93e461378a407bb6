"""Masking the spans of a transcript marked as identifying, and finding the names worth marking.

`masked`, `masked_words` and `find_names` are pure; `spans_by_version` reads the redactions of some versions
(one query) and `known_names` / `suggestions` the study's names (three queries).

A masked span keeps its length: each character becomes MASK (line ends stay), so every offset into the text,
an excerpt's, a REFI-QDA selection's, a CSV's start and end columns, stays true in the masked text.
"""

import re
from dataclasses import dataclass, replace

MASK = "█"
MIN_NAME_CHARS = 3  # shorter names ("R", "OF") match too many ordinary words
MAX_SUGGESTIONS = 200
CONTEXT = 30  # characters shown either side of a suggested name
_NOT_LINE_END = re.compile(r"[^\n]")


def masked(text, spans, *, offset=0):
    """`text` with every (start, end) span masked; spans are offsets into the text `text` starts at `offset` of,
    may overlap, and may reach outside it (only the part inside is masked). Slices, not a loop over characters:
    a whole transcript costs about as much as copying it."""
    if not spans or not text:
        return text
    length, pieces, at = len(text), [], 0
    inside = [(s - offset, e - offset) for s, e in spans if s < offset + length and e > offset]
    if not inside:
        return text
    for start, end in sorted((max(s, 0), min(e, length)) for s, e in inside):
        start = max(start, at)
        if start >= end:
            continue
        pieces += [text[at:start], _NOT_LINE_END.sub(MASK, text[start:end])]
        at = end
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def masked_words(text, words):
    """`text` with every whole-word, case-insensitive occurrence of each of `words` masked: for redactions left to
    review, whose offsets are lost (see spans_by_version)."""
    if not words or not text:
        return text
    return masked(text, [(found.start, found.end) for found in find_names(text, [(w, "") for w in words], limit=None)])


@dataclass(frozen=True)
class Suggestion:
    name: str
    source: str  # "participant", "identity" or "organization": where the name is known from
    start: int
    end: int
    matched: str = ""  # the words as the text writes them, and a few words of context either side
    before: str = ""
    after: str = ""


def find_names(text, names, *, limit=MAX_SUGGESTIONS):
    """Every whole-word, case-insensitive occurrence in `text` of the (name, source) pairs, in text order.

    A name must start and end at a word edge ("Lise" does not match in "Lisette"); names shorter than
    MIN_NAME_CHARS are skipped.
    """
    found = []
    for name, source in names:
        name = " ".join(name.split())
        if len(name) < MIN_NAME_CHARS:
            continue
        # Whitespace inside a name matches any run of whitespace ("Marie  Tremblay" across a line end too).
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split(" ")) + r"(?!\w)"
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            found.append(Suggestion(name=name, source=source, start=match.start(), end=match.end()))
    found.sort(key=lambda s: (s.start, -s.end))
    return found if limit is None else found[:limit]


def known_names(study, *, with_identities):
    """(name, source) pairs of the study: participants' pseudonym codes, organisation names and acronyms, and,
    when `with_identities` (study admins only), participants' real names from the identity table."""
    from sites.models import Organization, Participant, ParticipantIdentity

    names = [(code, "participant") for code in Participant.objects.filter(study=study).values_list("code", flat=True)]
    for name, acronym in Organization.objects.filter(study=study).values_list("name", "acronym"):
        names.append((name, "organization"))
        if acronym:
            names.append((acronym, "organization"))
    if with_identities:
        full_names = ParticipantIdentity.objects.filter(participant__study=study).values_list("full_name", flat=True)
        for full_name in full_names:
            names.append((full_name, "identity"))
            # A first or last name alone is as telling in a transcript ("Marie m'a dit…").
            names += [(part, "identity") for part in full_name.split() if len(part) >= MIN_NAME_CHARS]
    return names


def spans_by_version(version_ids):
    """{version id: [(start, end), ...]} of the placed redactions of those versions, and {version id: [word, ...]}
    of the words of their interviews' redactions left to review (masked wherever they appear). One query; a second one
    only when some redaction waits for review."""
    from django.db.models import Q

    from interviews.models import Redaction, TranscriptVersion

    spans, loose = {}, {}
    ids = sorted(set(version_ids))
    if not ids:
        return spans, loose
    interviews = TranscriptVersion.objects.filter(pk__in=ids).values("interview_id")
    rows = Redaction.objects.filter(
        Q(version_id__in=ids, needs_review=False) | Q(interview_id__in=interviews, needs_review=True)
    ).values_list("version_id", "interview_id", "start", "end", "text", "needs_review")
    by_interview = {}
    for version_id, interview_id, start, end, text, needs_review in rows:
        if needs_review:
            # Each word of it, wherever it appears: "Marie Tremblay" respelled "Marie Tremblay-Roy" stays masked.
            by_interview.setdefault(interview_id, []).extend(text.split())
        else:
            spans.setdefault(version_id, []).append((start, end))
    if by_interview:
        for version_id, interview_id in TranscriptVersion.objects.filter(pk__in=ids).values_list("pk", "interview_id"):
            if interview_id in by_interview:
                loose[version_id] = by_interview[interview_id]
    return spans, loose


def suggestions(version, *, with_identities, already=()):
    """Names of the study found in the version's text that no redaction in `already` ((start, end) pairs) covers."""
    study, text = version.interview.study, version.text
    covered = list(already)
    return [
        replace(
            found,
            matched=text[found.start : found.end],
            before=text[max(0, found.start - CONTEXT) : found.start],
            after=text[found.end : found.end + CONTEXT],
        )
        for found in find_names(text, known_names(study, with_identities=with_identities))
        if not any(start <= found.start and found.end <= end for start, end in covered)
    ]
