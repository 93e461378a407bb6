from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sites import permissions
from sites.permissions import Role


class ScopedQuerySet(models.QuerySet):
    """Rows reachable through a study (and, when `site_path` is set, through one of its sites)."""

    study_path = "study"
    site_path = "site"

    def visible_to(self, user):
        return self.filter(permissions.scope_q(user, permissions.READ, study=self.study_path, site=self.site_path))

    def editable_by(self, user):
        return self.filter(permissions.scope_q(user, permissions.EDIT, study=self.study_path, site=self.site_path))

    def managed_by(self, user):
        return self.filter(permissions.scope_q(user, permissions.MANAGE, study=self.study_path, site=self.site_path))


class StudyWideQuerySet(ScopedQuerySet):
    """Rows that belong to the study as a whole: any member with the role sees them, whatever their sites."""

    site_path = None


class StudyQuerySet(ScopedQuerySet):
    study_path = ""
    site_path = None

    def with_portal_for(self, user):
        return self.filter(permissions.scope_q(user, permissions.PORTAL, study="", site=None))


class Study(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    retention_until = models.DateField(
        _("keep data until"),
        null=True,
        blank=True,
        help_text=_("After this date `manage.py purge_expired` erases transcripts, originals, excerpts and memos."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = StudyQuerySet.as_manager()

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Membership(models.Model):
    ROLE_CHOICES = [
        (Role.ADMIN, _("Administrator")),
        (Role.RESEARCHER, _("Researcher")),
        (Role.CODER, _("Coder")),
        (Role.TEAM, _("Team member")),
        (Role.PARTNER, _("Partner")),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)
    sites = models.ManyToManyField(
        "sites.Site",
        blank=True,
        related_name="memberships",
        verbose_name=_("limited to sites"),
        help_text=_("Leave empty for every site of the study."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = StudyWideQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "study"], name="sites_membership_one_per_study"),
            models.CheckConstraint(
                condition=Q(role__in=[Role.ADMIN, Role.RESEARCHER, Role.CODER, Role.TEAM, Role.PARTNER]),
                name="sites_membership_role_known",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.study}"


class SiteQuerySet(ScopedQuerySet):
    site_path = ""


code_validator = RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9_-]*$", _("Letters, digits, - and _ only."))


class Site(models.Model):
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="sites")
    code = models.CharField(_("code"), max_length=20, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    intervention_model = models.TextField(_("intervention model"), blank=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["study", "code"], name="sites_site_code_unique_in_study")]

    def __str__(self):
        return f"{self.code} — {self.name}"


class Organization(models.Model):
    KIND_CHOICES = [
        ("ciusss", _("CIUSSS (health and social services)")),
        ("housing_office", _("Municipal housing office")),
        ("community", _("Community organisation")),
        ("tenants", _("Tenants' association")),
        ("other", _("Other")),
    ]

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)

    objects = StudyWideQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["study", "name"], name="sites_organization_name_unique_in_study")
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class HousingEstateQuerySet(ScopedQuerySet):
    study_path = "site__study"


class HousingEstate(models.Model):
    CLIENTELE_CHOICES = [
        ("families", _("Families")),
        ("persons_alone", _("Persons alone")),
        ("seniors", _("Seniors")),
        ("mixed", _("Mixed")),
    ]

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="estates")
    name = models.CharField(_("name"), max_length=200)
    clientele = models.CharField(_("clientele"), max_length=20, choices=CLIENTELE_CHOICES)
    units = models.PositiveIntegerField(_("dwelling units"), null=True, blank=True)
    managing_office = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_estates",
        verbose_name=_("managing office"),
    )

    objects = HousingEstateQuerySet.as_manager()

    class Meta:
        verbose_name = _("housing estate")
        verbose_name_plural = _("housing estates")
        ordering = ["site__code", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="sites_housingestate_name_unique_in_site")]

    def __str__(self):
        return self.name
