"""The coding workspace: one interview's transcript to code, and the JSON endpoints its JavaScript talks to.

Offsets in and out are code points into the interview's current version (DESIGN.md); the browser converts
from UTF-16 once, in static/coding/offsets.js. The server re-checks every range and takes quotes from its
own text, never from the client. Writes go through coding/services.py; every answer is JSON.
"""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from coding import services
from coding.models import Code, Coding, Excerpt
from coding.views.workspace_data import change_token, code_entry, excerpt_entry, transcript_html, workspace_data
from interviews.models import Interview
from sites import permissions
from sites.views.access import require, require_site

IN_VIVO_NAME_LENGTH = 80  # characters of the selection kept as an in-vivo code's name

# What static/coding/*.js says to people (handed over with json_script); the script fills in "%s".
STRINGS = {
    "applied": gettext_lazy("Coded with %s."),
    "removed": gettext_lazy("Removed the code %s."),
    "extent_changed": gettext_lazy("The excerpt now covers the new selection."),
    "extent_mode": gettext_lazy("Select the new extent, then press Enter or “Apply new extent”."),
    "select_first": gettext_lazy("Select some text in the transcript first."),
    "no_pin": gettext_lazy("No code is pinned to the key %s."),
    "pin": gettext_lazy("Pin “%s”"),
    "unpin": gettext_lazy("Unpin “%s”"),
    "pins_full": gettext_lazy("Nine codes are pinned already: unpin one first."),
    "no_codes": gettext_lazy("No code matches."),
    "create_code": gettext_lazy("Create the code “%s”"),
    "apply_n": gettext_lazy("Apply (%s)"),
    "apply": gettext_lazy("Apply"),
    "by": gettext_lazy("by %s"),
    "remove": gettext_lazy("Remove"),
    "remove_label": gettext_lazy("Remove the code “%s”"),
    "change_extent": gettext_lazy("Change the extent"),
    "memo": gettext_lazy("Write a memo"),
    "show_more": gettext_lazy("Show %s more"),
    "filtered_by": gettext_lazy("Only the excerpts coded “%s”."),
    "show_all": gettext_lazy("Show all"),
    "no_excerpts": gettext_lazy("No excerpt yet: select text and press C."),
    "new_version": gettext_lazy("This transcript has a new version: reload the page to code it."),
    "failed": gettext_lazy("Not saved: %s"),
    "offline": gettext_lazy("The server cannot be reached: this was not saved. Try again."),
    "signed_out": gettext_lazy("Your session has ended: sign in again in another tab, then retry."),
    "archived": gettext_lazy("archived"),
    "count_label": gettext_lazy("%s excerpts in this view"),
    # A code name or a quote inside a sentence: « » in French, “ ” in English.
    "quoted": gettext_lazy("“%s”"),
}


def get_workspace_interview(request, slug, pk, *, need=permissions.READ, with_text=False):
    """The interview and its study in one query; its current version (text included) too when `with_text`.

    404 for whoever may not read it (outsiders, partners, members of other sites), as get_study and
    get_interview would answer; 403 when the user may read it but not do what `need` names.
    """
    interviews = Interview.objects.visible_to(request.user).filter(study__slug=slug).select_related("study")
    if with_text:
        interviews = interviews.select_related("current_version", "site")
    interview = get_object_or_404(interviews, pk=pk)
    require_site(request, interview.study, interview.site_id, need)
    return interview


def coder_filter(request):
    """The view asked for: None for every coder, else one coder's id ("me" is the current user)."""
    value = request.GET.get("coder", "all")
    if value == "me":
        return request.user.pk
    return int(value) if value.isdigit() and len(value) < 10 else None


@login_required
@require_GET
def workspace(request, study, pk):
    interview = get_workspace_interview(request, study, pk, with_text=True)
    study = interview.study
    version = interview.current_version
    coder = coder_filter(request)
    context = {
        "study": study,
        "interview": interview,
        "version": version,
        "blocks": transcript_html(version) if version else "",
        "data": workspace_data(interview, request.user, coder) if version else None,
        "coder": "all" if coder is None else ("me" if coder == request.user.pk else str(coder)),
        "can_code": permissions.may_reach_site(request.user, study, interview.site_id, permissions.CODE),
        "can_restructure": permissions.has_role(request.user, study, permissions.EDIT),
        "strings": {key: str(value) for key, value in STRINGS.items()},
    }
    return render(request, "coding/workspace.html", context)


@login_required
@require_GET
def workspace_codings(request, study, pk):
    """The page's data as JSON; 304 when the If-None-Match token is still current (two queries past the access)."""
    interview = get_workspace_interview(request, study, pk)
    coder = coder_filter(request)
    etag = f'"{change_token(interview, coder)}"'
    sent = {tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")}
    if etag in sent:
        response = HttpResponse(status=304)
    else:
        data = workspace_data(interview, request.user, coder)
        # The token of the rows just read: the data changed since the line above only if the two differ.
        etag = f'"{data["token"]}"'
        response = JsonResponse(data)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


@require_POST
@login_required
def workspace_excerpt_create(request, study, pk):
    """Code a range: {start, end, code_ids, idempotency_key} → 201 with the excerpt, 200 when the key was used."""
    interview = get_workspace_interview(request, study, pk, need=permissions.CODE, with_text=True)
    try:
        body = _payload(request)
        start, end = _extent(body)
        code_ids, key = _code_ids(body), _key(body)
        if body.get("excerpt_id") is not None:
            # The page knows it coded these very words already: the codes join that excerpt, no twin is made.
            same = _own_excerpt(request, interview, body["excerpt_id"], start, end)
            services.add_codings(same, code_ids=code_ids, coder=request.user)
            return JsonResponse({"excerpt": excerpt_entry(same)})
        excerpt, created = services.create_excerpt(
            interview, start=start, end=end, code_ids=code_ids, coder=request.user, idempotency_key=key
        )
    except ValidationError as error:
        return _refused(error)
    return JsonResponse({"excerpt": excerpt_entry(excerpt)}, status=201 if created else 200)


@require_POST
@login_required
def workspace_coding_remove(request, study, pk, coding_pk):
    """Remove one coding (the excerpt goes when it was its last); only its coder or a researcher may."""
    interview = get_workspace_interview(request, study, pk, need=permissions.CODE)
    coding = get_object_or_404(
        Coding.objects.filter(excerpt__interview=interview).select_related("excerpt"), pk=coding_pk
    )
    try:
        excerpt_gone = services.remove_coding(coding, by=request.user)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    return JsonResponse({"removed": coding_pk, "excerpt_removed": excerpt_gone})


@require_POST
@login_required
def workspace_excerpt_extent(request, study, pk, excerpt_pk):
    """Move an excerpt to {start, end}; only its author or a researcher may."""
    interview = get_workspace_interview(request, study, pk, need=permissions.CODE)
    excerpt = get_object_or_404(Excerpt.objects.filter(interview=interview), pk=excerpt_pk)
    excerpt.interview = interview
    try:
        body = _payload(request)
        start, end = _extent(body)
        excerpt = services.change_extent(excerpt, start=start, end=end, by=request.user)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    except ValidationError as error:
        return _refused(error)
    return JsonResponse({"excerpt": excerpt_entry(excerpt)})


@require_POST
@login_required
def workspace_code_create(request, study, pk):
    """In-vivo coding's first step: a root code named {name}, or after the text at {start, end}.

    An active root code of that name is returned as it is (200), so coding the same words twice makes one code.
    Creating a code restructures the codebook: researchers and administrators only.
    """
    interview = get_workspace_interview(request, study, pk)
    study = interview.study
    require(request, study, permissions.EDIT)
    try:
        body = _payload(request)
        name = body.get("name") or _in_vivo_name(interview, *_extent(body))
        name = " ".join(str(name).split()).replace(" > ", " › ")
        # Compared in Python: SQLite's LOWER() folds ASCII only ("Comité" ≠ "COMITÉ" there).
        roots = Code.objects.active().roots().filter(study=study)
        existing = next((code for code in roots if code.name.casefold() == name.casefold()), None)
        if existing is not None:
            return JsonResponse({"code": code_entry(existing)})
        code = services.create_code(study, name=name, by=request.user)
    except ValidationError as error:
        return _refused(error)
    return JsonResponse({"code": code_entry(code)}, status=201)


def _own_excerpt(request, interview, excerpt_id, start, end):
    """The user's placed excerpt of this interview at exactly [start, end); ValidationError otherwise."""
    excerpt = (
        Excerpt.objects.placed()
        .filter(interview=interview, version_id=interview.current_version_id, created_by=request.user)
        .filter(pk=excerpt_id if isinstance(excerpt_id, int) else None, start=start, end=end)
        .first()
    )
    if excerpt is None:
        raise ValidationError(_("That excerpt is not yours or no longer covers this text."))
    excerpt.interview = interview
    return excerpt


def _in_vivo_name(interview, start, end):
    """The words at [start, end) of the current version, cut at a word boundary when long."""
    version = interview.current_version
    if version is None:
        raise ValidationError(_("This interview has no transcript yet."))
    if not 0 <= start < end <= len(version.text):
        raise ValidationError(_("The range %(start)s–%(end)s is outside the text.") % {"start": start, "end": end})
    words = " ".join(version.text[start:end].split())
    if len(words) > IN_VIVO_NAME_LENGTH:
        words = words[:IN_VIVO_NAME_LENGTH].rsplit(" ", 1)[0] + "…"
    return words


def _payload(request):
    """The request's fields: a JSON object from the page, or form fields (a plain form, the tests' client)."""
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            raise ValidationError(_("The request is not valid JSON."))
        if not isinstance(body, dict):
            raise ValidationError(_("The request is not valid JSON."))
        return body
    body = {key: request.POST.get(key) for key in request.POST}
    for key in ("start", "end"):
        if isinstance(body.get(key), str) and body[key].isdigit() and len(body[key]) < 12:
            body[key] = int(body[key])
    body["code_ids"] = request.POST.getlist("code_ids")
    return body


def _extent(body):
    start, end = body.get("start"), body.get("end")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        raise ValidationError(_("Select some text first."))
    return start, end


def _code_ids(body):
    code_ids = body.get("code_ids")
    if not isinstance(code_ids, list) or not all(isinstance(pk, int | str) for pk in code_ids):
        raise ValidationError(_("Choose at least one code."))
    return code_ids


def _key(body):
    key = body.get("idempotency_key") or ""
    if not isinstance(key, str) or len(key) > 64:
        raise ValidationError(_("The request key is not valid."))
    return key


def _refused(error):
    return JsonResponse({"error": " ".join(error.messages)}, status=400)
