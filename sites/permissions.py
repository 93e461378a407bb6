"""The one place that says who may see or change what.

Every queryset that reaches a view is filtered here, through `visible_to(user)` / `editable_by(user)` on
the models' QuerySets, which call `scope_q`. A membership gives a role in one study, optionally limited
to some of its sites (empty means all sites). Objects outside a user's scope are simply absent from the
queryset, so views answer 404 for them.
"""

from dataclasses import dataclass

from django.db.models import Q


class Role:
    ADMIN = "admin"
    RESEARCHER = "researcher"
    CODER = "coder"
    TEAM = "team"
    PARTNER = "partner"


# What each capability needs. Partners are in none of these: they only ever reach published sheets.
READ = frozenset({Role.ADMIN, Role.RESEARCHER, Role.CODER, Role.TEAM})
CODE = frozenset({Role.ADMIN, Role.RESEARCHER, Role.CODER})
EDIT = frozenset({Role.ADMIN, Role.RESEARCHER})
MANAGE = frozenset({Role.ADMIN})
PORTAL = frozenset({Role.ADMIN, Role.RESEARCHER, Role.CODER, Role.TEAM, Role.PARTNER})


@dataclass(frozen=True)
class Grant:
    study_id: int
    role: str
    site_ids: frozenset  # empty: every site of the study
    study_slug: str = ""  # for the navigation bar, read in the same query
    study_title: str = ""

    @property
    def all_sites(self):
        return not self.site_ids


def grants(user):
    """The user's memberships as plain grants; one query per request (the studies' slugs and titles joined in, for
    the navigation bar), then cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cached = getattr(user, "_hlm_grants", None)
    if cached is None:
        from sites.models import Membership

        rows = {}
        for study_id, role, site_id, slug, title in Membership.objects.filter(user=user).values_list(
            "study_id", "role", "sites__id", "study__slug", "study__title"
        ):
            key = (study_id, role, slug, title)
            rows.setdefault(key, set())
            if site_id is not None:
                rows[key].add(site_id)
        cached = tuple(
            Grant(study_id, role, frozenset(site_ids), slug, title)
            for (study_id, role, slug, title), site_ids in rows.items()
        )
        user._hlm_grants = cached
    return cached


def forget_grants(user):
    """Drop the cached grants after a membership of this user changed within the same request."""
    if hasattr(user, "_hlm_grants"):
        del user._hlm_grants


def scope_q(user, roles, *, study="study", site="site"):
    """A Q matching rows in the studies and sites where the user holds one of `roles`.

    `study` and `site` are the lookup paths from the queried model to its study and site; `site=None`
    means the model is study-wide (visible to any holder of the role in the study), `site=""` means the
    model is the site itself.
    """
    q = Q(pk__in=[])
    for grant in grants(user):
        if grant.role not in roles:
            continue
        clause = Q(**{_path(study, "id"): grant.study_id})
        if site is not None and not grant.all_sites:
            clause &= Q(**{_path(site, "id__in"): sorted(grant.site_ids)})
        q |= clause
    return q


def _path(prefix, field):
    return f"{prefix}__{field}" if prefix else field


def role_in(user, study):
    """The user's role in `study`, or None."""
    study_id = getattr(study, "pk", study)
    for grant in grants(user):
        if grant.study_id == study_id:
            return grant.role
    return None


def has_role(user, study, roles):
    return role_in(user, study) in roles


def site_ids_for(user, study):
    """The ids of the sites the user is limited to in `study`; None means every site."""
    study_id = getattr(study, "pk", study)
    for grant in grants(user):
        if grant.study_id == study_id:
            return None if grant.all_sites else grant.site_ids
    return frozenset()


def may_reach_site(user, study, site_id, roles):
    """True when the user holds one of `roles` in `study` and the site is within their limits."""
    if not has_role(user, study, roles):
        return False
    allowed = site_ids_for(user, study)
    return allowed is None or site_id in allowed
