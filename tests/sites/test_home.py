"""The home page sends each person where their work is."""

import pytest
from django.urls import reverse

from sites.permissions import Role
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def test_member_of_one_study_lands_on_its_dashboard(login, team_b, study):
    response = login(team_b).get(reverse("sites:home"))
    assert response.status_code == 302
    assert response.url == reverse("sites:study_dashboard", args=[study.slug])


def test_partner_lands_on_the_portal(login, partner):
    response = login(partner).get(reverse("sites:home"))
    assert response.url == reverse("reports:portal")
    assert login(partner).get(response.url).status_code == 200


def test_member_of_two_studies_chooses(login, researcher, study, other_study):
    factory.make_membership(researcher, other_study, Role.TEAM)
    response = login(researcher).get(reverse("sites:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("sites:study_dashboard", args=[study.slug]) in html
    assert reverse("sites:study_dashboard", args=[other_study.slug]) in html


def test_outsider_is_told_to_ask_for_an_invitation(login, outsider):
    response = login(outsider).get(reverse("sites:home"))
    assert response.status_code == 200
    assert response.context["studies"] == []


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("sites:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
