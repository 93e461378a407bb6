"""The study dashboard: participants counted per site and per kind, within the sites the user may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sites.models import Participant
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

KINDS = [kind for kind, _ in Participant.KIND_CHOICES]  # partner, resident, field_worker, researcher


@pytest.fixture
def counted(study, site_a, site_b, other_site):
    """Site A: 2 partners, 3 residents, 1 field worker. Site B: 2 partners, 1 resident. The other study: 1."""
    for kind, n in (("partner", 2), ("resident", 3), ("field_worker", 1)):
        for _ in range(n):
            factory.make_participant(study, site_a, kind=kind)
    for kind, n in (("partner", 2), ("resident", 1)):
        for _ in range(n):
            factory.make_participant(study, site_b, kind=kind)
    factory.make_participant(other_site.study, other_site, kind="resident")
    factory.make_estate(site_a, "Ensemble A1")
    factory.make_estate(site_a, "Ensemble A2")
    factory.make_estate(site_b, "Ensemble B1")


def dashboard(client, study):
    return client.get(reverse("sites:study_dashboard", args=[study.slug]))


def table(response):
    return {row["site"].code: row["counts"] for row in response.context["rows"]}


def test_dashboard_counts_participants_per_site_and_kind(login, researcher, study, counted):
    response = dashboard(login(researcher), study)
    assert response.status_code == 200
    assert KINDS == ["partner", "resident", "field_worker", "researcher"]
    assert table(response) == {"MTL1": [2, 3, 1, 0], "QC1": [2, 1, 0, 0]}
    assert response.context["totals"] == [4, 4, 1, 0]
    assert response.context["grand_total"] == 9
    assert response.context["estate_count"] == 3
    assert [row["total"] for row in response.context["rows"]] == [6, 3]


def test_dashboard_page_shows_the_totals(login, researcher, study, counted):
    html = dashboard(login(researcher), study).content.decode()
    assert '<td class="num">9</td>' in html
    assert "MTL1" in html and "QC1" in html


def test_site_limited_member_counts_only_their_sites(login, team_b, study, counted):
    response = dashboard(login(team_b), study)
    assert table(response) == {"QC1": [2, 1, 0, 0]}
    assert response.context["grand_total"] == 3
    assert response.context["estate_count"] == 1
    assert "MTL1" not in response.content.decode()


def test_coder_of_site_a_counts_only_site_a(login, coder, study, counted):
    response = dashboard(login(coder), study)
    assert table(response) == {"MTL1": [2, 3, 1, 0]}
    assert response.context["grand_total"] == 6


def test_outsider_and_partner_get_404(login, outsider, partner, study):
    assert dashboard(login(outsider), study).status_code == 404
    assert dashboard(login(partner), study).status_code == 404


def test_edit_links_only_for_editors(login, researcher, team_b, study):
    create = reverse("sites:participant_create", args=[study.slug])
    assert create in dashboard(login(researcher), study).content.decode()
    assert create not in dashboard(login(team_b), study).content.decode()


def add_participants(study, sites, n):
    for index in range(n):
        factory.make_participant(study, sites[index % len(sites)], kind=KINDS[index % 3])


def test_dashboard_query_count_does_not_grow_with_participants(
    login, researcher, study, site_a, site_b, django_assert_max_num_queries
):
    client = login(researcher)
    add_participants(study, [site_a, site_b], 30)
    with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as with_30:
        assert dashboard(client, study).status_code == 200
    add_participants(study, [site_a, site_b], 30)
    with CaptureQueriesContext(connection) as with_60:
        assert dashboard(client, study).context["grand_total"] == 60
    assert len(with_60) == len(with_30)
