"""New transcript versions and the excerpts carried onto them (coding/anchoring.py does the mapping)."""

from django.db import transaction
from django.utils import timezone

from coding import anchoring
from coding.models import Excerpt
from interviews import services as interview_services
from interviews.models import Interview, Redaction, TranscriptVersion


@transaction.atomic
def edit_transcript(interview, *, text, author, note=""):
    """Save edited text as a new version and carry the interview's excerpts onto it; returns the current version."""
    previous = interview.current_version_id
    version = interview_services.save_transcript_edit(interview, text=text, author=author, note=note)
    if previous is not None and version.pk != previous:
        carry_to_current(interview)
    return version


def upload_transcript_version(interview, *, name, data, author, note=""):
    """Store an uploaded file as the interview's new version and carry its excerpts onto it; returns the version.

    Not atomic itself: interviews.services.import_transcript runs one durable transaction (and removes the written
    original if it fails), and the carry runs inside it, so a refused file or any failure stores nothing at all.
    Raises ImportRefused before any write.
    """
    return interview_services.import_transcript(
        interview, name=name, data=data, author=author, note=note, on_saved=lambda _version: carry_to_current(interview)
    )


@transaction.atomic
def carry_to_current(interview):
    """Carry every placed excerpt still anchored on an older version onto the current one; returns (kept, to review).

    Uploads and edits carry in their own transaction; this stays a safety net (a no-op costing one query when
    nothing is behind) that any page may call.
    """
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    behind = (
        Excerpt.objects.placed()
        .filter(interview=interview)
        .exclude(version_id=interview.current_version_id)
        .values_list("version_id", flat=True)
        .distinct()
    )
    kept = review = 0
    new_version = interview.current_version
    for old_version in TranscriptVersion.objects.filter(pk__in=list(behind)).order_by("number"):
        counts = carry_excerpts(interview, old_version=old_version, new_version=new_version)
        kept, review = kept + counts[0], review + counts[1]
    carry_redactions(interview)
    return kept, review


def carry_redactions(interview):
    """Carry the placed redactions still on older versions onto the current one, by the excerpts' rule; one that
    cannot be placed with certainty stays behind with `needs_review` (its words stay masked meanwhile)."""
    current = interview.current_version
    behind = list(
        Redaction.objects.placed()
        .filter(interview=interview)
        .exclude(version_id=interview.current_version_id)
        .select_related("version")
        .order_by("version__number", "pk")
    )
    if current is None or not behind:
        return
    taken = set(Redaction.objects.filter(version=current).values_list("start", "end"))
    by_version = {}
    for redaction in behind:
        by_version.setdefault(redaction.version, []).append(redaction)
    for old_version, redactions in by_version.items():
        places = anchoring.carry(old_version.text, current.text, [(r.start, r.end, r.text) for r in redactions])
        for redaction, place in zip(redactions, places, strict=True):
            if place is None:
                redaction.needs_review = True
            elif place in taken:  # the same span was marked again on the new version: one redaction is enough
                redaction.delete()
                redaction.pk = None
                continue
            else:
                taken.add(place)
                redaction.version, (redaction.start, redaction.end) = current, place
        Redaction.objects.bulk_update(
            [r for r in redactions if r.pk is not None], ["version", "start", "end", "needs_review"]
        )


@transaction.atomic
def carry_excerpts(interview, *, old_version, new_version):
    """Carry the placed excerpts of `old_version` onto `new_version` (one diff, one bulk update); (kept, to review)."""
    excerpts = list(Excerpt.objects.placed().filter(interview=interview, version=old_version).order_by("pk"))
    places = anchoring.carry(old_version.text, new_version.text, [(e.start, e.end, e.quote) for e in excerpts])
    now, kept = timezone.now(), 0
    for excerpt, place in zip(excerpts, places, strict=True):
        excerpt.updated_at = now
        if place is None:
            # Offsets stay those of the old version, which the review page shows as the old context.
            excerpt.needs_review, excerpt.review_reason = True, Excerpt.ReviewReason.CHANGED
            excerpt.original_quote = excerpt.quote
            continue
        kept += 1
        selector = anchoring.text_quote(new_version.text, *place)
        excerpt.version, (excerpt.start, excerpt.end) = new_version, place
        excerpt.prefix, excerpt.suffix = selector.prefix, selector.suffix
    fields = ["version", "start", "end", "prefix", "suffix", "needs_review", "review_reason", "original_quote"]
    Excerpt.objects.bulk_update(excerpts, fields + ["updated_at"], batch_size=500)
    return kept, len(excerpts) - kept
