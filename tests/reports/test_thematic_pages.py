"""The thematic-report pages: the builder, the web page, generating a file in a job, the list of files."""

import pytest
from django.urls import reverse

from reports.models import ReportDefinition, ThematicReport
from sites.models import Job

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]


def url(world, name, *args):
    return reverse(f"reports:{name}", args=[world.study.slug, *args])


def body(**fields):
    return {"title": "Rapport du milieu", "quotes": "all", "strongest_per_code": 3, "has_counts": "on", **fields}


def make_definition(world, *sites, **fields):
    definition = ReportDefinition.objects.create(
        study=world.study, title="Rapport", created_by=world.researcher, **fields
    )
    definition.sites.set(sites)
    return definition


def test_a_team_member_saves_a_definition_and_generates_a_docx_listed_with_who_and_when(
    world, team_b, login, django_capture_on_commit_callbacks
):
    client = login(team_b)
    response = client.post(url(world, "thematic_create"), body(sites=[world.site_b.pk]))
    definition = ReportDefinition.objects.get()
    assert response.status_code == 302 and list(definition.sites.all()) == [world.site_b]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(world, "thematic_generate", definition.pk), {"format": "docx"})
    job = Job.objects.get(kind="thematic_report")
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    report = ThematicReport.objects.get()
    assert (report.created_by, report.format, report.quotes, report.left_out) == (team_b, "docx", 3, 1)
    assert list(report.sites.all()) == [world.site_b]
    listing = client.get(url(world, "thematic_list")).content.decode()
    assert url(world, "thematic_download", report.pk) in listing and "team.b@example.test" in listing
    download = client.get(url(world, "thematic_download", report.pk))
    assert download["Cache-Control"] == "no-store"
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_a_coder_limited_to_a_site_cannot_include_another_one(world, login):
    response = login(world.coder).post(url(world, "thematic_create"), body(sites=[world.site_b.pk]))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = login(world.coder).post(url(world, "thematic_create"), body(is_all_sites="on"))
    assert response.status_code == 400 and "limited to some sites" in response.content.decode()
    assert not ReportDefinition.objects.exists()


def test_a_coder_limited_to_a_site_cannot_open_a_report_of_another_site(world, login):
    definition = make_definition(world, world.site_b)
    assert login(world.coder).get(url(world, "thematic_page", definition.pk)).status_code == 404
    assert login(world.coder).get(url(world, "thematic_detail", definition.pk)).status_code == 404


def test_a_partner_cannot_reach_the_builder(world, partner, login):
    client = login(partner)
    assert client.get(url(world, "thematic_list")).status_code == 404
    assert client.get(url(world, "thematic_create")).status_code == 404
    assert client.post(url(world, "thematic_create"), body(sites=[world.site_a.pk])).status_code == 404
    assert not ReportDefinition.objects.exists()


def test_a_definition_without_sites_is_refused_with_a_clear_error(world, login):
    response = login(world.researcher).post(
        url(world, "thematic_create"), body(date_from="2021-01-01", date_to="2020-01-01")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose the sites of the report, or all sites." in page
    assert "The end date comes before the start date." in page
    assert not ReportDefinition.objects.exists()


def test_a_reader_who_did_not_write_the_definition_cannot_edit_it(world, login):
    definition = make_definition(world, world.site_a)
    assert login(world.coder).get(url(world, "thematic_edit", definition.pk)).status_code == 403


def test_the_web_page_shows_every_quote_with_its_pseudonym_and_a_link_to_its_place(world, login):
    definition = make_definition(world, world.site_a)
    page = login(world.researcher).get(url(world, "thematic_page", definition.pk)).content.decode()
    for excerpt in (world.e1, world.e2, world.e3, world.e4, world.e5, world.e6, world.e7, world.e8):
        assert excerpt.quote.replace("'", "&#x27;") in page
    assert "R-MTL1-11" in page and "Marie" not in page.split('class="thematic-report"')[1]
    assert f"/interviews/{world.A1.pk}/#t-" in page


def test_the_list_and_the_web_page_take_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.researcher)
    for _n in range(3):
        definition = make_definition(world, world.site_a, world.site_b)
        ThematicReport.objects.create(definition=definition, study=world.study, format="pdf", created_by=world.admin)
    with django_assert_max_num_queries(8):
        assert client.get(url(world, "thematic_list")).status_code == 200
    with django_assert_max_num_queries(21):
        assert client.get(url(world, "thematic_page", definition.pk)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url(world, "thematic_detail", definition.pk)).status_code == 200


def test_generating_needs_a_known_format(world, login):
    definition = make_definition(world, world.site_a)
    response = login(world.researcher).post(url(world, "thematic_generate", definition.pk), {"format": "odt"})
    assert response.status_code == 302 and not Job.objects.exists()
