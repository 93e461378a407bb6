"""How a view gets an object for the current user: one helper per object type, outsiders get 404.

A member who may read but not write gets 403 on a write, since the page they came from already showed
them the object exists.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from sites import permissions
from sites.models import HousingEstate, Organization, Participant, Site, Study


def get_study(request, slug, *, need=permissions.READ):
    study = get_object_or_404(Study.objects.visible_to(request.user), slug=slug)
    require(request, study, need)
    return study


def require(request, study, roles):
    if not permissions.has_role(request.user, study, roles):
        raise PermissionDenied


def get_site(request, study, code, *, need=permissions.READ):
    site = get_object_or_404(Site.objects.visible_to(request.user).filter(study=study), code=code)
    require_site(request, study, site.pk, need)
    return site


def require_site(request, study, site_id, roles):
    if not permissions.may_reach_site(request.user, study, site_id, roles):
        raise PermissionDenied


def get_estate(request, study, pk, *, need=permissions.READ):
    estate = get_object_or_404(
        HousingEstate.objects.visible_to(request.user).filter(site__study=study).select_related("site"), pk=pk
    )
    require_site(request, study, estate.site_id, need)
    return estate


def get_organization(request, study, pk, *, need=permissions.READ):
    organization = get_object_or_404(Organization.objects.visible_to(request.user).filter(study=study), pk=pk)
    require(request, study, need)
    return organization


def get_participant(request, study, code, *, need=permissions.READ):
    participant = get_object_or_404(
        Participant.objects.visible_to(request.user).filter(study=study).with_related(), code=code
    )
    require_site(request, study, participant.site_id, need)
    return participant


def visible_sites(request, study):
    return Site.objects.visible_to(request.user).filter(study=study)
