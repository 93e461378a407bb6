"""Reading a transcript: the current version by speaker turns, older versions, their diff, the original file."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from interviews.blocks import split_blocks
from interviews.diffs import has_changes, line_diff
from interviews.forms import StatusForm
from interviews.models import SourceFile, TranscriptVersion
from interviews.views.access import get_interview, may_edit
from sites import permissions
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study


@dataclass(frozen=True)
class BlockView:
    start: int
    end: int
    speaker: str  # pseudonym code, "Interviewer", the label as written when unmapped, "" outside turns
    is_turn: bool
    is_mapped: bool
    is_interviewer: bool
    body: str
    time: str


def transcript_blocks(version, *, hide_interviewer=False):
    """The blocks of a version for display (two queries: turns with their speaker's code)."""
    turns = list(version.turns.select_related("speaker").order_by("start"))
    blocks = []
    for block in split_blocks(version.text, turns):
        turn = turns[block.turn] if block.turn is not None else None
        if hide_interviewer and turn is not None and turn.is_interviewer:
            continue
        blocks.append(
            BlockView(
                start=block.start,
                end=block.end,
                speaker=_speaker_name(turn),
                is_turn=turn is not None,
                is_mapped=turn is not None and (turn.is_interviewer or turn.speaker_id is not None),
                is_interviewer=turn is not None and turn.is_interviewer,
                body=version.text[block.body_start : block.end],
                time=_clock(turn.started_at) if turn is not None else "",
            )
        )
    return blocks


def _speaker_name(turn):
    if turn is None:
        return ""
    if turn.is_interviewer:
        return _("Interviewer")
    if turn.speaker_id is not None:
        return turn.speaker.code
    return turn.label


def _clock(seconds):
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def render_detail(request, study, interview, *, status_form=None, status=200):
    version = interview.current_version
    if version is not None:
        _record_read(request, study, interview, version)
    hide_interviewer = request.GET.get("interviewer") == "hide"
    context = {
        "study": study,
        "interview": interview,
        "version": version,
        "blocks": transcript_blocks(version, hide_interviewer=hide_interviewer) if version else [],
        "hide_interviewer": hide_interviewer,
        "lines": interview.interview_participants.select_related("participant"),
        "source": _downloadable_source(request, study, interview, version),
        "can_edit": may_edit(request, study, interview),
        "status_form": status_form or StatusForm(initial={"status": interview.status}),
    }
    template = "interviews/interview_detail.html"
    if request.htmx and status == 200:
        template += "#transcript"
    return render(request, template, context, status=status)


def _downloadable_source(request, study, interview, version):
    """The version's original file, unless redactions mask names in it and the user is not a study admin."""
    source = SourceFile.objects.filter(version=version).first() if version else None
    if source is not None and not _may_download_original(request, study, interview):
        return None
    return source


def _may_download_original(request, study, interview):
    return permissions.has_role(request.user, study, permissions.MANAGE) or not interview.redactions.exists()


@login_required
def interview_detail(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk)
    return render_detail(request, study, interview)


@login_required
def version_list(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk)
    versions = (
        TranscriptVersion.objects.filter(interview=interview)
        .select_related("author", "source_file")
        .annotate(turn_count=Count("turns"))
        .order_by("-number")
    )
    context = {
        "study": study,
        "interview": interview,
        "versions": versions,
        "can_edit": may_edit(request, study, interview),
    }
    return render(request, "interviews/version_list.html", context)


@login_required
def version_detail(request, study, pk, number):
    study = get_study(request, study)
    interview = get_interview(request, study, pk)
    version = get_object_or_404(
        TranscriptVersion.objects.filter(interview=interview).select_related("author"), number=number
    )
    _record_read(request, study, interview, version)
    context = {
        "study": study,
        "interview": interview,
        "version": version,
        "blocks": transcript_blocks(version),
        "is_current": version.pk == interview.current_version_id,
    }
    return render(request, "interviews/version_detail.html", context)


@login_required
def version_diff(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk)
    if "from" in request.GET or "to" in request.GET:
        numbers = [_number(request.GET.get(name)) for name in ("from", "to")]
    else:  # the last change: the current version against the one before it
        current = interview.current_version.number if interview.current_version else None
        numbers = [max(current - 1, 1), current] if current else [None, None]
    versions = {v.number: v for v in TranscriptVersion.objects.filter(interview=interview, number__in=numbers)}
    if None in numbers or any(number not in versions for number in numbers):
        raise Http404
    old, new = (versions[number] for number in numbers)
    _record_read(request, study, interview, new, detail=f"v{old.number} → v{new.number}")
    rows = line_diff(old.text, new.text)
    context = {
        "study": study,
        "interview": interview,
        "old": old,
        "new": new,
        "rows": rows,
        "changed": has_changes(rows),
    }
    return render(request, "interviews/version_diff.html", context)


def _record_read(request, study, interview, version, *, detail=""):
    record_access(
        request, AccessEvent.Kind.TRANSCRIPT_READ, study=study, obj=interview, detail=detail or f"v{version.number}"
    )


def _number(value):
    return int(value) if value and value.isdigit() and len(value) < 10 else None


@login_required
def source_download(request, study, pk, file_pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk)
    source = get_object_or_404(SourceFile.objects.filter(interview=interview), pk=file_pk)
    if not _may_download_original(request, study, interview):
        # The original holds the names the redactions mask; only the study's admins may still read it.
        raise PermissionDenied
    try:
        handle = source.file.open("rb")
    except FileNotFoundError:
        raise Http404
    response = FileResponse(handle, as_attachment=True, filename=source.original_name, content_type=source.content_type)
    record_access(request, AccessEvent.Kind.ORIGINAL_DOWNLOAD, study=study, obj=interview, detail=f"file {source.pk}")
    response["Cache-Control"] = "no-store"
    return response
