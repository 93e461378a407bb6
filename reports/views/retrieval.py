"""The retrieval page: the excerpts of a code under filters and combinations, each with its context."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render

from coding.models import Coding
from reports import tallies
from reports.quotes import excerpt_views
from reports.retrieval import RetrievalForm
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study

PAGE_SIZE = 20


@login_required
def retrieval(request, study):
    study = get_study(request, study)
    form = RetrievalForm(request.GET or None, study=study, user=request.user)
    # Only what the excerpt's list of codes shows: not the codes' definitions, nor the coders' whole accounts;
    # and only the codings the reader may see (the blind rule of double coding).
    codings = (
        Coding.objects.blind_for(request.user)
        .select_related("code", "coder")
        .only("excerpt_id", "code__name", "code__colour", "coder__first_name", "coder__last_name", "coder__email")
        .order_by("code__name", "coder__email")
    )
    excerpts = form.excerpts().select_related("interview__site").prefetch_related(Prefetch("codings", codings))
    paginator = Paginator(excerpts, PAGE_SIZE)
    counted = tallies.retrieval_count(form)
    if counted is not None:
        paginator.count = counted  # the tallies' number: counting the matches themselves reads them all
    page = paginator.get_page(request.GET.get("page"))
    shown = list(page.object_list)
    if shown:  # quotes of transcripts were shown: a read, logged with the page, never the filters' words
        detail = f"page {page.number}, {len(shown)} of {paginator.count} excerpts"
        record_access(request, AccessEvent.Kind.RETRIEVAL, study=study, object_type="retrieval", detail=detail)
    context = {
        "study": study,
        "form": form,
        "page": page,
        "views": excerpt_views(shown),
        "query": form.query_for(),
        "report_sites": form.sites,
        "chosen_code": form.tree.by_pk.get(form.cleaned_data.get("code"))
        if form.is_bound and form.is_valid()
        else None,
    }
    template = "reports/retrieval.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context, status=400 if form.errors else 200)
