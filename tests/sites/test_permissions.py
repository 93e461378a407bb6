"""The permission module: scope_q and the querysets built on it, outside any view."""

import pytest
from django.contrib.auth.models import AnonymousUser

from sites import permissions
from sites.models import (
    AttributeDefinition,
    Consent,
    HousingEstate,
    Organization,
    Participant,
    ParticipantIdentity,
    Site,
    Study,
)
from sites.permissions import Role
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


@pytest.fixture
def everyone(study, site_a, site_b, other_site, participant_a, participant_b):
    """One participant per site of both studies."""
    return factory.make_participant(other_site.study, other_site, "R-MTL9-01")


def test_member_of_all_sites_sees_every_participant_of_their_study_only(researcher, everyone):
    assert codes(Participant.objects.visible_to(researcher)) == ["R-MTL1-01", "R-QC1-01"]


def test_site_limits_narrow_what_a_member_sees(coder, team_b, everyone):
    assert codes(Participant.objects.visible_to(coder)) == ["R-MTL1-01"]
    assert codes(Participant.objects.visible_to(team_b)) == ["R-QC1-01"]
    assert codes(Site.objects.visible_to(team_b)) == ["QC1"]


def test_a_membership_limited_to_several_sites(study, site_a, site_b, everyone):
    site_c = factory.make_site(study, "QC2")
    factory.make_participant(study, site_c, "R-QC2-01")
    user = factory.make_user()
    factory.make_membership(user, study, Role.TEAM, [site_a, site_c])
    assert codes(Participant.objects.visible_to(user)) == ["R-MTL1-01", "R-QC2-01"]


def test_study_wide_rows_ignore_site_limits(team_b, study, other_study):
    factory.make_organization(study, "Organisme ici")
    factory.make_organization(other_study, "Organisme ailleurs")
    assert list(Organization.objects.visible_to(team_b).values_list("name", flat=True)) == ["Organisme ici"]
    assert list(Study.objects.visible_to(team_b)) == [study]


def test_estates_follow_their_site(coder, site_a, site_b, other_site):
    for site in (site_a, site_b, other_site):
        factory.make_estate(site)
    assert list(HousingEstate.objects.visible_to(coder).values_list("site__code", flat=True)) == ["MTL1"]


def test_roles_in_several_studies_each_keep_their_own_scope(study, site_a, other_study, other_site, everyone):
    user = factory.make_user()
    factory.make_membership(user, study, Role.CODER, [site_a])
    factory.make_membership(user, other_study, Role.ADMIN)
    assert codes(Participant.objects.visible_to(user)) == ["R-MTL1-01", "R-MTL9-01"]
    assert codes(Participant.objects.editable_by(user)) == ["R-MTL9-01"]
    assert codes(Participant.objects.managed_by(user)) == ["R-MTL9-01"]
    assert permissions.role_in(user, study) == Role.CODER
    assert permissions.role_in(user, other_study) == Role.ADMIN


def test_edit_and_manage_need_their_roles(admin, researcher, coder, everyone):
    assert codes(Participant.objects.editable_by(researcher)) == ["R-MTL1-01", "R-QC1-01"]
    assert codes(Participant.objects.editable_by(coder)) == []
    assert codes(Participant.objects.managed_by(researcher)) == []
    assert codes(Participant.objects.managed_by(admin)) == ["R-MTL1-01", "R-QC1-01"]


def test_identities_are_for_admins_only(admin, researcher, participant_a):
    ParticipantIdentity.objects.create(participant=participant_a, full_name="Nom Fictif")
    assert ParticipantIdentity.objects.managed_by(admin).count() == 1
    assert ParticipantIdentity.objects.managed_by(researcher).count() == 0


def test_partner_sees_no_participant_only_the_portal(partner, study, everyone):
    assert not Participant.objects.visible_to(partner).exists()
    assert not Study.objects.visible_to(partner).exists()
    assert list(Study.objects.with_portal_for(partner)) == [study]


def test_outsider_sees_nothing(outsider, everyone):
    assert not Participant.objects.visible_to(outsider).exists()
    assert not Study.objects.with_portal_for(outsider).exists()
    assert permissions.grants(outsider) == ()


def test_inactive_user_sees_nothing(researcher, everyone):
    researcher.is_active = False
    assert permissions.grants(researcher) == ()
    assert not Participant.objects.visible_to(researcher).exists()
    assert not permissions.has_role(researcher, researcher.memberships.get().study, permissions.READ)


def test_anonymous_sees_nothing(everyone):
    anonymous = AnonymousUser()
    assert not Participant.objects.filter(permissions.scope_q(anonymous, permissions.READ)).exists()
    assert not Participant.objects.visible_to(anonymous).exists()
    assert not Study.objects.with_portal_for(anonymous).exists()


def test_scope_q_follows_the_paths_it_is_given(coder, study, other_study, participant_a, participant_b):
    through_participant = permissions.scope_q(
        coder, permissions.READ, study="participant__study", site="participant__site"
    )
    assert list(Consent.objects.filter(through_participant)) == [participant_a.consent]
    AttributeDefinition.objects.create(study=study, key="age", label="Âge")
    AttributeDefinition.objects.create(study=other_study, key="age", label="Âge")
    study_wide = permissions.scope_q(coder, permissions.READ, study="study", site=None)
    assert list(AttributeDefinition.objects.filter(study_wide).values_list("study", flat=True)) == [study.pk]


def test_site_helpers(coder, researcher, study, site_a, site_b):
    assert permissions.site_ids_for(coder, study) == {site_a.pk}
    assert permissions.site_ids_for(researcher, study) is None
    assert permissions.may_reach_site(coder, study, site_a.pk, permissions.READ)
    assert not permissions.may_reach_site(coder, study, site_b.pk, permissions.READ)
    assert not permissions.may_reach_site(coder, study, site_a.pk, permissions.EDIT)
    assert permissions.may_reach_site(researcher, study, site_b.pk, permissions.EDIT)


def test_grants_are_read_once_per_user_object(coder, study, django_assert_num_queries):
    permissions.forget_grants(coder)
    with django_assert_num_queries(1):
        permissions.grants(coder)
        permissions.grants(coder)
        permissions.role_in(coder, study)


def test_forget_grants_sees_a_changed_membership(coder, study):
    assert permissions.role_in(coder, study) == Role.CODER
    coder.memberships.update(role=Role.RESEARCHER)
    assert permissions.role_in(coder, study) == Role.CODER  # cached on the user object
    permissions.forget_grants(coder)
    assert permissions.role_in(coder, study) == Role.RESEARCHER
