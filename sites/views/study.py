from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render

from sites import permissions
from sites.models import HousingEstate, Organization, Participant, Study
from sites.views.access import get_study, visible_sites


@login_required
def home(request):
    """Send each person where their work is: partners to the portal, a one-study member to its dashboard."""
    studies = list(Study.objects.visible_to(request.user))
    if len(studies) == 1:
        return redirect("sites:study_dashboard", study=studies[0].slug)
    if not studies and Study.objects.with_portal_for(request.user).exists():
        return redirect("reports:portal")
    return render(request, "sites/home.html", {"studies": studies})


@login_required
def study_dashboard(request, study):
    study = get_study(request, study)
    sites = list(visible_sites(request, study).annotate(estate_count=Count("estates", distinct=True)))
    kinds = Participant.KIND_CHOICES
    counts = {
        (row["site_id"], row["kind"]): row["n"]
        for row in Participant.objects.visible_to(request.user)
        .filter(study=study)
        .values("site_id", "kind")
        .annotate(n=Count("id"))
    }
    rows = [{"site": site, "counts": [counts.get((site.pk, kind), 0) for kind, _ in kinds]} for site in sites]
    for row in rows:
        row["total"] = sum(row["counts"])
    totals = [sum(row["counts"][i] for row in rows) for i in range(len(kinds))]
    context = {
        "study": study,
        "rows": rows,
        "kinds": [label for _, label in kinds],
        "totals": totals,
        "grand_total": sum(totals),
        "estate_count": HousingEstate.objects.visible_to(request.user).filter(site__study=study).count(),
        "organization_count": Organization.objects.filter(study=study).count(),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
        "can_manage": permissions.has_role(request.user, study, permissions.MANAGE),
    }
    return render(request, "sites/study_dashboard.html", context)
