from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sites.models.structure import HousingEstate, Organization, ScopedQuerySet, Site, Study, StudyWideQuerySet


class AttributeDefinition(models.Model):
    """A study-defined case variable (age group, years in the estate, …) that participants carry."""

    KIND_CHOICES = [
        ("text", _("Text")),
        ("number", _("Number")),
        ("date", _("Date")),
        ("choice", _("Choice")),
    ]

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="attribute_definitions")
    key = models.SlugField(_("key"), max_length=50)
    label = models.CharField(_("label"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default="text")
    choices = models.TextField(_("choices"), blank=True, help_text=_("For a choice: one value per line."))
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = StudyWideQuerySet.as_manager()

    class Meta:
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        ordering = ["order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["study", "key"], name="sites_attributedefinition_key_unique_in_study")
        ]

    def __str__(self):
        return self.label

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ParticipantQuerySet(ScopedQuerySet):
    def with_related(self):
        return self.select_related("site", "organization", "housing_estate", "consent")


class Participant(models.Model):
    KIND_CHOICES = [
        ("partner", _("Partner")),
        ("resident", _("Resident")),
        ("field_worker", _("Field worker")),
        ("researcher", _("Researcher")),
    ]

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="participants")
    code = models.CharField(
        _("pseudonym code"), max_length=40, help_text=_("For example R-MTL1-07. Never a real name.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="participants", verbose_name=_("site"))
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("organisation"),
    )
    housing_estate = models.ForeignKey(
        HousingEstate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("housing estate"),
    )
    role_title = models.CharField(_("role or title"), max_length=200, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["study", "code"], name="sites_participant_code_unique_in_study"),
            models.CheckConstraint(
                condition=Q(kind__in=["partner", "resident", "field_worker", "researcher"]),
                name="sites_participant_kind_known",
            ),
        ]
        indexes = [
            # participant_list filters by site and kind within a study
            models.Index(fields=["study", "site", "kind"], name="sites_part_study_site_kind"),
        ]

    def __str__(self):
        return self.code

    @property
    def may_be_quoted(self):
        """Quoting needs a consent that allows it and has not been withdrawn (uses the prefetched consent)."""
        consent = getattr(self, "consent", None)
        return bool(consent and consent.may_be_quoted and consent.withdrawn_on is None)


class Consent(models.Model):
    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="consent")
    given_on = models.DateField(_("given on"))
    may_be_quoted = models.BooleanField(_("may be quoted"), default=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="sites_consent_withdrawn_after_given",
            )
        ]

    def __str__(self):
        return f"{self.participant} · {self.given_on}"

    @property
    def is_withdrawn(self):
        return self.withdrawn_on is not None


class ParticipantIdentityQuerySet(ScopedQuerySet):
    study_path = "participant__study"
    site_path = "participant__site"


class ParticipantIdentity(models.Model):
    """Real name and contact, kept apart so that only study admins (and the Django admin) ever read them."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="identity")
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = ParticipantIdentityQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant identity")
        verbose_name_plural = _("participant identities")

    def __str__(self):
        return f"{self.participant}"
