from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sites import jobs, permissions
from sites.forms import ConsentForm, ParticipantFilterForm, ParticipantForm, ParticipantIdentityForm
from sites.models import AttributeDefinition, Consent, Participant, ParticipantIdentity
from sites.services import save_participant
from sites.tasks import export_participants
from sites.views.access import get_participant, get_study, visible_sites

PAGE_SIZE = 50


@login_required
def participant_list(request, study):
    study = get_study(request, study)
    sites = visible_sites(request, study)
    filters = ParticipantFilterForm(request.GET or None, study=study, sites=sites)
    participants = filters.filter(Participant.objects.visible_to(request.user).filter(study=study).with_related())
    page = Paginator(participants.order_by("code"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "study": study,
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    template = "sites/participant_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
def participant_detail(request, study, code):
    study = get_study(request, study)
    participant = get_participant(request, study, code)
    definitions = AttributeDefinition.objects.filter(study=study)
    context = {
        "study": study,
        "participant": participant,
        "attributes": [(d.label, participant.attributes.get(d.key)) for d in definitions],
        "can_edit": permissions.may_reach_site(request.user, study, participant.site_id, permissions.EDIT),
        "can_manage": permissions.has_role(request.user, study, permissions.MANAGE),
    }
    return render(request, "sites/participant_detail.html", context)


@login_required
def participant_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    return _participant_form(request, study, Participant(study=study), consent=None)


@login_required
def participant_edit(request, study, code):
    study = get_study(request, study)
    participant = get_participant(request, study, code, need=permissions.EDIT)
    consent = Consent.objects.filter(participant=participant).first()
    return _participant_form(request, study, participant, consent=consent)


def _participant_form(request, study, participant, *, consent):
    data = request.POST or None
    form = ParticipantForm(data, study=study, sites=visible_sites(request, study), instance=participant)
    consent_form = ConsentForm(data, instance=consent or Consent(participant=participant), prefix="consent")
    consent_form.fields["given_on"].required = False
    if request.method == "POST" and form.is_valid() and consent_form.is_valid():
        participant = save_participant(form, consent_form)
        messages.success(request, _("Participant “%(code)s” saved.") % {"code": participant.code})
        return redirect("sites:participant_detail", study=study.slug, code=participant.code)
    context = {"study": study, "participant": participant, "form": form, "consent_form": consent_form}
    status = 400 if form.errors or consent_form.errors else 200
    return render(request, "sites/participant_form.html", context, status=status)


@login_required
def participant_identity(request, study, code):
    """Real name and contact: study admins only, and no one else learns the page exists."""
    study = get_study(request, study)
    if not permissions.has_role(request.user, study, permissions.MANAGE):
        raise Http404
    participant = get_participant(request, study, code)
    identity = ParticipantIdentity.objects.managed_by(request.user).filter(participant=participant).first()
    form = ParticipantIdentityForm(
        request.POST or None, instance=identity or ParticipantIdentity(participant=participant)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Identity saved."))
        return redirect("sites:participant_detail", study=study.slug, code=participant.code)
    context = {"study": study, "participant": participant, "form": form}
    return render(request, "sites/participant_identity.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def participant_export(request, study):
    study = get_study(request, study)
    site_ids = permissions.site_ids_for(request.user, study)
    params = {"language": translation.get_language(), "site_ids": sorted(site_ids) if site_ids else None}
    site = request.POST.get("site", "")
    if site:
        # a site id the user may not see (another site, another study) is absent: 404, not a hint
        site = get_object_or_404(visible_sites(request, study), pk=site if site.isdigit() else -1)
        params["site_ids"] = [site.pk]
    job = jobs.enqueue(export_participants, kind="export_participants", owner=request.user, study=study, params=params)
    return redirect(reverse("sites:job_detail", args=[job.pk]))
