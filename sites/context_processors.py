from collections import namedtuple

from sites import permissions
from sites.models import Membership

StudyLink = namedtuple("StudyLink", "pk slug title")


def navigation(request):
    """The studies the user works in and their role in the current one, for the navigation bar (no query: the
    grants, read once per request, carry the studies' slugs and titles)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    grants = permissions.grants(user)
    working = [g for g in grants if g.role in permissions.READ]
    context = {
        "nav_has_portal": bool(grants),
        "nav_is_partner_only": bool(grants) and not working,
    }
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("study") if match else None
    if slug and working:
        context["nav_studies"] = sorted(
            (StudyLink(g.study_id, g.study_slug, g.study_title) for g in working), key=lambda study: study.title
        )
        current = next((s for s in context["nav_studies"] if s.slug == slug), None)
        if current is not None:
            context["nav_study"] = current
            context["nav_role"] = permissions.role_in(user, current)
            context["nav_role_label"] = dict(Membership.ROLE_CHOICES).get(context["nav_role"], "")
    return context
