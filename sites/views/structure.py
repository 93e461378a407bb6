from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sites import permissions
from sites.forms import AttributeDefinitionForm, HousingEstateForm, OrganizationForm, SiteForm
from sites.models import AttributeDefinition, Organization, Site
from sites.views.access import get_estate, get_organization, get_site, get_study, visible_sites


def save_or_render(request, form, template, context, *, done):
    """The shared tail of every create/edit view: save a valid POST and redirect to `done(obj)`."""
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        messages.success(request, _("“%(name)s” saved.") % {"name": obj})
        return redirect(done(obj))
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


def site_url(site):
    return reverse("sites:site_detail", args=[site.study.slug, site.code])


@login_required
def site_list(request, study):
    study = get_study(request, study)
    sites = visible_sites(request, study).annotate(
        participant_count=Count("participants", distinct=True), estate_count=Count("estates", distinct=True)
    )
    context = {"study": study, "sites": sites, "can_edit": permissions.has_role(request.user, study, permissions.EDIT)}
    return render(request, "sites/site_list.html", context)


@login_required
def site_detail(request, study, code):
    study = get_study(request, study)
    site = get_site(request, study, code)
    context = {
        "study": study,
        "site": site,
        "estates": site.estates.select_related("managing_office"),
        "can_edit": permissions.may_reach_site(request.user, study, site.pk, permissions.EDIT),
    }
    return render(request, "sites/site_detail.html", context)


@login_required
def site_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    if permissions.site_ids_for(request.user, study):  # a member limited to some sites cannot add one
        raise PermissionDenied
    form = SiteForm(request.POST or None, study=study, instance=Site(study=study))
    return save_or_render(request, form, "sites/site_form.html", {"study": study}, done=site_url)


@login_required
def site_edit(request, study, code):
    study = get_study(request, study)
    site = get_site(request, study, code, need=permissions.EDIT)
    form = SiteForm(request.POST or None, study=study, instance=site)
    return save_or_render(request, form, "sites/site_form.html", {"study": study, "site": site}, done=site_url)


@login_required
def estate_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    sites = visible_sites(request, study)
    initial = {"site": sites.filter(code=request.GET.get("site", "")).first()}
    form = HousingEstateForm(request.POST or None, study=study, sites=sites, initial=initial)
    return save_or_render(request, form, "sites/estate_form.html", {"study": study}, done=lambda e: site_url(e.site))


@login_required
def estate_edit(request, study, pk):
    study = get_study(request, study)
    estate = get_estate(request, study, pk, need=permissions.EDIT)
    form = HousingEstateForm(request.POST or None, study=study, sites=visible_sites(request, study), instance=estate)
    context = {"study": study, "estate": estate}
    return save_or_render(request, form, "sites/estate_form.html", context, done=lambda e: site_url(e.site))


@login_required
def organization_list(request, study):
    study = get_study(request, study)
    # count only the participants of the sites the user may see: the totals must not reveal the others
    reachable = Q(participants__site__in=visible_sites(request, study))
    organizations = (
        Organization.objects.visible_to(request.user)
        .filter(study=study)
        .annotate(participant_count=Count("participants", filter=reachable))
    )
    context = {
        "study": study,
        "organizations": organizations,
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "sites/organization_list.html", context)


@login_required
def organization_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    form = OrganizationForm(request.POST or None, study=study, instance=Organization(study=study))
    done = reverse("sites:organization_list", args=[study.slug])
    return save_or_render(request, form, "sites/organization_form.html", {"study": study}, done=lambda o: done)


@login_required
def organization_edit(request, study, pk):
    study = get_study(request, study)
    organization = get_organization(request, study, pk, need=permissions.EDIT)
    form = OrganizationForm(request.POST or None, study=study, instance=organization)
    done = reverse("sites:organization_list", args=[study.slug])
    context = {"study": study, "organization": organization}
    return save_or_render(request, form, "sites/organization_form.html", context, done=lambda o: done)


@login_required
def attribute_list(request, study):
    study = get_study(request, study)
    context = {
        "study": study,
        "attributes": AttributeDefinition.objects.visible_to(request.user).filter(study=study),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    return render(request, "sites/attribute_list.html", context)


@login_required
def attribute_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    form = AttributeDefinitionForm(request.POST or None, study=study, instance=AttributeDefinition(study=study))
    done = reverse("sites:attribute_list", args=[study.slug])
    return save_or_render(request, form, "sites/attribute_form.html", {"study": study}, done=lambda a: done)


@login_required
def attribute_edit(request, study, pk):
    study = get_study(request, study, need=permissions.EDIT)
    attribute = get_object_or_404(AttributeDefinition.objects.editable_by(request.user).filter(study=study), pk=pk)
    form = AttributeDefinitionForm(request.POST or None, study=study, instance=attribute)
    done = reverse("sites:attribute_list", args=[study.slug])
    context = {"study": study, "attribute": attribute}
    return save_or_render(request, form, "sites/attribute_form.html", context, done=lambda a: done)
