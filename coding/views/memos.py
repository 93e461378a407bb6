"""Memos: the study's list with filters, and writing memos about a code, excerpt, interview, site or the study."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from coding import services
from coding.forms import MemoFilterForm, MemoForm
from coding.models import Code, Excerpt, Memo
from interviews.models import Interview
from sites import permissions
from sites.models import Site
from sites.views.access import get_study, require_site, visible_sites

PAGE_SIZE = 25
# Query parameter of memo_create → how the anchor is looked up among what the user may see.
ANCHOR_PARAMETERS = {
    "code": (Code, "study", "pk"),
    "excerpt": (Excerpt, "interview__study", "pk"),
    "interview": (Interview, "study", "pk"),
    "site": (Site, "study", "code"),
}


@login_required
def memo_list(request, study):
    study = get_study(request, study)
    memos = Memo.objects.visible_to(request.user).filter(study=study)
    authors = (
        get_user_model().objects.filter(pk__in=Memo.objects.filter(study=study).values("author")).order_by("email")
    )
    filters = MemoFilterForm(request.GET or None, authors=authors, sites=visible_sites(request, study))
    memos = filters.filter(memos).select_related("author", "code", "interview", "site", "excerpt__interview")
    page = Paginator(memos.order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "study": study,
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "can_write_memo": permissions.has_role(request.user, study, permissions.CODE),
    }
    template = "coding/memo_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
def memo_detail(request, study, pk):
    study = get_study(request, study)
    memo = get_object_or_404(
        Memo.objects.visible_to(request.user)
        .filter(study=study)
        .select_related("author", "code", "interview", "site", "excerpt__interview"),
        pk=pk,
    )
    can_edit = Memo.objects.writable_by(request.user).filter(pk=memo.pk).exists()
    return render(request, "coding/memo_detail.html", {"study": study, "memo": memo, "can_edit": can_edit})


@login_required
def memo_create(request, study):
    study = get_study(request, study, need=permissions.CODE)
    anchor = _anchor(request, study)
    form = MemoForm(request.POST or None, instance=Memo(study=study))
    if request.method == "POST" and form.is_valid():
        try:
            memo = services.create_memo(study, author=request.user, anchor=anchor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Memo “%(title)s” saved.") % {"title": memo.title})
            return redirect("coding:memo_detail", study=study.slug, pk=memo.pk)
    context = {"study": study, "form": form, "anchor": anchor}
    return render(request, "coding/memo_form.html", context, status=400 if form.errors else 200)


def _anchor(request, study):
    """The object named by ?code= / ?excerpt= / ?interview= / ?site=: 404 unless the user may see it and code there."""
    for parameter, (model, study_path, field) in ANCHOR_PARAMETERS.items():
        value = request.GET.get(parameter)
        if not value:
            continue
        if field == "pk" and not value.isdigit():
            raise Http404
        anchor = get_object_or_404(model.objects.visible_to(request.user), **{study_path: study, field: value})
        site_id = _site_of(anchor)
        if site_id is not None:
            require_site(request, study, site_id, permissions.CODE)
        return anchor
    return None


def _site_of(anchor):
    if isinstance(anchor, Excerpt):
        return anchor.interview.site_id
    if isinstance(anchor, Interview):
        return anchor.site_id
    if isinstance(anchor, Site):
        return anchor.pk
    return None


@login_required
def memo_edit(request, study, pk):
    study = get_study(request, study)
    memo = get_object_or_404(Memo.objects.visible_to(request.user).filter(study=study), pk=pk)
    if not Memo.objects.writable_by(request.user).filter(pk=memo.pk).exists():
        raise PermissionDenied
    form = MemoForm(request.POST or None, instance=memo)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ("kind", "title", "body")}
        try:
            services.update_memo(memo, version=form.cleaned_data["version"], by=request.user, **fields)
        except services.StaleEdit as stale:
            context = {
                "study": study,
                "memo": stale.current,
                "form": MemoForm(instance=stale.current),
                "stale": True,
                "submitted": fields,
            }
            return render(request, "coding/memo_form.html", context, status=409)
        messages.success(request, _("Memo “%(title)s” saved.") % {"title": memo.title})
        return redirect("coding:memo_detail", study=study.slug, pk=memo.pk)
    context = {"study": study, "memo": memo, "form": form}
    return render(request, "coding/memo_form.html", context, status=400 if form.errors else 200)
