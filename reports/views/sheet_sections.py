"""A synthesis sheet's sections: add, edit, reorder, remove; and the review comments on them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports import services
from reports.forms import CommentForm, SectionForm
from reports.views.sheets import get_sheet
from sites import permissions
from sites.views.access import get_study


def _section(sheet, section_pk):
    return get_object_or_404(sheet.sections.all(), pk=section_pk)


def _back(study, sheet, section=None):
    anchor = f"#section-{section.pk}" if section else ""
    return redirect(reverse("reports:sheet_detail", kwargs={"study": study.slug, "pk": sheet.pk}) + anchor)


@require_POST
@login_required
def section_create(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    section = services.add_section(sheet, heading=_("New section"))
    return redirect("reports:section_edit", study=study.slug, pk=sheet.pk, section_pk=section.pk)


@login_required
def section_edit(request, study, pk, section_pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    section = _section(sheet, section_pk)
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Section saved."))
        return _back(study, sheet, section)
    evidence = sheet.evidence.all()
    context = {"study": study, "sheet": sheet, "section": section, "form": form, "evidence": evidence}
    return render(request, "reports/section_edit.html", context)


@require_POST
@login_required
def section_move(request, study, pk, section_pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    section = _section(sheet, section_pk)
    services.move_section(section, up=request.POST.get("direction") != "down")
    return _back(study, sheet, section)


@require_POST
@login_required
def section_delete(request, study, pk, section_pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    section = _section(sheet, section_pk)
    section.delete()
    messages.success(request, _("Section “%(heading)s” removed.") % {"heading": section.heading})
    return _back(study, sheet)


@require_POST
@login_required
def section_comment(request, study, pk, section_pk):
    """Team members comment on a section: in review above all, and on a published sheet for its next version."""
    study = get_study(request, study)
    sheet = get_sheet(request, study, pk)
    section = _section(sheet, section_pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(section, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Write a comment."))
    return _back(study, sheet, section)
