"""The participant list: filters, pagination, the htmx fragment, and its query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sites.views.participants import PAGE_SIZE
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def organization(study):
    return factory.make_organization(study, "Office municipal fictif", acronym="OMF", kind="housing_office")


@pytest.fixture
def people(study, site_a, site_b, organization):
    return {
        "a_resident": factory.make_participant(study, site_a, "R-MTL1-01"),
        "a_partner": factory.make_participant(study, site_a, "P-MTL1-01", kind="partner", organization=organization),
        "b_resident": factory.make_participant(study, site_b, "R-QC1-01"),
        "b_partner": factory.make_participant(study, site_b, "P-QC1-01", kind="partner", organization=organization),
    }


def listed(client, study, **params):
    response = client.get(reverse("sites:participant_list", args=[study.slug]), params)
    assert response.status_code == 200
    return [p.code for p in response.context["page"]]


def test_lists_every_participant_in_code_order(login, researcher, study, people, other_site):
    factory.make_participant(other_site.study, other_site, "R-MTL9-01")
    assert listed(login(researcher), study) == ["P-MTL1-01", "P-QC1-01", "R-MTL1-01", "R-QC1-01"]


def test_filters_by_site(login, researcher, study, site_b, people):
    assert listed(login(researcher), study, site=site_b.pk) == ["P-QC1-01", "R-QC1-01"]


def test_filters_by_kind(login, researcher, study, people):
    assert listed(login(researcher), study, kind="partner") == ["P-MTL1-01", "P-QC1-01"]


def test_filters_by_organisation(login, researcher, study, organization, people):
    assert listed(login(researcher), study, organization=organization.pk) == ["P-MTL1-01", "P-QC1-01"]


def test_searches_the_code_ignoring_case(login, researcher, study, people):
    assert listed(login(researcher), study, q="qc1") == ["P-QC1-01", "R-QC1-01"]


def test_filters_combine(login, researcher, study, site_a, people):
    assert listed(login(researcher), study, site=site_a.pk, kind="resident") == ["R-MTL1-01"]


def test_site_limited_member_sees_only_their_site(login, coder, study, people):
    assert listed(login(coder), study) == ["P-MTL1-01", "R-MTL1-01"]


def test_filtering_on_a_site_out_of_reach_shows_nothing_of_it(login, coder, study, site_b, people):
    client = login(coder)
    assert listed(client, study, site=site_b.pk) == ["P-MTL1-01", "R-MTL1-01"]
    response = client.get(reverse("sites:participant_list", args=[study.slug]))
    assert "QC1" not in response.content.decode()


def test_paginates_and_keeps_the_filters_in_page_links(login, researcher, study, site_a):
    for index in range(PAGE_SIZE + 10):
        factory.make_participant(study, site_a, f"R-MTL1-{index:03d}")
    client = login(researcher)
    assert len(listed(client, study, kind="resident")) == PAGE_SIZE
    assert listed(client, study, kind="resident", page=2) == [
        f"R-MTL1-{i:03d}" for i in range(PAGE_SIZE, PAGE_SIZE + 10)
    ]
    html = client.get(reverse("sites:participant_list", args=[study.slug]), {"kind": "resident"}).content.decode()
    assert "?kind=resident&amp;page=2" in html


def test_htmx_request_gets_only_the_results_fragment(login, researcher, study, people):
    url = reverse("sites:participant_list", args=[study.slug])
    response = login(researcher).get(url, {"kind": "partner"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="results"')
    assert "<html" not in html and 'class="filters"' not in html
    assert "P-MTL1-01" in html and "R-MTL1-01" not in html


def test_outsider_and_partner_get_404(login, outsider, partner, study):
    url = reverse("sites:participant_list", args=[study.slug])
    assert login(outsider).get(url).status_code == 404
    assert login(partner).get(url).status_code == 404


def test_add_button_only_for_editors(login, researcher, team_b, study):
    create = reverse("sites:participant_create", args=[study.slug])
    url = reverse("sites:participant_list", args=[study.slug])
    assert create in login(researcher).get(url).content.decode()
    assert create not in login(team_b).get(url).content.decode()


def add_participants(study, sites, organization, n, start):
    for index in range(start, start + n):
        factory.make_participant(
            study, sites[index % 2], f"R-{index:03d}", organization=organization if index % 3 else None
        )


def test_query_count_does_not_grow_with_participants(
    login, researcher, study, site_a, site_b, organization, django_assert_max_num_queries
):
    client = login(researcher)
    url = reverse("sites:participant_list", args=[study.slug])
    add_participants(study, [site_a, site_b], organization, 30, start=0)
    with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as with_30:
        assert len(client.get(url).context["page"]) == 30
    add_participants(study, [site_a, site_b], organization, 30, start=30)
    with CaptureQueriesContext(connection) as with_60:
        assert len(client.get(url).context["page"]) == PAGE_SIZE
    assert len(with_60) == len(with_30)
