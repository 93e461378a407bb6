from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from sites.audit import record_access
from sites.models import AccessEvent, Job


@login_required
def job_detail(request, pk):
    job = get_object_or_404(Job.objects.visible_to(request.user).select_related("study"), pk=pk)
    template = "sites/job_detail.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, {"job": job})


@login_required
def job_download(request, pk):
    job = get_object_or_404(Job.objects.visible_to(request.user), pk=pk)
    if job.status != Job.Status.SUCCEEDED or not job.result_file:
        raise Http404
    name = job.result_file.name.rsplit("/", 1)[-1]
    response = FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)
    record_access(request, AccessEvent.Kind.JOB_DOWNLOAD, study=job.study_id, obj=job, detail=f"{job.kind}: {name}")
    response["Cache-Control"] = "no-store"
    return response
