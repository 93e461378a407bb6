"""Writes that span several interview models: a version comes with its turns, passages and original, or not at all."""

import hashlib
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from interviews.blocks import split_blocks
from interviews.importing import canonical_text, read_transcript
from interviews.models import (
    Interview,
    InterviewParticipant,
    Passage,
    Redaction,
    SourceFile,
    SpeakerTurn,
    TranscriptVersion,
)
from interviews.redaction import masked
from interviews.speakers import detect_turns
from sites.models import Participant

CONTENT_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
}
INTERVIEWER = "interviewer"
PARTICIPANT_PREFIX = "participant:"


@transaction.atomic
def create_interview(
    *,
    study,
    site,
    kind,
    title,
    created_by,
    date=None,
    interviewer=None,
    interviewer_label="",
    meeting="",
    committee="",
    participants=(),
    import_job=None,
    import_key="",
):
    """Create an interview with its participants, given as (participant, speaker label) pairs."""
    interview = Interview.objects.create(
        study=study,
        site=site,
        kind=kind,
        title=title,
        date=date,
        interviewer=interviewer,
        interviewer_label=interviewer_label,
        meeting=meeting,
        committee=committee,
        created_by=created_by,
        import_job=import_job,
        import_key=import_key,
    )
    InterviewParticipant.objects.bulk_create(
        InterviewParticipant(interview=interview, participant=participant, speaker_label=label)
        for participant, label in participants
    )
    return interview


@transaction.atomic
def update_interview(interview, *, participants, **fields):
    """Change an interview's description and replace its participants; the current turns are re-mapped."""
    participants = list(participants)
    for name, value in fields.items():
        setattr(interview, name, value)
    interview.save()
    InterviewParticipant.objects.filter(interview=interview).delete()
    InterviewParticipant.objects.bulk_create(
        InterviewParticipant(interview=interview, participant=participant, speaker_label=label)
        for participant, label in participants
    )
    if interview.current_version_id:
        kept = {participant.pk for participant, _label in participants}
        speakers = {
            label: (None, False) if pid is not None and pid not in kept else (pid, is_interviewer)
            for label, (pid, is_interviewer) in _speaker_map(interview, interview.current_version_id).items()
        }
        _map_turns(interview, interview.current_version, speakers)
    return interview


def import_transcript(interview, *, name, data, author, note="", on_saved=None):
    """Read an uploaded file and store it as the interview's new version, with its turns and its original.

    Parses before any write (raises ImportRefused, nothing stored). Runs its own transaction, which must not
    be nested in another: the file is written last and removed again if the transaction fails. `on_saved(version)`
    runs inside that transaction (coding carries its excerpts there), so if it raises nothing is stored either.
    """
    imported = read_transcript(name, data)
    with _files_removed_on_failure() as written, transaction.atomic(durable=True):
        version = _add_version(interview, text=imported.text, turns=imported.turns, author=author, note=note)
        _store_original(interview, version, name=name, data=data, fmt=imported.format, by=author, written=written)
        if on_saved is not None:
            on_saved(version)
    return version


def import_new_interview(*, study, site, kind, name, data, author, title=None, import_job=None, import_key=""):
    """Create an interview from one file (title from the file name) in one transaction; ImportRefused stores nothing."""
    imported = read_transcript(name, data)
    with _files_removed_on_failure() as written, transaction.atomic(durable=True):
        interview = create_interview(
            study=study,
            site=site,
            kind=kind,
            title=title or title_from_name(name),
            created_by=author,
            import_job=import_job,
            import_key=import_key,
        )
        version = _add_version(interview, text=imported.text, turns=imported.turns, author=author, note="")
        _store_original(interview, version, name=name, data=data, fmt=imported.format, by=author, written=written)
    return interview


def title_from_name(name):
    """ "entretien_R-MTL1-07.docx" → "entretien R-MTL1-07": a batch-imported interview's first title."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "." in name else name
    return (stem.replace("_", " ").strip() or name)[:200]


@transaction.atomic
def save_transcript_edit(interview, *, text, author, note=""):
    """Store edited text as a new version with re-detected turns; returns the current version if nothing changed.

    Coded excerpts are not carried here: coding.services.edit_transcript calls this and then carries them.
    """
    text = canonical_text(text)
    if not text.strip():
        raise ValidationError(_("The transcript cannot be empty."))
    current = interview.current_version
    if current is not None and current.text == text:
        return current
    return _add_version(interview, text=text, turns=detect_turns(text), author=author, note=note)


@transaction.atomic
def apply_speaker_mapping(interview, mapping):
    """Map each label of the current version to "participant:<id>", "interviewer" or "" (nobody).

    The choice is remembered as the participants' speaker labels and the interviewer label, so the next
    version maps the same way. Raises ValidationError for a participant of another study.
    """
    version = interview.current_version
    targets = {label: _parse_target(interview, target) for label, target in mapping.items()}
    chosen = {t[0] for t in targets.values() if t[0] is not None}
    participants = {p.pk: p for p in Participant.objects.filter(study=interview.study_id, pk__in=chosen)}
    if set(participants) != chosen:
        raise ValidationError(_("Choose participants of this study."))
    labels = list(mapping)
    InterviewParticipant.objects.filter(interview=interview, speaker_label__in=labels).update(speaker_label="")
    for label, (participant_id, _is_interviewer) in targets.items():
        if participant_id is not None:
            InterviewParticipant.objects.update_or_create(
                interview=interview, participant=participants[participant_id], defaults={"speaker_label": label}
            )
    interviewer_labels = [label for label, target in targets.items() if target[1]]
    if interviewer_labels and interview.interviewer_label not in interviewer_labels:
        interview.interviewer_label = interviewer_labels[0][:100]
    elif not interviewer_labels and interview.interviewer_label in labels:
        interview.interviewer_label = ""
    interview.save(update_fields=["interviewer_label"])
    if version is not None:
        _map_turns(interview, version, targets)


def set_status(interview, *, status):
    """Move the interview along draft → ready for coding → coded → validated (any step, back or forth)."""
    if status not in Interview.Status.values:
        raise ValidationError(_("Unknown status."))
    if status != Interview.Status.DRAFT and interview.current_version_id is None:
        raise ValidationError(_("An interview needs a transcript before it is ready for coding."))
    interview.status = status
    interview.save(update_fields=["status"])
    return interview


def _add_version(interview, *, text, turns, author, note):
    """Version, turns (mapped to speakers), passages, current_version: a handful of queries, bulk inserts."""
    # Lock the interview row so two saves at once cannot take the same version number.
    locked = Interview.objects.select_for_update().get(pk=interview.pk)
    number = (TranscriptVersion.objects.filter(interview=interview).aggregate(n=Max("number"))["n"] or 0) + 1
    speakers = _speaker_map(locked, locked.current_version_id)
    version = TranscriptVersion.objects.create(interview=interview, number=number, text=text, author=author, note=note)
    rows = []
    for turn in turns:
        participant_id, is_interviewer = speakers.get(turn.label.casefold(), (None, False))
        rows.append(
            SpeakerTurn(
                version=version,
                start=turn.start,
                end=turn.end,
                body_start=turn.body_start,
                label=turn.label[:100],
                speaker_id=participant_id,
                is_interviewer=is_interviewer,
                started_at=turn.started_at,
                ended_at=turn.ended_at,
            )
        )
    SpeakerTurn.objects.bulk_create(rows, batch_size=1000)
    Interview.objects.filter(pk=interview.pk).update(current_version=version)
    interview.current_version = version
    _rebuild_passages(interview, version, rows)
    return version


def _speaker_map(interview, previous_version_id):
    """{casefolded label: (participant id, is interviewer)} from the last version's turns and the stored labels."""
    speakers = {}
    if previous_version_id:
        mapped = SpeakerTurn.objects.filter(version_id=previous_version_id).exclude(speaker=None, is_interviewer=False)
        for label, participant_id, is_interviewer in mapped.values_list("label", "speaker_id", "is_interviewer"):
            speakers[label.casefold()] = (participant_id, is_interviewer)
    labelled = InterviewParticipant.objects.filter(interview=interview).exclude(speaker_label="")
    for label, participant_id in labelled.values_list("speaker_label", "participant_id"):
        speakers[label.casefold()] = (participant_id, False)
    if interview.interviewer_label:
        speakers[interview.interviewer_label.casefold()] = (None, True)
    return speakers


def _parse_target(interview, target):
    """(participant id or None, is interviewer) from a form value."""
    if target == INTERVIEWER:
        return (None, True)
    if target and target.startswith(PARTICIPANT_PREFIX) and target[len(PARTICIPANT_PREFIX) :].isdigit():
        return (int(target[len(PARTICIPANT_PREFIX) :]), False)
    if target:
        raise ValidationError(_("Unknown speaker."))
    return (None, False)


def _map_turns(interview, version, targets):
    """Point the version's turns (and their passages) at the speakers `targets` gives each label."""
    by_label = {label.casefold(): target for label, target in targets.items()}
    turns = list(SpeakerTurn.objects.filter(version=version))
    for turn in turns:
        turn.speaker_id, turn.is_interviewer = by_label.get(turn.label.casefold(), (None, False))
    SpeakerTurn.objects.bulk_update(turns, ["speaker", "is_interviewer"], batch_size=1000)
    _rebuild_passages(interview, version, turns)


def _rebuild_passages(interview, version, turns):
    """Replace the interview's search passages with those of `version`: one per block with speech in it."""
    Passage.objects.filter(interview=interview).delete()
    turns = sorted(turns, key=lambda turn: turn.start)
    passages = []
    for block in split_blocks(version.text, turns):
        body = version.text[block.body_start : block.end].strip()
        if not body:
            continue
        turn = turns[block.turn] if block.turn is not None else None
        passages.append(
            Passage(
                version=version,
                interview=interview,
                start=block.start,
                end=block.end,
                text=body,
                speaker_id=turn.speaker_id if turn else None,
                is_interviewer=turn.is_interviewer if turn else False,
            )
        )
    Passage.objects.bulk_create(passages, batch_size=1000)


def _store_original(interview, version, *, name, data, fmt, by, written):
    """Write the original through the storage API (the last write of the import) and record it."""
    source = SourceFile(
        interview=interview,
        version=version,
        original_name=name.replace("\\", "/").rsplit("/", 1)[-1][:255],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        content_type=CONTENT_TYPES.get(fmt, "application/octet-stream"),
        uploaded_by=by,
    )
    source.file.save(source.original_name, ContentFile(data), save=False)
    written.append(source.file)
    source.save()
    return source


@contextmanager
def _files_removed_on_failure():
    """Collects the files written inside the block and deletes them if the block raises.

    Used around a durable transaction: a rolled-back import then leaves neither a row nor a file.
    """
    written = []
    try:
        yield written
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise


def mark_redaction(version, *, start, end, by):
    """Mark [start, end) of `version` as identifying; returns the redaction (the existing one for the same span).

    Raises ValidationError for a range outside the text, an empty one, or one longer than a name needs to be.
    """
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(version.text)):
        raise ValidationError(_("Choose a stretch of the transcript's text."))
    text = version.text[start:end]
    if not text.strip():
        raise ValidationError(_("Choose a stretch of the transcript's text."))
    if len(text) > Redaction._meta.get_field("text").max_length:
        raise ValidationError(_("A redaction covers at most 500 characters: mark names and places, not passages."))
    redaction, _created = Redaction.objects.get_or_create(
        version=version,
        start=start,
        end=end,
        defaults={"interview_id": version.interview_id, "text": text, "created_by": by},
    )
    return redaction


def unmark_redaction(redaction):
    redaction.delete()


def erase_text(interview, *, participant=None):
    """Erase an interview's words: all of its text (without `participant`), or that participant's speaker turns in
    every version, masked in place so every other offset stays true. Its original files go too (they hold the
    same words), removed from storage once the transaction commits. Run inside the caller's transaction.

    Returns (erased spans as {version id: [(start, end), ...]}, number of turns erased, number of files removed).
    """
    versions = list(TranscriptVersion.objects.select_for_update().filter(interview=interview))
    erased, turn_count = {}, 0
    if participant is None:
        for version in versions:
            erased[version.pk] = [(0, len(version.text))] if version.text else []
            version.text = ""
        turn_count = SpeakerTurn.objects.filter(version__interview=interview).count()
        SpeakerTurn.objects.filter(version__interview=interview).delete()
        Passage.objects.filter(interview=interview).delete()
        Redaction.objects.filter(interview=interview).delete()
    else:
        turns = list(SpeakerTurn.objects.filter(version__interview=interview, speaker=participant))
        turn_count = len(turns)
        for turn in turns:
            erased.setdefault(turn.version_id, []).append((turn.start, turn.end))
            turn.label = ""
        SpeakerTurn.objects.bulk_update(turns, ["label"], batch_size=1000)
        for version in versions:
            version.text = masked(version.text, erased.get(version.pk, ()))
        Passage.objects.filter(interview=interview, speaker=participant).delete()
        overlapping = Q(pk__in=[])
        for version_id, spans in erased.items():
            for start, end in spans:
                overlapping |= Q(version_id=version_id, start__lt=end, end__gt=start)
        Redaction.objects.filter(interview=interview).filter(overlapping).delete()
        # The label may be the person's first name ("Marie"); their turns now carry their pseudonym only.
        InterviewParticipant.objects.filter(interview=interview, participant=participant).update(speaker_label="")
    TranscriptVersion.objects.bulk_update(versions, ["text"], batch_size=100)
    sources = list(SourceFile.objects.filter(interview=interview))
    names = [(source.file.storage, source.file.name) for source in sources if source.file]
    SourceFile.objects.filter(pk__in=[source.pk for source in sources]).delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])
    return erased, turn_count, len(sources)
