from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation

from interviews.batch import stage_uploads
from interviews.forms import BatchImportForm
from interviews.tasks import import_transcripts
from sites import jobs, permissions
from sites.models import Site
from sites.views.access import get_study


@login_required
def interview_import(request, study):
    """Many files (or one zip) for one site: staged in storage, imported by a job with a progress bar."""
    study = get_study(request, study, need=permissions.EDIT)
    sites = Site.objects.editable_by(request.user).filter(study=study)
    if request.method == "POST":
        form = BatchImportForm(request.POST, request.FILES, sites=sites)
    else:
        form = BatchImportForm(sites=sites)
    if request.method == "POST" and form.is_valid():
        params = {
            "site_id": form.cleaned_data["site"].pk,
            "kind": form.cleaned_data["kind"],
            "files": stage_uploads(form.cleaned_data["files"]),
            "language": translation.get_language(),
        }
        job = jobs.enqueue(
            import_transcripts, kind="import_transcripts", owner=request.user, study=study, params=params
        )
        return redirect("sites:job_detail", pk=job.pk)
    context = {"study": study, "form": form}
    return render(request, "interviews/interview_import.html", context, status=400 if form.errors else 200)
