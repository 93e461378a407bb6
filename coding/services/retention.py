"""The end of a study's retention period: its research data is erased, a record without content stays."""

from django.db import transaction

from coding.models import ErasureRecord, Excerpt, Memo
from interviews.models import Interview
from sites.models import ParticipantIdentity, Study


def expired_studies(today):
    """Studies whose retention date has passed (the day itself is still kept)."""
    return Study.objects.filter(retention_until__lt=today).order_by("slug")


def purge_preview(study):
    return {
        "interviews": Interview.objects.filter(study=study).count(),
        "excerpts": Excerpt.objects.filter(interview__study=study).count(),
        "memos": Memo.objects.filter(study=study).count(),
        "identities": ParticipantIdentity.objects.filter(participant__study=study).count(),
    }


@transaction.atomic
def purge_study(study, *, by=None):
    """Erase the study's interviews (texts of every version, turns, originals, excerpts and codings), memos and
    participants' identities. Kept: the study, its sites, codebook, pseudonymised participants and their consents,
    and the ErasureRecord this returns. Original files leave storage once the transaction commits."""
    from interviews import services as interview_services

    record = ErasureRecord(study=study, reason=ErasureRecord.Reason.RETENTION, erased_by=by)
    for interview in Interview.objects.select_for_update().filter(study=study).order_by("pk"):
        _spans, turns, files = interview_services.erase_text(interview)
        record.interviews += 1
        record.turns += turns
        record.files += files
    ids = sorted(Excerpt.objects.filter(interview__study=study).values_list("pk", flat=True))
    record.excerpts, record.excerpt_ids = len(ids), ids
    record.memos = Memo.objects.filter(study=study).count()
    Memo.objects.filter(study=study).delete()
    Excerpt.objects.filter(pk__in=ids).delete()
    Interview.objects.filter(study=study).delete()
    ParticipantIdentity.objects.filter(participant__study=study).delete()
    record.save()
    return record
