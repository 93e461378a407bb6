"""The analysis work of a study: its codebook, the excerpts coded in transcripts, the codings, the memos.

Offsets are Unicode code points into the text of `Excerpt.version` (DESIGN.md, "Text, offsets and anchoring").
Rows that span models are written by coding/services.py only.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from interviews.models import Interview, TranscriptVersion
from sites import permissions
from sites.models import Site, Study
from sites.models.structure import ScopedQuerySet, StudyWideQuerySet

COLOUR_PATTERN = r"^#[0-9a-f]{6}$"


class CodingScopeMixin:
    def codable_by(self, user):
        """Rows in the studies and sites where the user may code (admin, researcher, coder)."""
        return self.filter(permissions.scope_q(user, permissions.CODE, study=self.study_path, site=self.site_path))


def blinded_interviews(user):
    """The interviews the user double-codes in an open assignment, as a subquery (no query of its own).

    Blind coding: there, the user sees only their own codings and excerpts, through every URL.
    """
    return Assignment.interviews.through.objects.filter(
        assignment__closed_at__isnull=True, assignment__passes__coder_id=getattr(user, "pk", None)
    ).values("interview_id")


_blinded_in_request = contextvars.ContextVar("hlm_blinded_in_request", default=None)


@contextmanager
def blind_interviews_remembered():
    """Within it (a request: hlmstudy.middleware.BlindCodingMiddleware), blinded_interview_ids asks once per user."""
    token = _blinded_in_request.set({})
    try:
        yield
    finally:
        _blinded_in_request.reset(token)


def blinded_interview_ids(user):
    """The ids of the interviews the user double-codes blind, as a list: one query (once per request).

    Querysets filter on the list, not on the subquery: nobody codes blind almost always, and then they add no
    condition at all; a NOT IN subquery OR'ed with "or it is mine" made PostgreSQL plan the retrieval page's
    excerpts and the coding of a range twice as slowly.
    """
    pk = getattr(user, "pk", None)
    if pk is None:
        return []
    remembered = _blinded_in_request.get()
    if remembered is not None and pk in remembered:
        return remembered[pk]
    ids = sorted(set(blinded_interviews(user).values_list("interview_id", flat=True)))
    if remembered is not None:
        remembered[pk] = ids
    return ids


class CodeQuerySet(CodingScopeMixin, StudyWideQuerySet):
    def active(self):
        """The codes of the working codebook: neither archived nor merged into another."""
        return self.filter(is_archived=False, merged_into__isnull=True)

    def roots(self):
        return self.filter(parent__isnull=True)

    def in_tree_order(self):
        return self.order_by("parent_id", "order", "name")


class Code(models.Model):
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="codes")
    parent = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    name = models.CharField(_("name"), max_length=200)
    colour = models.CharField(_("colour"), max_length=7, default="#4e79a7", help_text=_("As #rrggbb."))
    definition = models.TextField(_("definition"), blank=True)
    inclusion = models.TextField(_("inclusion criteria"), blank=True)
    exclusion = models.TextField(_("exclusion criteria"), blank=True)
    example = models.TextField(_("example"), blank=True)
    order = models.IntegerField(_("order"), default=0)
    # Lineage: a merged code is kept, pointing at the code that took its codings.
    merged_into = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="merged_codes", editable=False
    )
    is_archived = models.BooleanField(_("archived"), default=False)
    # Optimistic lock: every change adds one; an edit based on an older number is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                F("study"),
                Coalesce("parent", 0),
                Lower("name"),
                condition=Q(is_archived=False, merged_into__isnull=True),
                name="coding_code_unique_name_in_parent",
                violation_error_message=_("A code with this name already exists here."),
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=COLOUR_PATTERN),
                name="coding_code_colour_rrggbb",
                violation_error_message=_("Give the colour as #rrggbb, e.g. #4e79a7."),
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="coding_code_not_own_parent"),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="coding_code_not_merged_into_itself"),
        ]

    def __str__(self):
        return self.name


class ExcerptQuerySet(CodingScopeMixin, ScopedQuerySet):
    study_path = "interview__study"
    site_path = "interview__site"

    def visible_to(self, user):
        return super().visible_to(user).blind_for(user)

    def blind_for(self, user):
        """Leave out other people's excerpts on the interviews the user codes blind (no read scope applied)."""
        ids = blinded_interview_ids(user)
        if not ids:
            return self.all()
        return self.filter(Q(created_by_id=user.pk) | ~Q(interview_id__in=ids))

    def placed(self):
        return self.filter(needs_review=False)

    def needing_review(self):
        return self.filter(needs_review=True)


class Excerpt(models.Model):
    class ReviewReason(models.TextChoices):
        CHANGED = "changed", _("The quoted text was changed or removed")
        MOVED = "moved", _("The quote could not be placed with certainty")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="excerpts")
    # The version the offsets refer to: the interview's current version, unless the excerpt needs review.
    version = models.ForeignKey(TranscriptVersion, on_delete=models.CASCADE, related_name="excerpts")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField(_("quote"))
    prefix = models.CharField(max_length=32, blank=True)
    suffix = models.CharField(max_length=32, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Sent by the browser with a create request, so a double submit makes one excerpt.
    idempotency_key = models.CharField(max_length=64, blank=True)
    needs_review = models.BooleanField(_("needs review"), default=False)
    review_reason = models.CharField(_("reason"), max_length=20, choices=ReviewReason.choices, blank=True)
    original_quote = models.TextField(_("original quote"), blank=True)

    objects = ExcerptQuerySet.as_manager()

    class Meta:
        verbose_name = _("excerpt")
        verbose_name_plural = _("excerpts")
        ordering = ["interview", "start", "end"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="coding_excerpt_start_before_end"),
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="coding_excerpt_idempotency_key_unique",
            ),
        ]
        indexes = [
            # the workspace reads an interview's excerpts in text order
            models.Index(fields=["interview", "start"], name="coding_excerpt_interview_start"),
            # the needs-review lists of a study and of an interview
            models.Index(fields=["interview"], condition=Q(needs_review=True), name="coding_excerpt_needs_review"),
        ]

    def __str__(self):
        return f"{self.interview_id} [{self.start}:{self.end}]"


class CodingQuerySet(CodingScopeMixin, ScopedQuerySet):
    study_path = "excerpt__interview__study"
    site_path = "excerpt__interview__site"

    def visible_to(self, user):
        return super().visible_to(user).blind_for(user)

    def blind_for(self, user):
        """Leave out other coders' codings on the interviews the user codes blind (no read scope applied)."""
        ids = blinded_interview_ids(user)
        if not ids:
            return self.all()
        return self.filter(Q(coder_id=user.pk) | ~Q(excerpt__interview_id__in=ids))

    def consensus(self):
        """The codings of the studies' consensus coders (adjudicated double coding)."""
        return self.filter(coder_id__in=ConsensusCoder.objects.values("user_id"))


class Coding(models.Model):
    excerpt = models.ForeignKey(Excerpt, on_delete=models.CASCADE, related_name="codings")
    code = models.ForeignKey(Code, on_delete=models.RESTRICT, related_name="codings")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="codings")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CodingQuerySet.as_manager()

    class Meta:
        verbose_name = _("coding")
        verbose_name_plural = _("codings")
        constraints = [
            models.UniqueConstraint(fields=["excerpt", "code", "coder"], name="coding_coding_one_per_code_and_coder"),
        ]
        indexes = [
            # reports and the codebook's counts group codings by code
            models.Index(fields=["code"], name="coding_coding_code"),
        ]

    def __str__(self):
        return f"{self.code_id} @ {self.excerpt_id}"


class MemoQuerySet(StudyWideQuerySet):
    def visible_to(self, user):
        """Study readers see the study's memos, except memos anchored on a site they are not limited to."""
        q = Q(pk__in=[])
        for grant in permissions.grants(user):
            if grant.role not in permissions.READ:
                continue
            clause = Q(study_id=grant.study_id)
            if not grant.all_sites:
                ids = sorted(grant.site_ids)
                clause &= (
                    (Q(site__isnull=True) | Q(site_id__in=ids))
                    & (Q(interview__isnull=True) | Q(interview__site_id__in=ids))
                    & (Q(excerpt__isnull=True) | Q(excerpt__interview__site_id__in=ids))
                )
            q |= clause
        # Blind coding: a memo on someone else's excerpt of an interview the user codes blind stays hidden.
        ids = blinded_interview_ids(user)
        if not ids:
            return self.filter(q)
        others = Excerpt.objects.filter(interview_id__in=ids).exclude(created_by_id=user.pk)
        return self.filter(q).exclude(excerpt__in=others)

    def writable_by(self, user):
        """Memos the user may edit: their own where they may code, or any visible one for researchers."""
        own = Q(author=user) & permissions.scope_q(user, permissions.CODE, study="study", site=None)
        return self.visible_to(user).filter(own | permissions.scope_q(user, permissions.EDIT, study="study", site=None))

    def for_code(self, code):
        return self.filter(code=code)

    def for_excerpt(self, excerpt):
        return self.filter(excerpt=excerpt)

    def for_interview(self, interview):
        """Memos on the interview itself and on its excerpts."""
        return self.filter(Q(interview=interview) | Q(excerpt__interview=interview))

    def for_site(self, site):
        return self.filter(site=site)

    def for_study(self, study):
        """Memos on the study as a whole (no other anchor)."""
        return self.filter(
            study=study, code__isnull=True, excerpt__isnull=True, interview__isnull=True, site__isnull=True
        )


class Memo(models.Model):
    class Kind(models.TextChoices):
        ANALYTIC = "analytic", _("Analytic")
        METHODOLOGICAL = "methodological", _("Methodological")
        THEORETICAL = "theoretical", _("Theoretical")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="memos")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ANALYTIC)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    code = models.ForeignKey(Code, on_delete=models.CASCADE, null=True, blank=True, related_name="memos")
    excerpt = models.ForeignKey(Excerpt, on_delete=models.CASCADE, null=True, blank=True, related_name="memos")
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, null=True, blank=True, related_name="memos")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, null=True, blank=True, related_name="memos")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemoQuerySet.as_manager()

    class Meta:
        verbose_name = _("memo")
        verbose_name_plural = _("memos")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["analytic", "methodological", "theoretical"]), name="coding_memo_kind_known"
            ),
            models.CheckConstraint(
                condition=~(
                    (Q(code__isnull=False) & Q(excerpt__isnull=False))
                    | (Q(code__isnull=False) & Q(interview__isnull=False))
                    | (Q(code__isnull=False) & Q(site__isnull=False))
                    | (Q(excerpt__isnull=False) & Q(interview__isnull=False))
                    | (Q(excerpt__isnull=False) & Q(site__isnull=False))
                    | (Q(interview__isnull=False) & Q(site__isnull=False))
                ),
                name="coding_memo_one_anchor",
            ),
        ]
        indexes = [
            # the memo list of a study, newest first
            models.Index(fields=["study", "-updated_at"], name="coding_memo_study_updated"),
        ]

    def __str__(self):
        return self.title

    @property
    def anchor_type(self):
        """Which kind of object the memo is about: code, excerpt, interview, site or study (no query)."""
        for name in ("code", "excerpt", "interview", "site"):
            if getattr(self, f"{name}_id"):
                return name
        return "study"


class ErasureRecordQuerySet(StudyWideQuerySet):
    def withdrawn_excerpt_ids(self, study):
        """The ids of the study's excerpts erased by a withdrawal of consent or a purge (one query): synthesis
        sheets that kept a copy of one of these quotes flag it."""
        ids = set()
        for row in self.filter(study=study).values_list("excerpt_ids", flat=True):
            ids.update(row)
        return ids


class ErasureRecord(models.Model):
    """What an erasure removed, without any of the content: who, when, whose, how much.

    Written by coding/services/withdrawal.py (withdrawal of consent) and by `manage.py purge_expired`.
    """

    class Reason(models.TextChoices):
        WITHDRAWAL = "withdrawal", _("Withdrawal of consent")
        RETENTION = "retention", _("End of the retention period")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="erasures")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    participant = models.ForeignKey(
        "sites.Participant", on_delete=models.SET_NULL, null=True, blank=True, related_name="erasures"
    )
    participant_code = models.CharField(_("pseudonym code"), max_length=40, blank=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    erased_at = models.DateTimeField(_("erased on"), auto_now_add=True)
    interviews = models.PositiveIntegerField(_("interviews"), default=0)
    turns = models.PositiveIntegerField(_("speaker turns"), default=0)
    excerpts = models.PositiveIntegerField(_("excerpts"), default=0)
    memos = models.PositiveIntegerField(_("memos"), default=0)
    files = models.PositiveIntegerField(_("original files"), default=0)
    excerpt_ids = models.JSONField(default=list, blank=True)

    objects = ErasureRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")
        ordering = ["-erased_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=["withdrawal", "retention"]), name="coding_erasurerecord_reason_known"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.participant_code or self.study_id} · {self.erased_at:%Y-%m-%d}"


# The double-coding models live in their own module (this one holds the codebook, excerpts and memos).
from coding.assignments import Adjudication, Assignment, AssignmentPass, ConsensusCoder  # noqa: E402, F401
