"""Correcting a transcript once it may be coded (typed or uploaded): the new version carries the excerpts over.

The carrying itself is coding/anchoring.py; interviews:transcript_upload makes only an interview's first version.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coding import services
from coding.models import Excerpt
from interviews.forms import TranscriptEditForm, TranscriptUploadForm
from interviews.views.access import get_interview
from interviews.views.transcripts import has_unmapped_turns, save_upload
from sites import permissions
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study


@login_required
def transcript_edit(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    version = interview.current_version
    form = TranscriptEditForm(request.POST or None, initial={"text": version.text if version else ""})
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.edit_transcript(
                interview, text=form.cleaned_data["text"], author=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            if version is not None and saved.pk == version.pk:
                messages.info(
                    request, _("No change: the text is the same as version %(number)s.") % {"number": version.number}
                )
                return redirect("interviews:interview_detail", study=study.slug, pk=interview.pk)
            messages.success(request, _("Version %(number)s saved.") % {"number": saved.number})
            return _after_save(request, study, interview)
    if version is not None:
        detail = f"v{version.number}"
        record_access(request, AccessEvent.Kind.TRANSCRIPT_READ, study=study, obj=interview, detail=detail)
    context = {
        "study": study,
        "interview": interview,
        "version": version,
        "form": form,
        "excerpt_count": Excerpt.objects.filter(interview=interview).placed().count(),
    }
    return render(request, "coding/transcript_edit.html", context, status=400 if form.errors else 200)


@login_required
def transcript_upload(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    form = TranscriptUploadForm(request.POST, request.FILES) if request.method == "POST" else TranscriptUploadForm()
    if request.method == "POST" and form.is_valid():
        version = save_upload(request, form, lambda **upload: services.upload_transcript_version(interview, **upload))
        if version is not None:
            waiting = Excerpt.objects.filter(interview=interview).needing_review()
            if has_unmapped_turns(version) and not waiting.exists():
                return redirect("interviews:speaker_mapping", study=study.slug, pk=interview.pk)
            return _after_save(request, study, interview)
    context = {
        "study": study,
        "interview": interview,
        "version": interview.current_version,
        "form": form,
        "excerpt_count": Excerpt.objects.filter(interview=interview).placed().count(),
    }
    return render(request, "coding/transcript_upload.html", context, status=400 if form.errors else 200)


def _after_save(request, study, interview):
    """Send the researcher to the excerpts the new version left without a certain place, if there are any."""
    waiting = Excerpt.objects.filter(interview=interview).needing_review().count()
    if not waiting:
        return redirect("interviews:interview_detail", study=study.slug, pk=interview.pk)
    messages.warning(
        request,
        _("%(count)s excerpt(s) lost their exact place in the new text: re-place or discard them.")
        % {"count": waiting},
    )
    response = redirect("coding:excerpt_review_list", study=study.slug)
    response["Location"] += f"?interview={interview.pk}"
    return response
