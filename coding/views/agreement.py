"""Double coding: the assignments, the agreement matrix, one interview's disagreements and their adjudication.

Readers of the study see the figures of the interviews they may read, except those they code blind; only
researchers and administrators assign, close and adjudicate; a coder marks their own pass done.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coding import agreement, services
from coding.agreement_report import coder_names, study_report, visible_interviews
from coding.forms import AdjudicationForm, AssignmentForm
from coding.models import Adjudication, Assignment, AssignmentPass, Code
from interviews.models import Interview
from sites import permissions
from sites.views.access import get_study, require

PAGE_SIZE = 20
REGION_DISPLAY_CHARS = 1200  # longer regions show their start and end around an ellipsis
AXES = ("pair", "site")


def get_assignment(request, study, pk):
    return get_object_or_404(Assignment.objects.visible_to(request.user).filter(study=study), pk=pk)


@login_required
def assignment_list(request, study):
    study = get_study(request, study)
    interviews = Interview.objects.visible_to(request.user).select_related("site").order_by("site__code", "title")
    assignments = (
        Assignment.objects.visible_to(request.user)
        .filter(study=study)
        .prefetch_related(
            Prefetch("passes", AssignmentPass.objects.select_related("coder")),
            Prefetch("interviews", interviews),
        )
    )
    page = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "study": study,
        "page": page,
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "coding/assignment_list.html", context)


@login_required
def assignment_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    form = AssignmentForm(request.POST or None, study=study, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_assignment(
                study,
                title=form.cleaned_data["title"],
                interviews=list(form.cleaned_data["interviews"]),
                coders=list(form.cleaned_data["coders"]),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Assignment created: its coders now code those interviews blind."))
            return redirect("coding:assignment_list", study=study.slug)
    context = {"study": study, "form": form}
    return render(request, "coding/assignment_form.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def assignment_done(request, study, pk):
    study = get_study(request, study)
    assignment = get_assignment(request, study, pk)
    services.mark_pass_done(assignment, coder=request.user)
    messages.success(request, _("Your pass is marked done."))
    return redirect("coding:assignment_list", study=study.slug)


@require_POST
@login_required
def assignment_close(request, study, pk):
    study = get_study(request, study)
    assignment = get_assignment(request, study, pk)
    require(request, study, permissions.EDIT)
    services.close_assignment(assignment, by=request.user)
    messages.success(request, _("Assignment closed: its coders see each other's codings again."))
    return redirect("coding:assignment_list", study=study.slug)


def _chosen_assignment(request, study):
    value = request.GET.get("assignment", "")
    if value.isdigit() and len(value) < 10:
        return get_assignment(request, study, int(value))
    return None


@login_required
def agreement_matrix(request, study):
    """Codes × coder pairs (or sites), each cell Cohen's κ with its units, coloured; the pooled tables below."""
    study = get_study(request, study)
    assignment = _chosen_assignment(request, study)
    axis = request.GET.get("axis") if request.GET.get("axis") in AXES else "pair"
    report = study_report(study, user=request.user, assignment=assignment)
    pooled = report.by_code_and(axis)
    by_pair, by_site = report.by_pair(), report.by_site()
    columns = list(by_pair) if axis == "pair" else list(by_site)
    rows = [
        {"code": pk, "path": path, "cells": [_cell(pooled.get((pk, column))) for column in columns]}
        for pk, path in report.codes.items()
    ]
    interviews = report.pooled(lambda code, interview, first, second: (interview, first, second))
    context = {
        "study": study,
        "assignment": assignment,
        "assignments": Assignment.objects.visible_to(request.user).filter(study=study).only("pk", "title"),
        "axis": axis,
        "columns": [report.pair_label(c) if axis == "pair" else c for c in columns],
        "rows": rows,
        "overall": _cell(report.overall()),
        "by_pair": [(report.pair_label(pair), _cell(c, pair=True)) for pair, c in by_pair.items()],
        "by_site": [(site, _cell(c)) for site, c in by_site.items()],
        "by_code": [(report.codes[pk], _cell(c)) for pk, c in report.by_code().items()],
        "interviews": [
            {
                "pk": interview,
                "title": report.titles.get(interview, ""),
                "pair": report.pair_label((first, second)),
                "query": urlencode({"first": first, "second": second}),
                "cell": _cell(c),
            }
            for (interview, first, second), c in sorted(interviews.items())
        ],
        "export_query": urlencode({"assignment": assignment.pk} if assignment else {}),
    }
    return render(request, "coding/agreement_matrix.html", context)


def _cell(counts, *, pair=False):
    """What the page shows of a Counts: κ, α, percent, units, warning, and κ's colour band."""
    if counts is None:
        return None
    kappa = counts.kappa
    return {
        "kappa": kappa,
        "alpha": counts.pair_alpha if pair else counts.alpha,
        "percent": counts.percent,
        "units": counts.units,
        "warning": counts.warning,
        "band": kappa_band(kappa),
    }


def kappa_band(kappa):
    """The colour class of a κ (Landis and Koch's bands, merged by two)."""
    if kappa is None:
        return "none"
    if kappa < 0.4:
        return "low"
    if kappa < 0.6:
        return "fair"
    if kappa < 0.8:
        return "good"
    return "high"


def _interview_and_pair(request, study, pk):
    """The interview (404 when the user may not read it or codes it blind) and the two coders compared."""
    interview = get_object_or_404(
        visible_interviews(study, request.user)
        .filter(current_version__isnull=False)
        .select_related("study", "site", "current_version"),
        pk=pk,
    )
    coder_ids = list(
        AssignmentPass.objects.filter(assignment__interviews=interview)
        .order_by("coder_id")
        .values_list("coder_id", flat=True)
        .distinct()
    )
    chosen = [request.GET.get(name) or request.POST.get(name) or "" for name in ("first", "second")]
    chosen = [int(value) for value in chosen if value.isdigit() and len(value) < 10]
    if len(chosen) == 2 and all(value in coder_ids for value in chosen) and chosen[0] != chosen[1]:
        pair = chosen
    elif len(coder_ids) >= 2:
        pair = coder_ids[:2]
    else:
        raise Http404("This interview is not double-coded.")
    users = get_user_model().objects.in_bulk(pair)
    return interview, users[pair[0]], users[pair[1]], coder_ids


@login_required
def agreement_interview(request, study, pk):
    """One interview's codes side by side for two coders, the places they differ marked, with adjudication."""
    study = get_study(request, study)
    interview, first, second, coder_ids = _interview_and_pair(request, study, pk)
    regions = services.interview_regions(interview, first=first, second=second)
    codes = {code.pk: code for code in Code.objects.filter(study=study, pk__in=list(regions))}
    decided = {
        (a.code_id, a.start, a.end): a
        for a in Adjudication.objects.filter(version=interview.current_version).select_related("decided_by")
    }
    text = interview.current_version.text
    only_disagreements = request.GET.get("disagreements") == "1"
    sections = []
    for code_id in sorted(regions, key=lambda pk: (codes[pk].name.casefold(), pk)):
        counts = _code_counts(len(text), regions[code_id])
        shown = [region for region in regions[code_id] if not (only_disagreements and region["agreed"])]
        if shown:
            sections.append(
                {
                    "code": codes[code_id],
                    "cell": _cell(counts, pair=True),
                    "regions": [
                        _region_view(text, region, decided.get((code_id, region["start"], region["end"])))
                        for region in shown
                    ],
                }
            )
    names = coder_names(coder_ids)
    context = {
        "study": study,
        "interview": interview,
        "first": first,
        "second": second,
        "names": names,
        "pair_query": urlencode({"first": first.pk, "second": second.pk}),
        "sections": sections,
        "decisions": Adjudication.Decision.choices[:5],
        "can_adjudicate": permissions.has_role(request.user, study, permissions.EDIT),
        "disagreements": sum(not r["agreed"] for code_regions in regions.values() for r in code_regions),
        "only_disagreements": only_disagreements,
    }
    return render(request, "coding/agreement_interview.html", context)


def _code_counts(length, regions):
    first = [span for region in regions for span in region["first"]]
    second = [span for region in regions for span in region["second"]]
    weights, covered = agreement.segments(length, [first, second])
    return agreement.cell_counts(weights, covered)


def _region_view(text, region, decision):
    """A region as two columns of pieces (text, coded by this coder, coded by one coder only)."""
    start, end = region["start"], region["end"]
    weights, covered = agreement.segments(
        end - start,
        [[(s - start, e - start) for s, e in region["first"]], [(s - start, e - start) for s, e in region["second"]]],
    )
    pieces, offset = [], start
    for weight, a, b in zip(weights, covered[0], covered[1], strict=True):
        pieces.append((_shortened(text[offset : offset + int(weight)]), bool(a), bool(b)))
        offset += int(weight)
    return {
        "start": start,
        "end": end,
        "agreed": region["agreed"],
        "first": [(piece, a, a != b) for piece, a, b in pieces],
        "second": [(piece, b, a != b) for piece, a, b in pieces],
        "decision": decision,
    }


def _shortened(piece):
    if len(piece) <= REGION_DISPLAY_CHARS:
        return piece
    half = REGION_DISPLAY_CHARS // 2
    return f"{piece[:half]} […] {piece[-half:]}"


@require_POST
@login_required
def agreement_adjudicate(request, study, pk):
    """Settle one disagreement: the chosen version becomes the consensus coding of that code over the region."""
    study = get_study(request, study)
    interview, first, second, _coders = _interview_and_pair(request, study, pk)
    require(request, study, permissions.EDIT)
    back = reverse("coding:agreement_interview", args=[study.slug, interview.pk])
    back += "?" + urlencode({"first": first.pk, "second": second.pk})
    form = AdjudicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(back)
    data = form.cleaned_data
    regions = services.interview_regions(interview, first=first, second=second).get(data["code"], [])
    region = next((r for r in regions if (r["start"], r["end"]) == (data["start"], data["end"])), None)
    code = Code.objects.active().filter(study=study, pk=data["code"]).first()
    if region is None or code is None:
        messages.error(request, _("The codings changed since the page was shown: look at them again."))
        return redirect(back)
    redraw = (data["redraw_start"], data["redraw_end"]) if data["decision"] == "redraw" else None
    try:
        services.adjudicate(
            interview,
            code=code,
            region=region,
            decision=data["decision"],
            first=first,
            second=second,
            by=request.user,
            redraw=redraw,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Decision recorded in the consensus coding."))
    return redirect(back)


@require_POST
@login_required
def agreement_accept(request, study, pk):
    """Write every place where the two coders agree into the consensus coding."""
    study = get_study(request, study)
    interview, first, second, _coders = _interview_and_pair(request, study, pk)
    require(request, study, permissions.EDIT)
    regions = services.interview_regions(interview, first=first, second=second)
    codes = {code.pk: code for code in Code.objects.active().filter(study=study, pk__in=list(regions))}
    written = services.accept_agreements(
        interview,
        regions_by_code={pk: r for pk, r in regions.items() if pk in codes},
        codes=codes,
        first=first,
        second=second,
        by=request.user,
    )
    messages.success(request, _("%(count)s agreed places written to the consensus coding.") % {"count": written})
    back = reverse("coding:agreement_interview", args=[study.slug, interview.pk])
    return redirect(back + "?" + urlencode({"first": first.pk, "second": second.pk}))
