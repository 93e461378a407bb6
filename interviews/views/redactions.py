"""Marking spans of a transcript as identifying: exports, report quotes and PDFs then show them masked.

Researchers and admins of the interview's site mark and unmark; the page lists the names of the study found in
the text (participants' pseudonyms, organisations and, for admins only, real names from the identity table).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from interviews import services
from interviews.forms import RedactionForm
from interviews.models import Redaction
from interviews.redaction import find_names, masked, suggestions
from interviews.views.access import get_interview
from interviews.views.reading import transcript_blocks
from sites import permissions
from sites.views.access import get_study


@login_required
def redaction_list(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    version = interview.current_version
    if version is None:
        raise Http404
    form = RedactionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            count = _mark(version, form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = ngettext("%(count)s span masked.", "%(count)s spans masked.", count) % {"count": count}
            messages.success(request, message)
            return redirect("interviews:redaction_list", study=study.slug, pk=interview.pk)
    redactions = list(Redaction.objects.filter(interview=interview).select_related("version").order_by("start"))
    placed = [(r.start, r.end) for r in redactions if r.version_id == version.pk and not r.needs_review]
    blocks = []
    for block in transcript_blocks(version):
        offset = block.end - len(block.body)
        blocks.append((block, masked(block.body, placed, offset=offset)))
    context = {
        "study": study,
        "interview": interview,
        "version": version,
        "form": form,
        "redactions": redactions,
        "blocks": blocks,
        "suggestions": suggestions(
            version,
            with_identities=permissions.has_role(request.user, study, permissions.MANAGE),
            already=placed,
        ),
    }
    return render(request, "interviews/redaction_list.html", context, status=400 if form.errors else 200)


@transaction.atomic
def _mark(version, data, *, by):
    """Mark the span (start, end), or every whole-word occurrence of the phrase; returns how many spans."""
    if data.get("phrase"):
        spans = [(found.start, found.end) for found in find_names(version.text, [(data["phrase"], "phrase")])]
        if not spans:
            raise ValidationError(_("“%(phrase)s” does not occur in the transcript.") % {"phrase": data["phrase"]})
    else:
        spans = [(data["start"], data["end"])]
    for start, end in spans:
        services.mark_redaction(version, start=start, end=end, by=by)
    return len(spans)


@require_POST
@login_required
def redaction_remove(request, study, pk, redaction_pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    redaction = get_object_or_404(Redaction.objects.filter(interview=interview), pk=redaction_pk)
    services.unmark_redaction(redaction)
    messages.success(request, _("The span is no longer masked."))
    return redirect("interviews:redaction_list", study=study.slug, pk=interview.pk)
