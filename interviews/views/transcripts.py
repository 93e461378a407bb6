"""Changing a transcript: upload a file, confirm who each speaker label is.

Correcting the text lives in coding (coding:transcript_edit), and so does uploading a file once a version exists
(coding:transcript_upload): the new version must carry the coded excerpts in the same transaction. Here, only
an interview's first version is made.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Min
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from interviews import services
from interviews.forms import SpeakerMappingForm, TranscriptUploadForm
from interviews.importing import ImportRefused
from interviews.models import SpeakerTurn
from interviews.speakers import propose_mapping
from interviews.views.access import get_interview
from sites import permissions
from sites.models import Participant
from sites.views.access import get_study


@login_required
def transcript_upload(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    if interview.current_version_id is not None:
        # A later version must carry the coded excerpts in its own transaction: coding's upload does both.
        messages.info(request, _("This interview has a transcript already: upload the new version here."))
        return redirect("coding:transcript_upload", study=study.slug, pk=interview.pk)
    form = TranscriptUploadForm(request.POST, request.FILES) if request.method == "POST" else TranscriptUploadForm()
    if request.method == "POST" and form.is_valid():
        version = save_upload(request, form, lambda **upload: services.import_transcript(interview, **upload))
        if version is not None:
            target = "interviews:speaker_mapping" if has_unmapped_turns(version) else "interviews:interview_detail"
            return redirect(target, study=study.slug, pk=interview.pk)
    context = {"study": study, "interview": interview, "form": form}
    return render(request, "interviews/transcript_upload.html", context, status=400 if form.errors else 200)


def save_upload(request, form, save):
    """Run `save(name=, data=, author=, note=)` for a valid upload form and say what it made.

    A refused or invalid file becomes the form's error and the result is None (nothing was stored). Shared with
    coding's upload of a later version, which saves through its own service.
    """
    upload = form.cleaned_data["file"]
    try:
        version = save(name=upload.name, data=upload.read(), author=request.user, note=form.cleaned_data["note"])
    except ImportRefused as refusal:
        form.add_error("file", refusal.message)
        return None
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(
        request,
        _("Version %(number)s imported: %(turns)s speaker turns.")
        % {"number": version.number, "turns": version.turns.count()},
    )
    return version


def has_unmapped_turns(version):
    """Whether some labelled turn of `version` has no speaker yet (one query)."""
    return SpeakerTurn.objects.filter(version=version, speaker=None, is_interviewer=False).exclude(label="").exists()


@login_required
def speaker_mapping(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    version = interview.current_version
    labels = _labels(version)
    participants = _candidates(request, study, interview)
    initial, proposed = _initial_mapping(interview, version, labels, participants)
    form = SpeakerMappingForm(request.POST or None, labels=labels, participants=participants, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.apply_speaker_mapping(interview, form.mapping())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Speakers saved."))
            return redirect("interviews:interview_detail", study=study.slug, pk=interview.pk)
    context = {"study": study, "interview": interview, "version": version, "form": form, "proposed": proposed}
    return render(request, "interviews/speaker_mapping.html", context, status=400 if form.errors else 200)


def _labels(version):
    """[(label, turn count)] of a version, in order of first appearance."""
    if version is None:
        return []
    rows = (
        SpeakerTurn.objects.filter(version=version)
        .exclude(label="")
        .values("label")
        .annotate(count=Count("id"), first=Min("start"))
        .order_by("first")
    )
    return [(row["label"], row["count"]) for row in rows]


def _candidates(request, study, interview):
    """The participants a label may stand for: the interview's own first, then the others of the study."""
    participants = list(Participant.objects.visible_to(request.user).filter(study=study).order_by("code"))
    own = set(interview.interview_participants.values_list("participant_id", flat=True))
    return sorted(participants, key=lambda participant: participant.pk not in own)


def _initial_mapping(interview, version, labels, participants):
    """The mapping the turns carry now; for labels mapped to nobody, propose_mapping's guess."""
    if version is None:
        return {}, set()
    current = {}
    for label, speaker_id, is_interviewer in (
        SpeakerTurn.objects.filter(version=version).values_list("label", "speaker_id", "is_interviewer").distinct()
    ):
        if is_interviewer:
            current[label] = services.INTERVIEWER
        elif speaker_id is not None:
            current[label] = f"{services.PARTICIPANT_PREFIX}{speaker_id}"
    names = [name for name in (interview.interviewer_label, _interviewer_name(interview)) if name]
    guesses = propose_mapping(
        [label for label, _count in labels], [(p.pk, p.code, p.kind) for p in participants], names
    )
    initial, proposed = {}, set()
    for index, (label, _count) in enumerate(labels):
        if label in current:
            initial[f"label_{index}"] = current[label]
        elif guesses.get(label):
            initial[f"label_{index}"] = guesses[label]
            proposed.add(f"label_{index}")
    return initial, proposed


def _interviewer_name(interview):
    user = interview.interviewer
    return user.get_full_name() if user is not None else ""
