"""The participant CSV export: a job that lists only what its owner may see, safe to open in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse

from hlmstudy.celery import app as celery_app
from sites.models import Job, ParticipantIdentity
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def in_process(settings, tmp_path, monkeypatch):
    """Run the task in this process (whatever REDIS_URL says) and keep its file out of var/media."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


@pytest.fixture
def formula(study, site_a):
    return factory.make_participant(study, site_a, "R-MTL1-02", role_title='=HYPERLINK("http://example.test")')


def export(client, study, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sites:participant_export", args=[study.slug]), data)
    job = Job.objects.latest("pk")
    assert response.status_code == 302
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    return job


def download(client, job):
    response = client.get(reverse("sites:job_download", args=[job.pk]))
    if response.status_code != 200:
        return response, None
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # read to the end, which closes the file
    return response, list(csv.reader(io.StringIO(text)))


def test_export_lists_the_participants_with_a_header(
    login, researcher, study, participant_a, participant_b, django_capture_on_commit_callbacks
):
    client = login(researcher)
    job = export(client, study, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    response, rows = download(client, job)
    assert (job.status, job.progress, job.result) == (Job.Status.SUCCEEDED, 100, {"rows": 2})
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    assert [row[0] for row in rows] == ["Code pseudonyme", "R-MTL1-01", "R-QC1-01"]  # headers in French, the default
    assert rows[1][2] == "MTL1" and rows[1][6] == "2019-03-01"


def test_site_limited_member_exports_only_their_site(
    login, coder, study, participant_a, participant_b, formula, django_capture_on_commit_callbacks
):
    client = login(coder)
    _, rows = download(client, export(client, study, django_capture_on_commit_callbacks))
    assert [row[0] for row in rows[1:]] == ["R-MTL1-01", "R-MTL1-02"]
    assert "QC1" not in {cell for row in rows for cell in row}


def test_export_of_one_site(
    login, researcher, study, site_b, participant_a, participant_b, django_capture_on_commit_callbacks
):
    client = login(researcher)
    _, rows = download(client, export(client, study, django_capture_on_commit_callbacks, site=site_b.pk))
    assert [row[0] for row in rows[1:]] == ["R-QC1-01"]


def test_a_site_out_of_reach_is_404_and_starts_no_job(login, coder, study, site_b, other_site):
    client = login(coder)
    url = reverse("sites:participant_export", args=[study.slug])
    assert client.post(url, {"site": site_b.pk}).status_code == 404
    assert client.post(url, {"site": other_site.pk}).status_code == 404
    assert client.post(url, {"site": "abc"}).status_code == 404
    assert not Job.objects.exists()


def test_formula_looking_cells_are_neutralised(login, researcher, study, formula, django_capture_on_commit_callbacks):
    client = login(researcher)
    _, rows = download(client, export(client, study, django_capture_on_commit_callbacks))
    assert rows[1][0] == "R-MTL1-02"
    assert rows[1][5] == '\'=HYPERLINK("http://example.test")'


def test_identities_never_reach_the_export(login, admin, study, participant_a, django_capture_on_commit_callbacks):
    ParticipantIdentity.objects.create(participant=participant_a, full_name="Nom Réel Fictif")
    client = login(admin)
    _, rows = download(client, export(client, study, django_capture_on_commit_callbacks))
    assert "Nom Réel Fictif" not in str(rows)


def test_only_the_owner_downloads_or_sees_the_job(
    login, researcher, admin, study, participant_a, django_capture_on_commit_callbacks
):
    job = export(login(researcher), study, django_capture_on_commit_callbacks)
    client = login(admin)  # even an admin of the study: the file is its owner's
    assert client.get(reverse("sites:job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("sites:job_detail", args=[job.pk])).status_code == 404


def test_unfinished_job_has_nothing_to_download(login, researcher, study):
    job = Job.objects.create(kind="export_participants", owner=researcher, study=study)
    assert login(researcher).get(reverse("sites:job_download", args=[job.pk])).status_code == 404


def test_job_page_shows_the_download_and_htmx_gets_the_progress_fragment(
    login, researcher, study, participant_a, django_capture_on_commit_callbacks
):
    client = login(researcher)
    job = export(client, study, django_capture_on_commit_callbacks)
    url = reverse("sites:job_detail", args=[job.pk])
    assert reverse("sites:job_download", args=[job.pk]) in client.get(url).content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="job-progress"')
    assert "<html" not in fragment and "hx-trigger" not in fragment  # finished: polling stops


def test_pending_job_keeps_polling(login, researcher, study):
    job = Job.objects.create(kind="export_participants", owner=researcher, study=study)
    fragment = login(researcher).get(reverse("sites:job_detail", args=[job.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in fragment.content.decode()


def test_partner_and_outsider_cannot_export(login, partner, outsider, study, participant_a):
    url = reverse("sites:participant_export", args=[study.slug])
    assert login(partner).post(url).status_code == 404
    assert login(outsider).post(url).status_code == 404
    assert not Job.objects.exists()
