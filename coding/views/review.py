"""Excerpts that a new transcript version left without a certain place: a researcher re-places or discards them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coding import anchoring, services
from coding.forms import ExcerptPlaceForm
from coding.models import Coding, Excerpt
from coding.views.access import get_excerpt
from interviews.models import Interview
from interviews.views.access import get_interview
from sites import permissions
from sites.views.access import get_study

PAGE_SIZE = 25
CONTEXT = 60  # characters shown either side of a candidate place


@login_required
def excerpt_review_list(request, study):
    study = get_study(request, study)
    interview = None
    if request.GET.get("interview", "").isdigit():
        interview = get_interview(request, study, int(request.GET["interview"]))
    _catch_up(request, study, interview)
    excerpts = (
        Excerpt.objects.visible_to(request.user)
        .needing_review()
        .filter(interview__study=study)
        .select_related("interview", "version", "created_by")
        .defer("version__text")
        .prefetch_related(Prefetch("codings", Coding.objects.blind_for(request.user).select_related("code")))
        .order_by("interview__title", "interview_id", "start", "pk")
    )
    if interview is not None:
        excerpts = excerpts.filter(interview=interview)
    page = Paginator(excerpts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "study": study,
        "interview": interview,
        "page": page,
        "query": f"interview={interview.pk}" if interview else "",
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "coding/excerpt_review_list.html", context)


def _catch_up(request, study, interview):
    """Carry excerpts still anchored on an older version (a transcript uploaded since): one query when none are."""
    behind = Excerpt.objects.visible_to(request.user).placed().filter(interview__study=study)
    if interview is not None:
        behind = behind.filter(interview=interview)
    ids = behind.exclude(version_id=F("interview__current_version_id")).values_list("interview_id", flat=True)
    for pending in Interview.objects.filter(pk__in=list(ids.distinct())):
        services.carry_to_current(pending)


@login_required
def excerpt_review(request, study, pk):
    study = get_study(request, study)
    excerpt = get_excerpt(request, study, pk, need=permissions.EDIT)
    if not excerpt.needs_review:
        messages.info(request, _("This excerpt has its place already."))
        return redirect(_back(study, excerpt))
    text = excerpt.interview.current_version.text
    form = ExcerptPlaceForm(request.POST or None, text=text)
    if request.method == "POST" and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        try:
            services.change_extent(excerpt, start=start, end=end, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Excerpt re-placed: “%(quote)s”.") % {"quote": excerpt.quote[:80]})
            return redirect(_back(study, excerpt))
    search = request.GET.get("q") or excerpt.original_quote or excerpt.quote
    context = {
        "study": study,
        "excerpt": excerpt,
        "text": text,
        "codes": [coding.code for coding in excerpt.codings.select_related("code")],
        "form": form,
        "search": search,
        "candidates": _candidates(text, search),
    }
    return render(request, "coding/excerpt_review.html", context, status=400 if form.errors else 200)


def _candidates(text, search):
    """Where `search` occurs in the current text, each with its surroundings, for the researcher to choose."""
    return [
        {
            "start": at,
            "end": at + len(search),
            "before": text[max(0, at - CONTEXT) : at],
            "after": text[at + len(search) : at + len(search) + CONTEXT],
        }
        for at in anchoring.occurrences(text, search)
    ]


def _back(study, excerpt):
    return reverse("coding:excerpt_review_list", args=[study.slug]) + f"?interview={excerpt.interview_id}"


@require_POST
@login_required
def excerpt_review_discard(request, study, pk):
    study = get_study(request, study)
    excerpt = get_excerpt(request, study, pk, need=permissions.EDIT)
    if not excerpt.needs_review:
        raise PermissionDenied
    services.discard_excerpt(excerpt, by=request.user)
    messages.success(request, _("Excerpt discarded: “%(quote)s”.") % {"quote": excerpt.original_quote[:80]})
    return redirect(_back(study, excerpt))
