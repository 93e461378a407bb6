"""The study's lexicon: the terms synthesis sheets may print (CA, CIUSSS, HLM…)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports.forms import GlossaryTermForm
from reports.models import GlossaryTerm
from sites import permissions
from sites.views.access import get_study


@login_required
def glossary_list(request, study):
    """The terms, and a form to add one (a POST needs the right to edit)."""
    study = get_study(request, study, need=permissions.EDIT if request.method == "POST" else permissions.READ)
    form = GlossaryTermForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        term = form.save(commit=False)
        term.study = study
        term.save()
        messages.success(request, _("Term “%(term)s” added.") % {"term": term.term})
        return redirect("reports:glossary_list", study=study.slug)
    context = {
        "study": study,
        "terms": GlossaryTerm.objects.visible_to(request.user).filter(study=study),
        "form": form,
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "reports/glossary_list.html", context)


@login_required
def glossary_term_edit(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    term = get_object_or_404(GlossaryTerm.objects.editable_by(request.user).filter(study=study), pk=pk)
    form = GlossaryTermForm(request.POST or None, instance=term, study=study)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Term “%(term)s” saved.") % {"term": term.term})
        return redirect("reports:glossary_list", study=study.slug)
    return render(request, "reports/glossary_term_edit.html", {"study": study, "term": term, "form": form})


@require_POST
@login_required
def glossary_term_delete(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    term = get_object_or_404(GlossaryTerm.objects.editable_by(request.user).filter(study=study), pk=pk)
    term.delete()
    messages.success(request, _("Term “%(term)s” removed.") % {"term": term.term})
    return redirect("reports:glossary_list", study=study.slug)
