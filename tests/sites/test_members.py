"""Study members: admins invite, change roles and site limits, and remove; nobody else manages them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sites.models import Membership
from sites.permissions import Role
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def list_url(study):
    return reverse("sites:member_list", args=[study.slug])


def invite_url(study):
    return reverse("sites:member_invite", args=[study.slug])


def edit_url(membership):
    return reverse("sites:member_edit", args=[membership.study.slug, membership.pk])


def remove_url(membership):
    return reverse("sites:member_remove", args=[membership.study.slug, membership.pk])


def membership_of(user):
    return Membership.objects.get(user=user)


def test_admin_sees_every_member_with_role_and_sites(login, admin, coder, team_b, study):
    html = login(admin).get(list_url(study)).content.decode()
    assert "coder@example.test" in html and "team.b@example.test" in html
    assert "MTL1" in html and "QC1" in html


def test_invite_creates_the_account_and_mails_a_password_link(
    login, admin, study, site_b, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(admin).post(
            invite_url(study), {"email": "New.Person@Example.test", "role": Role.TEAM, "sites": [site_b.pk]}
        )
    user = get_user_model().objects.get(email="new.person@example.test")
    membership = membership_of(user)
    assert response.status_code == 302
    assert response.url == list_url(study)
    assert (membership.study, membership.role, list(membership.sites.all())) == (study, Role.TEAM, [site_b])
    assert not user.has_usable_password()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new.person@example.test"]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_inviting_an_existing_account_reuses_it(login, admin, study, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        login(admin).post(invite_url(study), {"email": outsider.email, "role": Role.RESEARCHER})
    assert membership_of(outsider).role == Role.RESEARCHER
    assert get_user_model().objects.filter(email=outsider.email).count() == 1


def test_inviting_a_member_twice_is_refused(login, admin, coder, study):
    before = list(Membership.objects.values_list("pk", "role"))
    response = login(admin).post(invite_url(study), {"email": "CODER@example.test", "role": Role.ADMIN})
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert list(Membership.objects.values_list("pk", "role")) == before


def test_invalid_invitation_re_renders_in_french_and_sends_nothing(
    login, admin, study, mailoutbox, django_capture_on_commit_callbacks
):
    users = get_user_model().objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(admin).post(invite_url(study), {"email": "", "role": "king"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert set(response.context["form"].errors) == {"email", "role"}
    assert get_user_model().objects.count() == users and mailoutbox == []


def test_admin_changes_a_role_and_its_site_limits(login, admin, coder, study, site_b):
    response = login(admin).post(edit_url(membership_of(coder)), {"role": Role.TEAM, "sites": [site_b.pk]})
    membership = membership_of(coder)
    assert response.status_code == 302
    assert (membership.role, list(membership.sites.all())) == (Role.TEAM, [site_b])


def test_emptying_site_limits_opens_every_site(login, admin, coder, study):
    login(admin).post(edit_url(membership_of(coder)), {"role": Role.CODER})
    assert not membership_of(coder).sites.exists()


def test_site_of_another_study_is_not_a_choice(login, admin, coder, study, other_site):
    response = login(admin).post(edit_url(membership_of(coder)), {"role": Role.CODER, "sites": [other_site.pk]})
    assert response.status_code == 400
    assert "sites" in response.context["form"].errors
    assert [s.code for s in membership_of(coder).sites.all()] == ["MTL1"]


def test_admin_removes_a_member(login, admin, team_b, study):
    response = login(admin).post(remove_url(membership_of(team_b)))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=team_b).exists()
    assert get_user_model().objects.filter(pk=team_b.pk).exists()  # the account stays, only the access goes


def test_admin_cannot_remove_themselves(login, admin, study):
    client = login(admin)
    response = client.post(remove_url(membership_of(admin)), follow=True)
    assert Membership.objects.filter(user=admin, study=study).exists()
    assert "message--error" in response.content.decode()
    assert remove_url(membership_of(admin)) not in client.get(list_url(study)).content.decode()


def test_removed_member_loses_access_at_once(login, admin, team_b, study):
    login(admin).post(remove_url(membership_of(team_b)))
    assert login(team_b).get(reverse("sites:study_dashboard", args=[study.slug])).status_code == 404


def test_other_members_get_403(login, researcher, coder, team_b, study):
    target = membership_of(coder)
    for user in (researcher, coder, team_b):
        client = login(user)
        assert client.get(list_url(study)).status_code == 403
        assert client.post(invite_url(study), {"email": "x@example.test", "role": Role.ADMIN}).status_code == 403
        assert client.post(edit_url(target), {"role": Role.ADMIN}).status_code == 403
        assert client.post(remove_url(target)).status_code == 403
    assert membership_of(coder).role == Role.CODER
    assert not get_user_model().objects.filter(email="x@example.test").exists()


def test_admin_of_another_study_gets_404(login, other_admin, coder, study):
    client = login(other_admin)
    assert client.get(list_url(study)).status_code == 404
    assert client.post(remove_url(membership_of(coder))).status_code == 404
    assert Membership.objects.filter(user=coder).exists()


def test_membership_of_another_study_is_404_for_an_admin(login, admin, other_admin):
    other = membership_of(other_admin)
    url = reverse("sites:member_remove", args=["etude", other.pk])
    assert login(admin).post(url).status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_navigation_shows_members_to_admins_only(login, admin, researcher, study):
    dashboard = reverse("sites:study_dashboard", args=[study.slug])
    assert list_url(study) in login(admin).get(dashboard).content.decode()
    assert list_url(study) not in login(researcher).get(dashboard).content.decode()


def test_a_new_admin_can_manage_at_once(login, admin, study):
    second = factory.make_user("second.admin@example.test")
    factory.make_membership(second, study, Role.ADMIN)
    assert login(second).get(list_url(study)).status_code == 200
