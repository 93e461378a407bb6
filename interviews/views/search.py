from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from interviews.forms import SearchForm
from interviews.models import Passage
from interviews.search import result_page
from sites.audit import record_access
from sites.models import AccessEvent
from sites.views.access import get_study, visible_sites

PAGE_SIZE = 20


@login_required
def transcript_search(request, study):
    """French full-text search over the current transcripts the user may read (three queries of its own a page, and
    the access log's row)."""
    study = get_study(request, study)
    form = SearchForm(request.GET or None, sites=visible_sites(request, study))
    page = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        passages = form.filter(Passage.objects.visible_to(request.user).filter(interview__study=study))
        page = result_page(passages, query, request.GET.get("page"), per_page=PAGE_SIZE)
        if page.object_list:  # passages of transcripts were shown: a read, logged without the words searched for
            detail = f"page {page.number}, {len(page.object_list)} of {page.paginator.count} passages"
            record_access(request, AccessEvent.Kind.SEARCH, study=study, object_type="search", detail=detail)
    params = request.GET.copy()
    params.pop("page", None)
    context = {"study": study, "form": form, "page": page, "q": query, "query": params.urlencode()}
    template = "interviews/transcript_search.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)
