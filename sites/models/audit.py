"""The audit trail: what changed (written by PostgreSQL triggers) and who read what (written by views).

Neither table has foreign-key constraints: the trail must outlive the accounts, studies and rows it names,
and a cascade must never reach it. On PostgreSQL a trigger refuses every UPDATE and DELETE of both tables
(sites/audit.py), so the application cannot rewrite them.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from sites.models.structure import Study

_TRAIL = {"on_delete": models.DO_NOTHING, "db_constraint": False, "null": True, "related_name": "+"}


class ChangeRecord(models.Model):
    """One row inserted, updated or deleted in an audited table; only the database's triggers write these."""

    class Action(models.TextChoices):
        INSERT = "INSERT", _("created")
        UPDATE = "UPDATE", _("changed")
        DELETE = "DELETE", _("deleted")

    at = models.DateTimeField(_("when"), db_default=Now())
    table_name = models.CharField(_("table"), max_length=63)
    row_id = models.BigIntegerField(_("row"), null=True)
    action = models.CharField(_("action"), max_length=6, choices=Action.choices)
    study = models.ForeignKey(Study, **_TRAIL)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, **_TRAIL)
    # The names of the columns an UPDATE changed, never their values: the trail must not keep a copy of
    # transcript text that a participant's withdrawal has to remove.
    changed = models.JSONField(_("changed columns"), default=list)

    class Meta:
        verbose_name = _("change record")
        verbose_name_plural = _("change records")
        indexes = [
            # the audit page: a study's changes between two dates
            models.Index(fields=["study", "at"], name="sites_changerecord_study_at"),
        ]

    def __str__(self):
        return f"{self.action} {self.table_name} #{self.row_id}"


class AccessEvent(models.Model):
    """Someone read a transcript, read passages of transcripts in search results or retrieved excerpts, or downloaded
    an original, an export or a PDF; never what it contained, nor what was searched for (it may be a name)."""

    class Kind(models.TextChoices):
        TRANSCRIPT_READ = "transcript_read", _("read a transcript")
        ORIGINAL_DOWNLOAD = "original_download", _("downloaded an original file")
        EXPORT_DOWNLOAD = "export_download", _("downloaded an export")
        JOB_DOWNLOAD = "job_download", _("downloaded a job's result")
        PDF_DOWNLOAD = "pdf_download", _("downloaded a PDF")  # the synthesis sheets' PDFs (branch sheets)
        SEARCH = "search", _("read search results")  # passages of transcripts matching a full-text search
        RETRIEVAL = "retrieval", _("read retrieved excerpts")  # the retrieval page's coded excerpts

    at = models.DateTimeField(_("when"), db_default=Now())
    study = models.ForeignKey(Study, **_TRAIL)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, **_TRAIL)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_type = models.CharField(_("object"), max_length=40)
    object_id = models.BigIntegerField(null=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access events")
        indexes = [
            # the audit page: a study's reads between two dates
            models.Index(fields=["study", "at"], name="sites_accessevent_study_at"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_type} #{self.object_id}"
