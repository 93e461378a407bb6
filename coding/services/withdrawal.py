"""Withdrawal of a participant's consent: their words leave the study, a record without content stays.

What goes: in an individual interview of theirs, or any interview where they are the only participant (whose
unassigned words the speaker rule gives them), the whole transcript (every version); elsewhere (a group
interview, observation notes of a meeting), their speaker turns in every version (masked in place, so other
speakers' excerpts stay where they are); the originals of those interviews; every excerpt touching erased text
(with its codings); the quotes of those excerpts copied into memos. Memos written on an erased excerpt stay,
moved onto its interview.
What stays: an ErasureRecord (who, when, whose pseudonym, how many of each) and the erased excerpts' ids, which
synthesis sheets use to flag quotes they had copied (`ErasureRecord.objects.withdrawn_excerpt_ids(study)`).
"""

import re

from django.db import transaction
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from coding.models import ErasureRecord, Excerpt, Memo
from interviews import services as interview_services
from interviews.models import Interview
from sites.models import Consent

ERASED_QUOTE = "[…]"
MIN_QUOTE_CHARS = 12  # shorter quotes ("oui", "le comité") would erase ordinary words from memos


def _erased_whole(interviews):
    """Those of `interviews` whose whole text goes: individual interviews, and those with one participant only."""
    return interviews.annotate(people=Count("interview_participants")).filter(
        Q(kind=Interview.Kind.INDIVIDUAL) | Q(people=1)
    )


def erasure_preview(participant):
    """How much a withdrawal would erase: {"interviews": n, "whole": n, "excerpts": n} (three queries)."""
    interviews = Interview.objects.filter(interview_participants__participant=participant)
    whole = _erased_whole(Interview.objects.filter(pk__in=interviews))
    excerpts = Excerpt.objects.filter(
        Q(interview__in=whole) | Q(interview__in=interviews, **_touching("version__turns", participant))
    ).distinct()
    return {"interviews": interviews.count(), "whole": whole.count(), "excerpts": excerpts.count()}


def _touching(turns, participant):
    return {
        f"{turns}__speaker": participant,
        f"{turns}__start__lt": F("end"),
        f"{turns}__end__gt": F("start"),
    }


@transaction.atomic
def withdraw_participant(participant, *, by, on=None):
    """Erase the participant's words from the study (see the module's docstring); returns the ErasureRecord."""
    on = on or timezone.localdate()
    study = participant.study
    record = ErasureRecord(
        study=study, reason=ErasureRecord.Reason.WITHDRAWAL, participant=participant,
        participant_code=participant.code, erased_by=by,
    )  # fmt: skip
    erased_excerpts = []
    theirs = Interview.objects.filter(pk__in=Interview.objects.filter(interview_participants__participant=participant))
    whole_ids = set(_erased_whole(theirs).values_list("pk", flat=True))
    for interview in theirs.select_for_update().order_by("pk"):
        whole = interview.pk in whole_ids
        spans, turns, files = interview_services.erase_text(interview, participant=None if whole else participant)
        record.interviews += 1
        record.turns += turns
        record.files += files
        excerpts = Excerpt.objects.filter(interview=interview)
        if not whole:
            overlapping = Q(pk__in=[])
            for version_id, version_spans in spans.items():
                for start, end in version_spans:
                    overlapping |= Q(version_id=version_id, start__lt=end, end__gt=start)
            excerpts = excerpts.filter(overlapping)
        erased_excerpts += list(excerpts.values_list("pk", "interview_id", "quote", "original_quote"))
    record.memos = _erase_from_memos(study, erased_excerpts)
    ids = sorted(pk for pk, *_rest in erased_excerpts)
    Excerpt.objects.filter(pk__in=ids).delete()
    record.excerpts, record.excerpt_ids = len(ids), ids
    record.save()
    # Never before the consent was given (the database refuses that): a withdrawal dated earlier is its given date.
    withdrawn_on = Greatest(Value(on), F("given_on"))
    Consent.objects.filter(participant=participant).update(withdrawn_on=withdrawn_on, may_be_quoted=False)
    return record


def _erase_from_memos(study, erased_excerpts):
    """Move memos off the erased excerpts onto their interviews, and cut the excerpts' quotes out of every memo of
    the study; returns how many memos changed."""
    changed = set()
    for pk, interview_id, _quote, _original in erased_excerpts:
        moved = Memo.objects.filter(excerpt_id=pk)
        changed |= set(moved.values_list("pk", flat=True))
        moved.update(excerpt=None, interview_id=interview_id, version=F("version") + 1)
    quotes = {q.strip() for _pk, _i, quote, original in erased_excerpts for q in (quote, original) if q}
    quotes = sorted((q for q in quotes if len(q) >= MIN_QUOTE_CHARS), key=len, reverse=True)
    if quotes:
        pattern = re.compile("|".join(_loose(q) for q in quotes), flags=re.IGNORECASE)
        memos = list(Memo.objects.filter(study=study).only("pk", "body", "version"))
        for memo in memos:
            body, count = pattern.subn(ERASED_QUOTE, memo.body)
            if count:
                Memo.objects.filter(pk=memo.pk).update(body=body, version=F("version") + 1, updated_at=timezone.now())
                changed.add(memo.pk)
    return len(changed)


def _loose(quote):
    """A pattern for a quote as someone may have pasted it: any run of whitespace for each run of whitespace."""
    return r"\s+".join(re.escape(part) for part in quote.split())
