"""Writing, reviewing, publishing and withdrawing synthesis sheets."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import evidence as sources
from reports.models import SectionComment, SheetEvidence, SheetSection, SheetVersion, SynthesisSheet, ThematicReport
from reports.pdf import render_pdf
from reports.quotes import quote_text
from reports.sheet_html import article_html, print_document

# The sections of the study's published sheets, in their order: a new sheet starts from them.
TEMPLATE_SECTIONS = [
    (gettext_lazy("Project summary"), SheetSection.Kind.TEXT),
    (gettext_lazy("Objectives"), SheetSection.Kind.TEXT),
    (gettext_lazy("Methodology"), SheetSection.Kind.TEXT),
    (gettext_lazy("General results"), SheetSection.Kind.TEXT),
    (gettext_lazy("Courses of action"), SheetSection.Kind.TEXT),
    (gettext_lazy("Lexicon"), SheetSection.Kind.GLOSSARY),
]


@transaction.atomic
def create_sheet(study, *, site, title, kind_label, date, by, language="fr-CA"):
    """A draft sheet with the template's sections, headed in the sheet's language."""
    sheet = SynthesisSheet.objects.create(
        study=study, site=site, title=title, kind_label=kind_label, date=date, language=language, created_by=by
    )
    with translation.override(language):
        SheetSection.objects.bulk_create(
            SheetSection(sheet=sheet, heading=str(heading), kind=kind, order=order)
            for order, (heading, kind) in enumerate(TEMPLATE_SECTIONS)
        )
    return sheet


def add_section(sheet, *, heading, kind=SheetSection.Kind.TEXT, body=""):
    last = sheet.sections.aggregate(last=Max("order"))["last"]
    return SheetSection.objects.create(sheet=sheet, heading=heading, kind=kind, body=body, order=(last or 0) + 1)


@transaction.atomic
def move_section(section, *, up):
    """Swap the section with its neighbour above (or below); renumbers the sheet's sections (one update each)."""
    sections = list(section.sheet.sections.select_for_update().order_by("order", "pk"))
    index = next(i for i, other in enumerate(sections) if other.pk == section.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(sections):
        sections[index], sections[target] = sections[target], sections[index]
    for order, other in enumerate(sections):
        if other.order != order:
            SheetSection.objects.filter(pk=other.pk).update(order=order)


def _next_number(sheet):
    last = SheetEvidence.objects.filter(sheet=sheet).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


@transaction.atomic
def add_quote(sheet, *, excerpt, by):
    """Place an excerpt as a quote, attributed by kind and site rank; refused when its speaker may not be quoted."""
    if excerpt.needs_review:
        raise ValidationError(_("This excerpt needs review: resolve it before quoting it."))
    speaker = sources.quote_speaker(excerpt)
    if speaker is not None and not speaker.may_be_quoted:
        raise ValidationError(_("This participant may not be quoted."))
    SynthesisSheet.objects.select_for_update().get(pk=sheet.pk)  # numbers are given one at a time per sheet
    ranks = sources.site_ranks(sheet.study)
    return SheetEvidence.objects.create(
        sheet=sheet,
        number=_next_number(sheet),
        kind=SheetEvidence.Kind.QUOTE,
        excerpt=excerpt,
        participant=speaker,
        quote=quote_text(excerpt),  # masked where a span is marked identifying
        attribution=sources.attribution(speaker, site_ranks=ranks, language=sheet.language),
        created_by=by,
    )


@transaction.atomic
def add_count(sheet, *, measure, by, user, site=None, code=None, kind="", caption=""):
    value = sources.count_value(sheet.study, measure=measure, site=site, code=code, kind=kind, user=user)
    SynthesisSheet.objects.select_for_update().get(pk=sheet.pk)
    return SheetEvidence.objects.create(
        sheet=sheet,
        number=_next_number(sheet),
        kind=SheetEvidence.Kind.COUNT,
        measure=f"{measure}:{kind}" if kind else measure,
        site=site,
        code=code,
        value=value,
        caption=caption,
        created_by=by,
    )


@transaction.atomic
def add_chart(sheet, *, code, by, user, site=None, caption=""):
    """A bar chart of the excerpts under each sub-code of `code` (in one site, or all), drawn as SVG now."""
    caption = caption or code.name
    counts = sources.theme_counts(sheet.study, code=code, user=user, site=site)
    if not counts:
        raise ValidationError(_("This code has no sub-codes to chart."))
    data, drawing = sources.chart_snapshot(counts, title=caption)
    SynthesisSheet.objects.select_for_update().get(pk=sheet.pk)
    return SheetEvidence.objects.create(
        sheet=sheet,
        number=_next_number(sheet),
        kind=SheetEvidence.Kind.CHART,
        code=code,
        site=site,
        measure="excerpts",
        caption=caption,
        data=data,
        svg=drawing,
        created_by=by,
    )


@transaction.atomic
def add_matrix(sheet, *, code, by, user, caption=""):
    data = sources.site_matrix(sheet.study, code=code, user=user)
    if not data["rows"]:
        raise ValidationError(_("This code has no sub-codes to tabulate."))
    SynthesisSheet.objects.select_for_update().get(pk=sheet.pk)
    return SheetEvidence.objects.create(
        sheet=sheet,
        number=_next_number(sheet),
        kind=SheetEvidence.Kind.MATRIX,
        code=code,
        measure="excerpts",
        caption=caption or code.name,
        data=data,
        created_by=by,
    )


def refresh_quote(item):
    """Take the excerpt's current words, once someone has read them; only for an excerpt still in place."""
    if item.excerpt is None or item.excerpt.needs_review:
        raise ValidationError(_("The excerpt is gone or needs review: remove the quote instead."))
    item.quote = quote_text(item.excerpt)
    item.save(update_fields=["quote"])
    return item


@transaction.atomic
def remove_evidence(item):
    """Delete the evidence and its references in the sheet's sections (one update per section that named it)."""
    reference = item.reference
    for section in item.sheet.sections.filter(body__contains=reference):
        section.body = section.body.replace(reference, "")
        section.save(update_fields=["body"])
    item.delete()


def sheet_parts(sheet):
    """(sections, evidence, authors, glossary) of the sheet: four queries."""
    return (
        list(sheet.sections.all()),
        list(sheet.evidence.select_related("excerpt", "participant__consent")),
        list(sheet.authors.all()),
        list(sheet.glossary.all()),
    )


def publication_problems(sheet, parts=None):
    """What stops the sheet from being published, as messages (none: it may be published)."""
    sections, evidence, _authors, _glossary = parts or sheet_parts(sheet)
    messages = [problem.message for problem in sources.problems(sheet, evidence) if problem.blocks_publishing]
    missing = sources.unknown_references(sheet, sections, evidence)
    if missing:
        messages.append(_("The text names evidence that does not exist: %(numbers)s.") % {"numbers": missing})
    if not sections:
        messages.append(_("The sheet has no section."))
    if sheet.status in (SynthesisSheet.Status.DRAFT, SynthesisSheet.Status.WITHDRAWN):
        messages.append(_("Send the sheet to review before publishing it."))
    return messages


def render_sheet(sheet, parts=None):
    """(article HTML, PDF bytes) of the sheet as it stands."""
    sections, evidence, authors, glossary = parts or sheet_parts(sheet)
    article = article_html(sheet, sections=sections, evidence=evidence, authors=authors, glossary=glossary)
    pdf = render_pdf(print_document(sheet, article), title=sheet.title, lang=sheet.language)
    return article, pdf


def publish_sheet(sheet, *, by, job=None, progress=lambda percent, message="": None):
    """Freeze the sheet as its next version (HTML, PDF, SHA-256) and publish it; refused while it has problems."""
    if job is not None and SheetVersion.objects.filter(job=job).exists():
        return SheetVersion.objects.get(job=job)
    parts = sheet_parts(sheet)
    problems = publication_problems(sheet, parts)
    if problems:
        raise ValidationError(problems)
    progress(20, _("Printing the PDF…"))
    article, pdf = render_sheet(sheet, parts)
    progress(80, _("Storing the version…"))
    with transaction.atomic():
        locked = SynthesisSheet.objects.select_for_update().get(pk=sheet.pk)
        number = (locked.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = SheetVersion(
            sheet=locked,
            number=number,
            title=locked.title,
            html=article,
            sha256=hashlib.sha256(pdf).hexdigest(),
            published_by=by,
            published_at=timezone.now(),
            job=job,
        )
        version.pdf.save(f"{locked.study.slug}-sheet-{locked.pk}-v{number}.pdf", ContentFile(pdf), save=False)
        version.save()
        locked.versions.exclude(pk=version.pk).filter(withdrawn_at__isnull=True).update(
            withdrawn_at=version.published_at
        )
        locked.status = SynthesisSheet.Status.PUBLISHED
        locked.save(update_fields=["status", "updated_at"])
    return version


@transaction.atomic
def withdraw_sheet(sheet):
    """Take the sheet off the portal: its versions stay in the history, marked withdrawn."""
    SheetVersion.objects.filter(sheet=sheet, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    sheet.status = SynthesisSheet.Status.WITHDRAWN
    sheet.save(update_fields=["status", "updated_at"])


def set_status(sheet, status):
    """Move a sheet between draft and review (publishing and withdrawing have their own services)."""
    if status not in (SynthesisSheet.Status.DRAFT, SynthesisSheet.Status.REVIEW):
        raise ValidationError(_("A sheet is published or withdrawn by its own action."))
    sheet.status = status
    sheet.save(update_fields=["status", "updated_at"])


def add_comment(section, *, author, body):
    if not body.strip():
        raise ValidationError(_("Write a comment."))
    return SectionComment.objects.create(section=section, author=author, body=body.strip())


def verify_version(version):
    """True when the stored PDF still has the SHA-256 recorded at publication (reads the file)."""
    with version.pdf.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest() == version.sha256


@transaction.atomic
def store_thematic_report(definition, *, by, file_format, content, selection, job=None):
    """Keep a generated thematic report with the sites it covers; a job delivered twice stores one (two writes)."""
    if job is not None:
        existing = ThematicReport.objects.filter(job=job).first()
        if existing is not None:
            return existing
    report = ThematicReport(
        definition=definition,
        study=definition.study,
        format=file_format,
        quotes=selection.quote_count,
        left_out=selection.left_out,
        created_by=by,
        job=job,
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"{definition.study.slug}-{slugify(definition.title)[:60] or 'report'}-{stamp}.{file_format}"
    report.file.save(name, ContentFile(content), save=False)
    report.save()
    report.sites.set(selection.sites)
    return report
