"""How a coding view gets an object for the current user: outsiders get 404, readers get 403 on writes."""

from django.shortcuts import get_object_or_404

from coding.models import Code, Excerpt, Memo
from sites import permissions
from sites.views.access import require, require_site


def get_code(request, study, pk, *, need=permissions.READ):
    """A code of the study's codebook (any state: archived and merged codes keep their page)."""
    code = get_object_or_404(Code.objects.visible_to(request.user).filter(study=study).select_related("parent"), pk=pk)
    require(request, study, need)
    return code


def get_memo(request, study, pk):
    return get_object_or_404(
        Memo.objects.visible_to(request.user).filter(study=study).select_related("author", "code", "interview", "site"),
        pk=pk,
    )


def get_excerpt(request, study, pk, *, need=permissions.READ):
    excerpt = get_object_or_404(
        Excerpt.objects.visible_to(request.user)
        .filter(interview__study=study)
        .select_related("interview__site", "interview__current_version", "version"),
        pk=pk,
    )
    require_site(request, study, excerpt.interview.site_id, need)
    return excerpt
