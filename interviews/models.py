"""The sources of a study: interviews, their transcript versions, speaker turns, uploaded originals.

Offsets are Unicode code points into a version's canonical text (DESIGN.md, "Text, offsets and anchoring").
Rows are written by interviews/services.py only: a version, its turns, its passages and its original file
are created together or not at all.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sites.models import Job, Participant, Site, Study
from sites.models.structure import ScopedQuerySet


class InterviewQuerySet(ScopedQuerySet):
    def with_list_related(self):
        """What the interview list shows: one join per row (not the text), participants in one more query."""
        return (
            self.select_related("site", "current_version")
            .defer("current_version__text")
            .prefetch_related("participants")
        )


class Interview(models.Model):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual interview")
        GROUP = "group", _("Group interview")
        OBSERVATION = "observation", _("Observation notes")
        DOCUMENT = "document", _("Document")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready for coding")
        CODED = "coded", _("Coded")
        VALIDATED = "validated", _("Validated")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="interviews")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="interviews", verbose_name=_("site"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interviewer"),
    )
    interviewer_label = models.CharField(
        _("interviewer's label in the text"),
        max_length=100,
        blank=True,
        help_text=_("How the interviewer's turns are labelled in the transcript, e.g. INTERVIEWEUSE or I."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    meeting = models.CharField(_("meeting"), max_length=200, blank=True, help_text=_("For observation notes."))
    committee = models.CharField(_("committee"), max_length=200, blank=True, help_text=_("For observation notes."))
    participants = models.ManyToManyField(
        Participant, through="InterviewParticipant", related_name="interviews", verbose_name=_("participants")
    )
    # Kept in sync by the services, so the reading view and the coding workspace get the text in one join.
    current_version = models.ForeignKey(
        "TranscriptVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set by a batch import: (job, key) is unique, so a retried job never imports the same file twice.
    import_job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    import_key = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["-date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["individual", "group", "observation", "document"]),
                name="interviews_interview_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "ready", "coded", "validated"]),
                name="interviews_interview_status_known",
            ),
            models.UniqueConstraint(
                fields=["import_job", "import_key"],
                condition=Q(import_job__isnull=False),
                name="interviews_interview_one_per_import_file",
            ),
        ]
        indexes = [
            # interview_list filters a study by site, kind and status, newest first
            models.Index(fields=["study", "site", "kind", "status"], name="interviews_list_filters"),
        ]

    def __str__(self):
        return self.title


class InterviewParticipant(models.Model):
    """A participant of an interview and the label their turns carry in the text ("Marie", "R", "P2")."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="interview_participants")
    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="interview_participants", verbose_name=_("participant")
    )
    speaker_label = models.CharField(_("speaker label"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("interview participant")
        verbose_name_plural = _("interview participants")
        ordering = ["participant__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "participant"], name="interviews_interviewparticipant_once_per_interview"
            ),
            models.UniqueConstraint(
                fields=["interview", "speaker_label"],
                condition=~Q(speaker_label=""),
                name="interviews_interviewparticipant_label_unique_in_interview",
            ),
        ]

    def __str__(self):
        return f"{self.participant} ({self.speaker_label})" if self.speaker_label else str(self.participant)


class TranscriptVersionQuerySet(ScopedQuerySet):
    study_path = "interview__study"
    site_path = "interview__site"


class TranscriptVersion(models.Model):
    """One state of a transcript's canonical text; editing makes a new version, old ones stay readable."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TranscriptVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("transcript version")
        verbose_name_plural = _("transcript versions")
        ordering = ["interview", "number"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "number"], name="interviews_transcriptversion_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="interviews_transcriptversion_number_from_1"),
        ]

    def __str__(self):
        return f"{self.interview} · v{self.number}"


class SpeakerTurnQuerySet(ScopedQuerySet):
    study_path = "version__interview__study"
    site_path = "version__interview__site"


class SpeakerTurn(models.Model):
    """A span of a version's text spoken by one speaker: [start, end), speech from body_start."""

    version = models.ForeignKey(TranscriptVersion, on_delete=models.CASCADE, related_name="turns")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    body_start = models.PositiveIntegerField()
    label = models.CharField(_("label"), max_length=100, blank=True)
    speaker = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("speaker")
    )
    is_interviewer = models.BooleanField(_("interviewer"), default=False)
    started_at = models.FloatField(null=True, blank=True)
    ended_at = models.FloatField(null=True, blank=True)

    objects = SpeakerTurnQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker turn")
        verbose_name_plural = _("speaker turns")
        ordering = ["version", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=F("body_start")), name="interviews_speakerturn_start_le_body_start"
            ),
            models.CheckConstraint(condition=Q(body_start__lte=F("end")), name="interviews_speakerturn_body_le_end"),
            models.CheckConstraint(
                condition=Q(speaker__isnull=True) | Q(is_interviewer=False),
                name="interviews_speakerturn_one_speaker",
            ),
        ]
        indexes = [
            # the reading view and the coding workspace read a version's turns in text order
            models.Index(fields=["version", "start"], name="interviews_turn_version_start"),
        ]

    def __str__(self):
        return f"{self.label or '—'} [{self.start}:{self.end}]"


def source_file_path(instance, filename):
    """A random name under the interview: the original name (often a person's) never reaches the disk."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"interviews/{instance.interview.study_id}/{instance.interview_id}/{uuid.uuid4().hex}{suffix}"


class SourceFileQuerySet(ScopedQuerySet):
    study_path = "interview__study"
    site_path = "interview__site"


class SourceFile(models.Model):
    """The uploaded original of a transcript version, kept as it came, through the storage API."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="source_files")
    version = models.OneToOneField(
        TranscriptVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="source_file"
    )
    file = models.FileField(upload_to=source_file_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = SourceFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("source file")
        verbose_name_plural = _("source files")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.original_name


class PassageQuerySet(ScopedQuerySet):
    study_path = "interview__study"
    site_path = "interview__site"


class Passage(models.Model):
    """The search index's unit: one speaker turn or paragraph of an interview's current version.

    Rebuilt by the services whenever the current version or its speakers change. Full-text matching is
    outside the ORM: on PostgreSQL a generated tsvector column `search_vector` with a GIN index, on SQLite
    the FTS5 table `interviews_passage_fts` (see the migrations and interviews/search.py).
    """

    version = models.ForeignKey(TranscriptVersion, on_delete=models.CASCADE, related_name="passages")
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="passages")
    start = models.PositiveIntegerField()  # the block's start: the reading view's anchor #t-<start>
    end = models.PositiveIntegerField()
    text = models.TextField()
    speaker = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_interviewer = models.BooleanField(default=False)

    objects = PassageQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="interviews_passage_start_le_end"),
        ]
        indexes = [
            # the services replace an interview's passages when its current version changes
            models.Index(fields=["interview", "start"], name="interviews_passage_interview"),
        ]

    def __str__(self):
        return f"{self.interview_id} [{self.start}:{self.end}]"


class RedactionQuerySet(ScopedQuerySet):
    study_path = "interview__study"
    site_path = "interview__site"

    def placed(self):
        return self.filter(needs_review=False)


class Redaction(models.Model):
    """A span of a transcript version marked as identifying: exports, quotes and PDFs show it masked.

    Offsets are code points into `version.text`, like an excerpt's. A new version carries the redaction over
    (coding/services/transcripts.py, like excerpts); one that cannot be placed with certainty stays on its old
    version with `needs_review`, listed on the redaction page, and its text is still masked wherever it appears.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="redactions")
    version = models.ForeignKey(TranscriptVersion, on_delete=models.CASCADE, related_name="redactions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(_("text"), max_length=500)
    needs_review = models.BooleanField(_("needs review"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RedactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")
        ordering = ["interview", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="interviews_redaction_start_before_end"),
            models.UniqueConstraint(fields=["version", "start", "end"], name="interviews_redaction_once_per_span"),
        ]
        indexes = [
            # quotes and exports read the redactions of the versions their excerpts are in
            models.Index(fields=["version", "start"], name="interviews_redaction_version"),
        ]

    def __str__(self):
        return f"{self.interview_id} [{self.start}:{self.end}]"
