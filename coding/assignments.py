"""Double coding: assignments of interviews to several coders, the study's consensus coder, adjudications.

While an assignment is open its coders code blind: `blinded_interviews` (coding/models.py) leaves other
people's codings and excerpts of those interviews out of every queryset the coders reach. Agreement is
measured by coding/agreement.py; disagreements are settled into the consensus coder's codings by
coding/services/adjudication.py. Imported by coding/models.py, so Django finds the models.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from interviews.models import Interview
from sites.models import Study
from sites.models.structure import StudyWideQuerySet


class AssignmentQuerySet(StudyWideQuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def closed(self):
        return self.filter(closed_at__isnull=False)


class Assignment(models.Model):
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=200)
    interviews = models.ManyToManyField(Interview, related_name="assignments", verbose_name=_("interviews"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Open (blind coding) until a researcher closes it; then the coders see each other's codings again.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("double-coding assignment")
        verbose_name_plural = _("double-coding assignments")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


class AssignmentPass(models.Model):
    """One coder's pass over an assignment's interviews; `done_at` is set when the coder says it is finished."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="passes")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coding_passes")
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("coding pass")
        verbose_name_plural = _("coding passes")
        ordering = ["assignment", "coder__email"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "coder"], name="coding_pass_one_per_coder"),
        ]
        indexes = [
            # blinded_interviews: the open assignments of one coder, on every coding query
            models.Index(fields=["coder", "assignment"], name="coding_pass_coder"),
        ]

    def __str__(self):
        return f"{self.assignment_id}: {self.coder_id}"


class ConsensusCoder(models.Model):
    """The study's consensus identity: an inactive account that holds the adjudicated codings, never signs in."""

    study = models.OneToOneField(Study, on_delete=models.CASCADE, related_name="consensus_coder")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consensus_for")

    class Meta:
        verbose_name = _("consensus coder")
        verbose_name_plural = _("consensus coders")

    def __str__(self):
        return str(self.user)


class Adjudication(models.Model):
    """How one disagreement (a code's region of an interview where two coders differ) was settled, by whom, when."""

    class Decision(models.TextChoices):
        FIRST = "first", _("Accept the first coder's version")
        SECOND = "second", _("Accept the second coder's version")
        UNION = "union", _("Union of both")
        INTERSECTION = "intersection", _("Intersection of both")
        REDRAW = "redraw", _("Redraw")
        AGREED = "agreed", _("Both coders agreed")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="adjudications")
    version = models.ForeignKey("interviews.TranscriptVersion", on_delete=models.CASCADE, related_name="+")
    code = models.ForeignKey("coding.Code", on_delete=models.CASCADE, related_name="adjudications")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    first_coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    second_coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    ranges = models.JSONField(_("consensus ranges"), default=list)  # [[start, end], …] written as consensus
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="adjudications"
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        verbose_name = _("adjudication")
        verbose_name_plural = _("adjudications")
        ordering = ["interview", "start", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="coding_adjudication_start_before_end"),
            models.UniqueConstraint(
                fields=["version", "code", "start", "end"], name="coding_adjudication_one_per_region"
            ),
        ]

    def __str__(self):
        return f"{self.interview_id} {self.code_id} [{self.start}:{self.end}] {self.decision}"
