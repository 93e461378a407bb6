"""Synthesis sheets: what partner organisations read, written from the study's evidence.

A sheet has ordered sections with Markdown bodies; `[[evidence:N]]` in a body stands for the sheet's evidence
number N (a quote, a count, a chart or a matrix snapshot), which keeps a link to its source so the sheet can
tell when the source moved on. Publishing freezes a `SheetVersion` (HTML and PDF, with the PDF's SHA-256).
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from coding.models import Code, Excerpt
from sites import permissions
from sites.models import Job, Participant, Site, Study
from sites.models.structure import StudyWideQuerySet


def sheet_scope_q(user, roles, *, published_transversal=True):
    """Sheets of the studies where the user holds one of `roles`: transversal ones, and those of their sites.

    A membership limited to some sites reaches a transversal sheet only once it is published (and only to read
    it, `published_transversal`): its drafts quote every site's transcripts, which that member may not read
    (DESIGN: site limits are data access groups), and writing it needs them.
    """
    q = Q(pk__in=[])
    for grant in permissions.grants(user):
        if grant.role not in roles:
            continue
        clause = Q(study_id=grant.study_id)
        if not grant.all_sites:
            reach = Q(site_id__in=sorted(grant.site_ids))
            if published_transversal:
                reach |= Q(site__isnull=True, status=SynthesisSheet.Status.PUBLISHED)
            clause &= reach
        q |= clause
    return q


class GlossaryTerm(models.Model):
    """A term of the study's lexicon (CA, CIUSSS, HLM…); each sheet chooses the terms it prints."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="glossary_terms")
    term = models.CharField(_("term"), max_length=60)
    definition = models.TextField(_("definition"))

    objects = StudyWideQuerySet.as_manager()

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [models.UniqueConstraint(fields=["study", "term"], name="reports_glossaryterm_unique_in_study")]

    def __str__(self):
        return self.term


class SheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(sheet_scope_q(user, permissions.READ))

    def editable_by(self, user):
        return self.filter(sheet_scope_q(user, permissions.EDIT, published_transversal=False))

    def with_evidence_alert(self):
        """Annotate `has_evidence_alert`: a quote whose excerpt is gone or in review, or whose speaker withdrew
        or may not be quoted (one EXISTS per sheet; the exact wording is checked against the excerpt on the sheet's
        page). A published sheet with an alert quotes someone it should no longer quote."""
        alarming = SheetEvidence.objects.filter(sheet_id=OuterRef("pk"), kind=SheetEvidence.Kind.QUOTE).filter(
            Q(excerpt__isnull=True)
            | Q(excerpt__needs_review=True)
            | Q(participant__consent__withdrawn_on__isnull=False)
            | Q(participant__consent__may_be_quoted=False)
        )
        return self.annotate(has_evidence_alert=Exists(alarming))

    def published_for(self, user):
        """What the portal lists: published sheets of the user's sites and transversal ones."""
        return self.filter(sheet_scope_q(user, permissions.PORTAL), status=SynthesisSheet.Status.PUBLISHED)


class SynthesisSheet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="synthesis_sheets")
    # No site: a transversal sheet, across all the study's sites.
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, null=True, blank=True, related_name="synthesis_sheets", verbose_name=_("site")
    )
    title = models.CharField(_("title"), max_length=300)
    kind_label = models.CharField(_("kind of sheet"), max_length=100, help_text=_("Printed above the title."))
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=10, default="fr-CA")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    glossary = models.ManyToManyField(GlossaryTerm, blank=True, related_name="sheets", verbose_name=_("lexicon"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("synthesis sheet")
        verbose_name_plural = _("synthesis sheets")
        ordering = ["-date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "published", "withdrawn"]), name="reports_sheet_status_known"
            )
        ]
        indexes = [
            # the portal lists a study's published sheets
            models.Index(fields=["study", "status"], name="reports_sheet_study_status"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_transversal(self):
        return self.site_id is None


class SheetAuthor(models.Model):
    sheet = models.ForeignKey(SynthesisSheet, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=200)
    affiliation = models.TextField(_("affiliation"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class SheetSection(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        GLOSSARY = "glossary", _("Lexicon (the sheet's glossary terms follow the text)")

    sheet = models.ForeignKey(SynthesisSheet, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["sheet", "order"], name="reports_section_sheet_order")]

    def __str__(self):
        return self.heading


class SheetEvidence(models.Model):
    """A quote, count, chart or matrix placed in a sheet as `[[evidence:number]]`, with the snapshot it prints."""

    class Kind(models.TextChoices):
        QUOTE = "quote", _("Quote")
        COUNT = "count", _("Count")
        CHART = "chart", _("Chart")
        MATRIX = "matrix", _("Matrix")

    sheet = models.ForeignKey(SynthesisSheet, on_delete=models.CASCADE, related_name="evidence")
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Quotes: the excerpt (gone when discarded), its speaker, and the words and attribution as inserted.
    excerpt = models.ForeignKey(Excerpt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    quote = models.TextField(_("quote"), blank=True)
    attribution = models.CharField(_("attribution"), max_length=200, blank=True)
    # Counts, charts and matrices: what was counted (a code, a site), the caption and the snapshot.
    code = models.ForeignKey(Code, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    measure = models.CharField(_("measure"), max_length=40, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    value = models.IntegerField(_("value"), null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)  # a matrix's rows, a chart's labels and values
    svg = models.TextField(blank=True)  # a chart, drawn by reports/svg.py when inserted
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="reports_evidence_number_unique_in_sheet"),
            models.CheckConstraint(
                condition=Q(kind__in=["quote", "count", "chart", "matrix"]), name="reports_evidence_kind_known"
            ),
        ]

    def __str__(self):
        return f"[[evidence:{self.number}]]"

    @property
    def reference(self):
        return f"[[evidence:{self.number}]]"


class SectionComment(models.Model):
    section = models.ForeignKey(SheetSection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))
    is_resolved = models.BooleanField(_("resolved"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.section} · {self.created_at:%Y-%m-%d}"


class VersionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(withdrawn_at__isnull=True)


class SheetVersion(models.Model):
    """A published state of a sheet, never changed afterwards: its HTML, its PDF and the PDF's SHA-256."""

    sheet = models.ForeignKey(SynthesisSheet, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    html = models.TextField()
    pdf = models.FileField(upload_to="sheets/%Y/")
    sha256 = models.CharField(max_length=64)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(_("published"))
    # The job that published it: a job delivered twice after a worker died publishes once.
    job = models.OneToOneField(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="reports_version_number_unique_in_sheet"),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("published_at")),
                name="reports_version_withdrawn_after_published",
            ),
        ]

    def __str__(self):
        return f"{self.sheet} v{self.number}"


def covered_sites_q(user, roles, *, all_sites_field):
    """Rows (report definitions, thematic reports) whose sites all lie within the user's limits in their study.

    A definition for all sites (`all_sites_field` true) is reached only by members limited to no site.
    """
    q = Q(pk__in=[])
    for grant in permissions.grants(user):
        if grant.role not in roles:
            continue
        clause = Q(study_id=grant.study_id)
        if not grant.all_sites:
            clause &= ~Q(sites__in=Site.objects.exclude(pk__in=sorted(grant.site_ids)))
            if all_sites_field:
                clause &= Q(is_all_sites=False)
        q |= clause
    return q


class DefinitionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(covered_sites_q(user, permissions.READ, all_sites_field=True))


class ThematicReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(covered_sites_q(user, permissions.READ, all_sites_field=False))


class ReportDefinition(models.Model):
    """A saved thematic report: what to select and what to print, so the team can run it again after more coding."""

    class Quotes(models.TextChoices):
        ALL = "all", _("Every quote")
        STRONGEST = "strongest", _("The strongest quotes per code")
        NONE = "none", _("No quotes")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="report_definitions")
    title = models.CharField(_("title"), max_length=200)
    # Scope: the chosen sites, or every site of the study (as each reader may see them).
    is_all_sites = models.BooleanField(_("all sites"), default=False)
    sites = models.ManyToManyField(Site, blank=True, related_name="report_definitions", verbose_name=_("sites"))
    # No code: the whole codebook; a code: that branch (the code and every code under it).
    code = models.ForeignKey(
        Code, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("codebook branch")
    )
    # Filters, as the retrieval page names them (reports/retrieval.py); empty means no filter.
    participant_kind = models.CharField(_("participant kind"), max_length=20, blank=True)
    interview_kind = models.CharField(_("interview kind"), max_length=20, blank=True)
    speaker = models.CharField(_("speaker"), max_length=40, blank=True)
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coder"),
    )
    is_consensus_only = models.BooleanField(_("consensus codings only"), default=False)
    date_from = models.DateField(_("interviews from"), null=True, blank=True)
    date_to = models.DateField(_("interviews to"), null=True, blank=True)
    # What the document holds.
    has_definitions = models.BooleanField(_("the codes' definitions"), default=True)
    has_counts = models.BooleanField(_("counts and the site × code figures"), default=True)
    has_charts = models.BooleanField(_("charts"), default=True)
    quotes = models.CharField(_("quotes"), max_length=10, choices=Quotes.choices, default=Quotes.ALL)
    strongest_per_code = models.PositiveSmallIntegerField(_("strongest quotes per code"), default=3)
    has_memos = models.BooleanField(_("the memos attached to the codes"), default=True)
    has_sources = models.BooleanField(_("the list of sources"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DefinitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report definition")
        verbose_name_plural = _("report definitions")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_from__isnull=True) | Q(date_to__isnull=True) | Q(date_from__lte=F("date_to")),
                name="reports_definition_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(strongest_per_code__gte=1) & Q(strongest_per_code__lte=50),
                name="reports_definition_strongest_1_to_50",
            ),
        ]

    def __str__(self):
        return self.title


class ThematicReport(models.Model):
    """One generated document of a definition: who asked for it, when, the file, and the sites it covered."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", _("DOCX (Word)")

    definition = models.ForeignKey(ReportDefinition, on_delete=models.CASCADE, related_name="reports")
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="thematic_reports")
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    # The sites whose evidence the file holds, as its author could see them: a reader must reach all of them.
    sites = models.ManyToManyField(Site, blank=True, related_name="thematic_reports")
    file = models.FileField(upload_to="thematic/%Y/%m/")
    quotes = models.PositiveIntegerField(_("quotes"), default=0)
    left_out = models.PositiveIntegerField(_("quotes left out"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("generated"), auto_now_add=True)
    # The job that made it: a job delivered twice after a worker died stores one report.
    job = models.OneToOneField(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = ThematicReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("thematic report")
        verbose_name_plural = _("thematic reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(format__in=["pdf", "docx"]), name="reports_thematic_format_known"),
        ]
        indexes = [
            # the builder page lists a study's last reports
            models.Index(fields=["study", "-created_at"], name="reports_thematic_study_recent"),
        ]

    def __str__(self):
        return f"{self.definition} · {self.format} · {self.created_at:%Y-%m-%d %H:%M}"
