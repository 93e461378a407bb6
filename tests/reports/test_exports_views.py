"""The export pages and downloads: who may export what, the filters, the Job for a large selection."""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from reports import exports
from reports.tasks import export_codings as export_codings_task
from sites import jobs
from sites.models import Job
from tests import factory
from tests.reports import export_fixtures

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def world(study, site_a, site_b, researcher, coder, participant_a, participant_b):
    return export_fixtures.build(
        study,
        site_a,
        site_b,
        researcher=researcher,
        coder=coder,
        participant_a=participant_a,
        participant_b=participant_b,
    )


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def codings_url(query=""):
    return reverse("reports:export_codings", args=["etude"]) + (f"?{query}" if query else "")


def matrix_url(query):
    return reverse("reports:export_matrix", args=["etude"]) + f"?{query}"


def csv_rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    return rows


def xlsx_rows(content, sheet=None):
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = list((book[sheet] if sheet else book.worksheets[0]).values)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_a_small_selection_downloads_at_once(world, login, english, researcher):
    response = login(researcher).get(codings_url("format=csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="codings-etude-')
    assert response["Cache-Control"] == "no-store"
    rows = csv_rows(response)
    assert len(rows) == 5
    assert {row["Code"] for row in rows} == {"Réseau > Comité", "Lieux"}


def test_the_xlsx_download_holds_every_coding(world, login, english, researcher):
    response = login(researcher).get(codings_url("format=xlsx"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Cache-Control"] == "no-store"
    rows = xlsx_rows(response.content, "Codings")
    assert sorted(row["Coding"] for row in rows) == sorted(
        world.study.interviews.values_list("excerpts__codings", flat=True)
    )


@pytest.mark.parametrize(
    ("query", "quotes"),
    [
        ("code={lieux}", {"Depuis quand ?", "des locaux trop petits", "Le local communautaire"}),
        ("code={reseau}&include_subcodes=on", {"comité café réunit les résidents"}),
        ("site={site_b}", {"Le local communautaire"}),
        ("interview_kind=group", {"Le local communautaire"}),
        ("speaker=no_interviewer&site={site_a}", {"comité café réunit les résidents", "des locaux trop petits"}),
        ("participant_kind=partner", {"des locaux trop petits"}),
        ("date_from=2019-06-01&date_to=2019-12-31", {"des locaux trop petits"}),
    ],
)
def test_the_retrieval_filters_apply(world, login, english, researcher, query, quotes):
    ids = {"lieux": world.lieux.pk, "reseau": world.reseau.pk, "site_a": world.site_a.pk, "site_b": world.site_b.pk}

    rows = csv_rows(login(researcher).get(codings_url(query.format(**ids) + "&format=csv")))

    assert {row["Quote"] for row in rows} == quotes


def test_the_coder_filter_applies(world, login, english, researcher, coder):
    rows = csv_rows(login(researcher).get(codings_url(f"coder={coder.pk}&format=csv")))

    assert {row["Coder"] for row in rows} == {coder.email}
    assert len(rows) == 2


@pytest.mark.parametrize(("persona", "sites"), [("coder", {"MTL1"}), ("team_b", {"QC1"}), ("admin", {"MTL1", "QC1"})])
def test_a_member_limited_to_some_sites_exports_only_theirs(world, login, english, request, persona, sites):
    client = login(request.getfixturevalue(persona))

    rows = csv_rows(client.get(codings_url("format=csv")))
    sheet = xlsx_rows(client.get(codings_url("format=xlsx")).content)

    assert {row["Site"] for row in rows} == {row["Site"] for row in sheet} == sites


def test_a_filter_on_a_site_out_of_reach_is_refused(world, login, english, team_b):
    response = login(team_b).get(codings_url(f"site={world.site_a.pk}&format=csv"))

    assert response.status_code == 400
    assert not response.has_header("Content-Disposition")


@pytest.mark.parametrize("persona", ["partner", "outsider", "other_admin"])
def test_who_may_not_read_the_study_gets_404(world, login, request, persona):
    client = login(request.getfixturevalue(persona))

    assert client.get(codings_url("format=csv")).status_code == 404
    assert client.get(matrix_url("axis=site")).status_code == 404
    assert client.get(reverse("reports:export_index", args=["etude"])).status_code == 404


def test_without_a_format_the_page_offers_the_files(world, login, english, researcher):
    response = login(researcher).get(codings_url(f"code={world.lieux.pk}"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "This selection holds 3 codings." in body
    assert f"code={world.lieux.pk}&amp;format=xlsx" in body


@pytest.mark.parametrize("query", ["format=pdf", "date_from=2020-01-01&date_to=2019-01-01&format=csv", "code=abc"])
def test_invalid_choices_re_render_with_errors(world, login, english, researcher, query):
    response = login(researcher).get(codings_url(query))

    assert response.status_code == 400
    assert not response.has_header("Content-Disposition")
    assert 'role="alert"' in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_rows(world, login, researcher):
    client = login(researcher)
    client.get(codings_url("format=xlsx"))  # sessions, grants and caches warmed
    with CaptureQueriesContext(connection) as few:
        assert client.get(codings_url("format=xlsx")).status_code == 200
    for start in range(0, 30, 3):
        factory.make_excerpt(world.A1, start, start + 2, codes=[world.lieux, world.comite], coder=researcher)
    with CaptureQueriesContext(connection) as many:
        response = client.get(codings_url("format=xlsx"))

    assert len(xlsx_rows(response.content)) == 25
    assert len(many) == len(few) <= 18


@pytest.fixture
def low_limit(monkeypatch):
    """Exports above two codings go to a Job."""
    from reports.views import exports as views

    monkeypatch.setattr(views, "DIRECT_LIMIT", 2)


def test_a_large_selection_is_offered_as_a_job_and_a_get_starts_nothing(world, login, english, researcher, low_limit):
    response = login(researcher).get(codings_url("format=xlsx"))

    assert response.status_code == 200
    assert not response.has_header("Content-Disposition")
    assert 'method="post"' in response.content.decode()
    assert not Job.objects.exists()


def test_a_large_export_runs_as_a_job_whose_file_only_its_owner_downloads(
    world, login, client, english, researcher, admin, low_limit, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(researcher).post(codings_url(f"code={world.lieux.pk}"), {"format": "xlsx"})

    job = Job.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    assert (job.kind, job.owner, job.status) == ("export_codings", researcher, Job.Status.SUCCEEDED)
    assert job.params["query"] == f"code={world.lieux.pk}"
    download = reverse("sites:job_download", args=[job.pk])
    file = client.get(download)
    assert file.status_code == 200 and file["Cache-Control"] == "no-store"
    rows = xlsx_rows(b"".join(file.streaming_content))
    assert {row["Quote"] for row in rows} == {"Depuis quand ?", "des locaux trop petits", "Le local communautaire"}
    client.force_login(admin)
    assert client.get(download).status_code == 404


def test_the_job_writes_only_what_its_owner_may_read(
    world, login, english, team_b, low_limit, media_root, django_capture_on_commit_callbacks
):
    factory.make_excerpt(world.B1, 0, 3, codes=[world.lieux], coder=world.researcher)
    factory.make_excerpt(world.B1, 4, 8, codes=[world.lieux], coder=world.researcher)
    with django_capture_on_commit_callbacks(execute=True):
        login(team_b).post(codings_url(), {"format": "csv"})

    job = Job.objects.get()
    with job.result_file.open("rb") as file:
        rows = list(csv.DictReader(io.StringIO(file.read().decode("utf-8-sig"))))
    assert job.result["rows"] == len(rows) == 3
    assert {row["Site"] for row in rows} == {"QC1"}


def test_a_matrix_downloads_as_a_workbook_with_a_sheet_per_measure(world, login, english, researcher):
    response = login(researcher).get(matrix_url("axis=site&format=xlsx"))

    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Excerpts", "Share of interviews", "Participants", "Excerpts per 10,000 words"]
    rows = xlsx_rows(response.content, "Excerpts")
    assert [row["Code"] for row in rows] == ["Réseau", "Réseau > Comité", "Lieux"]
    lieux = rows[2]
    assert (lieux["MTL1 — Milieu Rivière"], lieux["QC1 — Milieu Colline"]) == (2, 1)
    assert all(isinstance(value, int | float) for row in rows for key, value in row.items() if key != "Code")


def test_a_matrix_of_one_measure_as_csv(world, login, english, researcher):
    response = login(researcher).get(matrix_url("axis=participant_kind&measure=excerpts&format=csv"))

    rows = csv_rows(response)
    assert response["Content-Disposition"].startswith('attachment; filename="matrix-participant_kind-excerpts-etude-')
    assert [row["Code"] for row in rows] == ["Réseau", "Réseau > Comité", "Lieux"]
    assert rows[2]["Resident"] == "1" and rows[2]["Partner"] == "1"


def test_a_member_limited_to_a_site_gets_only_its_column(world, login, english, team_b):
    rows = xlsx_rows(login(team_b).get(matrix_url("axis=site&measure=excerpts")).content)

    assert set(rows[0]) == {"Code", "QC1 — Milieu Colline"}


def test_an_invalid_matrix_choice_re_renders_the_page(world, login, english, researcher):
    response = login(researcher).get(matrix_url("axis=planet&format=xlsx"))

    assert response.status_code == 400
    assert "form-errors" in response.content.decode()


def test_the_exports_page_lists_the_options(world, login, english, team_b):
    response = login(team_b).get(reverse("reports:export_index", args=["etude"]))

    assert response.status_code == 200
    body = response.content.decode()
    assert codings_url("format=csv") in body and codings_url("format=xlsx") in body
    assert reverse("reports:export_matrix", args=["etude"]) in body
    assert 'aria-current="page">Exports' in body


def test_headers_and_sheet_follow_the_readers_language(world, login, researcher):
    response = login(researcher).get(codings_url("format=xlsx"))  # no language chosen: French

    book = openpyxl.load_workbook(io.BytesIO(response.content))
    header = next(book.worksheets[0].values)
    with translation.override("fr-ca"):
        expected = [translation.gettext(text) for text in ("Site", "Housing estate", "Quote")]
        sheet = translation.gettext("Codings")
    assert expected != ["Site", "Housing estate", "Quote"], "the French catalogue lost these words"
    assert book.sheetnames == [sheet]
    assert {*expected} <= set(header)


def test_a_job_whose_filters_went_out_of_reach_fails_with_a_reason(world, team_b, media_root):
    job = jobs.enqueue(
        export_codings_task,
        kind="export_codings",
        owner=team_b,
        study=world.study,
        params={"language": "en", "query": f"site={world.site_a.pk}", "format": "csv"},
    )
    jobs.run(job.pk, exports.export_codings)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "no longer valid" in job.error
    assert not job.result_file
