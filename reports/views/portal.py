from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from sites.models import Study


@login_required
def portal(request):
    """What partners read: published synthesis sheets of their sites (the sheets come with the synthesis-sheet work)."""
    studies = list(Study.objects.with_portal_for(request.user))
    if not studies:
        raise Http404
    return render(request, "reports/portal.html", {"studies": studies, "sheets": []})
