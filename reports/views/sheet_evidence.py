"""Evidence for a synthesis sheet: pickers fed by the analysis (strongest quotes, counts, charts, matrices)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coding.models import Code, Excerpt
from reports import services
from reports.codetree import CodeTree
from reports.forms import EvidenceForm, PickerForm
from reports.quotes import strongest_excerpts
from reports.retrieval import placed_codings
from reports.views.sheets import get_sheet
from sites import permissions
from sites.views.access import get_study, visible_sites

CANDIDATES = 12


@login_required
def evidence_picker(request, study, pk):
    """The pickers: the strongest quotable excerpts of a code (and site), and forms for counts and charts."""
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    tree = CodeTree(study)
    sites = list(visible_sites(request, study))
    picker = PickerForm(request.GET or None, code_choices=tree.choices(), sites=sites)
    candidates = []
    if picker.is_valid() and picker.cleaned_data["code"]:
        codings = placed_codings(study, request.user)
        if picker.cleaned_data["site"]:
            codings = codings.filter(excerpt__interview__site_id=picker.cleaned_data["site"])
        code_ids = tree.ids(picker.cleaned_data["code"], with_subcodes=True)
        candidates = strongest_excerpts(codings, code_ids, limit=CANDIDATES)
    context = {
        "study": study,
        "sheet": sheet,
        "picker": picker,
        "candidates": candidates,
        "form": EvidenceForm(None, code_choices=tree.choices(), sites=sites),
    }
    return render(request, "reports/evidence_picker.html", context)


@require_POST
@login_required
def evidence_add(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    sites = list(visible_sites(request, study))
    form = EvidenceForm(request.POST, code_choices=CodeTree(study).choices(), sites=sites)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) or [_("Check the evidence form.")]:
            messages.error(request, error)
        return redirect("reports:evidence_picker", study=study.slug, pk=sheet.pk)
    try:
        item = _add(request, sheet, form.cleaned_data, sites)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:evidence_picker", study=study.slug, pk=sheet.pk)
    messages.success(
        request, _("Evidence added: write %(reference)s in a section to place it.") % {"reference": item.reference}
    )
    return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)


def _add(request, sheet, data, sites):
    user, kind = request.user, data["kind"]
    site = next((site for site in sites if site.pk == data.get("site")), None)
    code = Code.objects.filter(study=sheet.study, pk=data["code"]).first() if data.get("code") else None
    if kind == "quote":
        excerpt = get_object_or_404(
            Excerpt.objects.visible_to(user).filter(interview__study=sheet.study), pk=data["excerpt"]
        )
        return services.add_quote(sheet, excerpt=excerpt, by=user)
    if kind == "count":
        return services.add_count(
            sheet, measure=data["measure"], kind=data.get("participant_kind", ""), site=site, code=code,
            caption=data.get("caption", ""), by=user, user=user,
        )  # fmt: skip
    if kind == "chart":
        return services.add_chart(sheet, code=code, site=site, caption=data.get("caption", ""), by=user, user=user)
    return services.add_matrix(sheet, code=code, caption=data.get("caption", ""), by=user, user=user)


@require_POST
@login_required
def evidence_resolve(request, study, pk, number):
    """Resolve an evidence problem: take an excerpt's new words, or remove the evidence and its references."""
    study = get_study(request, study, need=permissions.EDIT)
    sheet = get_sheet(request, study, pk, need=permissions.EDIT)
    item = get_object_or_404(sheet.evidence.select_related("excerpt"), number=number)
    action = request.POST.get("action")
    try:
        if action == "refresh" and item.kind == item.Kind.QUOTE:
            services.refresh_quote(item)
            messages.success(request, _("The quote now has the excerpt's current words."))
        elif action == "remove":
            services.remove_evidence(item)
            messages.success(request, _("Evidence %(number)s removed, with its references.") % {"number": number})
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:sheet_detail", study=study.slug, pk=sheet.pk)
