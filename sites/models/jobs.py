from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sites.models.structure import Study


class JobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A job is its owner's: it may carry file names or figures of sites others may not see."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)

    def unfinished(self):
        return self.filter(status__in=[Job.Status.PENDING, Job.Status.RUNNING])

    def claimable(self, *, stale_before, max_attempts):
        """Jobs a worker may start: waiting, or running on a worker whose heartbeat stopped before `stale_before`
        and with runs left (a message redelivered after its worker died)."""
        return self.filter(
            Q(status=Job.Status.PENDING)
            | Q(status=Job.Status.RUNNING, heartbeat_at__lt=stale_before, attempts__lt=max_attempts)
        )


class Job(models.Model):
    """One run of asynchronous work. This row is the truth; Redis only carries the message."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=40)
    study = models.ForeignKey(Study, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    result_file = models.FileField(_("result file"), upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Delivery: the Celery task to send (by name, so the sweeper can send it again), when it was last handed
    # to the broker, which worker runs it and when that worker last said it was alive.
    task = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="sites_job_progress_at_most_100"),
        ]
        indexes = [
            # the sweeper looks for unfinished jobs by age
            models.Index(fields=["status", "created_at"], name="sites_job_status_created"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_finished(self):
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)
