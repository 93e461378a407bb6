"""How a view gets an interview for the current user: outsiders (and other sites' members) get 404."""

from django.shortcuts import get_object_or_404

from interviews.models import Interview
from sites import permissions
from sites.views.access import require_site


def get_interview(request, study, pk, *, need=permissions.READ):
    """The interview with its site and current version (one join each); 403 when the role may only read."""
    interview = get_object_or_404(
        Interview.objects.visible_to(request.user).filter(study=study).select_related("site", "current_version"),
        pk=pk,
    )
    require_site(request, study, interview.site_id, need)
    return interview


def may_edit(request, study, interview):
    return permissions.may_reach_site(request.user, study, interview.site_id, permissions.EDIT)
