from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interviews import services
from interviews.forms import InterviewFilterForm, InterviewForm, ParticipantLineFormSet, StatusForm
from interviews.models import Interview
from interviews.views.access import get_interview
from interviews.views.reading import render_detail
from sites import permissions
from sites.models import Participant, Site
from sites.views.access import get_study, visible_sites

PAGE_SIZE = 50
DESCRIPTION_FIELDS = ["site", "kind", "title", "date", "interviewer", "interviewer_label", "meeting", "committee"]


@login_required
def interview_list(request, study):
    study = get_study(request, study)
    filters = InterviewFilterForm(request.GET or None, sites=visible_sites(request, study))
    interviews = filters.filter(Interview.objects.visible_to(request.user).filter(study=study).with_list_related())
    page = Paginator(interviews.order_by("-date", "title", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "study": study,
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }
    template = "interviews/interview_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
def interview_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    return _interview_form(request, study, Interview(study=study))


@login_required
def interview_edit(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    return _interview_form(request, study, interview)


def _interview_form(request, study, interview):
    data = request.POST or None
    sites = Site.objects.editable_by(request.user).filter(study=study)
    form = InterviewForm(data, study=study, sites=sites, instance=interview)
    participants = Participant.objects.visible_to(request.user).filter(study=study).select_related("site")
    lines = interview.interview_participants.all() if interview.pk else []
    initial = [{"participant": line.participant_id, "speaker_label": line.speaker_label} for line in lines]
    formset = ParticipantLineFormSet(
        data, initial=initial, prefix="participants", form_kwargs={"participants": participants}
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = {name: form.cleaned_data[name] for name in DESCRIPTION_FIELDS}
        if interview.pk:
            services.update_interview(interview, participants=formset.pairs(), **fields)
        else:
            interview = services.create_interview(
                study=study, created_by=request.user, participants=formset.pairs(), **fields
            )
        messages.success(request, _("Interview “%(title)s” saved.") % {"title": interview.title})
        return redirect("interviews:interview_detail", study=study.slug, pk=interview.pk)
    context = {"study": study, "interview": interview, "form": form, "formset": formset}
    status = 400 if formset.is_bound and (form.errors or not formset.is_valid()) else 200
    return render(request, "interviews/interview_form.html", context, status=status)


@require_POST
@login_required
def interview_status(request, study, pk):
    study = get_study(request, study)
    interview = get_interview(request, study, pk, need=permissions.EDIT)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_status(interview, status=form.cleaned_data["status"])
        except ValidationError as error:
            form.add_error("status", error)
        else:
            messages.success(request, _("Status: %(status)s.") % {"status": interview.get_status_display()})
            return redirect("interviews:interview_detail", study=study.slug, pk=interview.pk)
    return render_detail(request, study, interview, status_form=form, status=400)
