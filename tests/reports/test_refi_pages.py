"""The exchange page: who may export (admins, researchers, team; not coders), who may import (admins and
researchers), and the jobs behind the buttons, through the HTTP client."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coding.models import Code
from interviews.models import Interview
from sites.models import Job
from tests.reports.refi_files import (
    SOURCE_GUID,
    assert_valid,
    assert_valid_project,
    build_study,
    english,  # noqa: F401 (a fixture, used by name)
    make_qdpx,
    members,
    project_xml,
)

pytestmark = pytest.mark.usefixtures("fast_passwords", "english")

TEXT = "Le comité se réunit le mardi 😀 au local."


def page(study):
    return reverse("reports:refi_exchange", args=[study.slug])


def upload(data, name="projet.qdpx"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def staged_files(media_root):
    folder = media_root / "staging" / "refi"
    return list(folder.iterdir()) if folder.exists() else []


def test_a_researcher_sees_the_exports_and_the_import_form(login, researcher, study):
    response = login(researcher).get(page(study))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("reports:refi_project_export", args=[study.slug]) in body
    assert reverse("reports:refi_codebook_export", args=[study.slug]) in body
    assert reverse("reports:refi_import", args=[study.slug]) in body


def test_a_team_member_may_export_but_not_import(login, team_b, study):
    client = login(team_b)
    body = client.get(page(study)).content.decode()
    assert reverse("reports:refi_project_export", args=[study.slug]) in body
    assert reverse("reports:refi_import", args=[study.slug]) not in body
    response = client.post(reverse("reports:refi_import", args=[study.slug]), {"file": upload(b"PK\x03\x04")})
    assert response.status_code == 403


@pytest.mark.parametrize(("persona", "status"), [("coder", 403), ("partner", 404), ("outsider", 404)])
def test_coders_partners_and_outsiders_get_no_exchange(login, study, request, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(page(study)).status_code == status
    assert client.get(reverse("reports:refi_codebook_export", args=[study.slug])).status_code == status
    assert client.post(reverse("reports:refi_project_export", args=[study.slug])).status_code == status


def test_the_codebook_downloads_as_a_valid_qdc(login, researcher, study):
    Code.objects.create(study=study, name="Réseau 🤝", colour="#e15759", definition="Les liens.")
    response = login(researcher).get(reverse("reports:refi_codebook_export", args=[study.slug]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="etude-codebook.qdc"'
    assert_valid("codebook", response.content)
    assert "Réseau 🤝" in response.content.decode()


def test_the_export_job_attaches_a_valid_project_of_what_the_member_sees(
    login, team_b, researcher, coder, study, site_a, site_b, media_root, django_capture_on_commit_callbacks
):
    build_study(study, site_a, site_b, researcher, coder)
    client = login(team_b)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:refi_project_export", args=[study.slug]))
    job = Job.objects.get(kind="export_qdpx")
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    assert job.status == Job.Status.SUCCEEDED, job.error
    download = client.get(reverse("sites:job_download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    assert_valid_project(content)
    qde = members(content)["project.qde"].decode()
    # team_b is limited to site B: its interview goes out, site A's does not.
    assert "Groupe Paul" in qde and "Entretien Marie" not in qde
    assert job.result["summary"].startswith("Exported: 1 interview, 2 excerpts")


def test_an_import_runs_as_a_job_and_reports_what_it_did(
    login, researcher, study, site_a, media_root, django_capture_on_commit_callbacks
):
    archive = make_qdpx({"project.qde": project_xml([(3, 9)]), f"sources/{SOURCE_GUID}.txt": TEXT})
    with django_capture_on_commit_callbacks(execute=True):
        response = login(researcher).post(
            reverse("reports:refi_import", args=[study.slug]), {"file": upload(archive), "site": site_a.pk}
        )
    job = Job.objects.get(kind="import_qdpx")
    assert response.url == reverse("sites:job_detail", args=[job.pk])
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert Interview.objects.get(study=study).site == site_a
    assert "1 interview," in job.result["summary"]
    assert any("Quelqu'un d'ailleurs" in entry["name"] for entry in job.result["entries"])
    assert staged_files(media_root) == []
    page_body = login(researcher).get(reverse("sites:job_detail", args=[job.pk])).content.decode()
    assert "Quelqu&#x27;un d&#x27;ailleurs" in page_body


def test_a_dry_run_reports_and_stores_nothing(
    login, researcher, study, site_a, media_root, django_capture_on_commit_callbacks
):
    archive = make_qdpx({"project.qde": project_xml([(3, 9)]), f"sources/{SOURCE_GUID}.txt": TEXT})
    with django_capture_on_commit_callbacks(execute=True):
        login(researcher).post(
            reverse("reports:refi_import", args=[study.slug]),
            {"file": upload(archive), "site": site_a.pk, "dry_run": "on"},
        )
    job = Job.objects.get(kind="import_qdpx")
    assert job.status == Job.Status.SUCCEEDED
    assert job.result["summary"].startswith("Dry run")
    assert not Interview.objects.filter(study=study).exists() and not Code.objects.filter(study=study).exists()


def test_a_hostile_upload_fails_its_job_with_the_reason_and_leaves_nothing(
    login, researcher, study, site_a, media_root, django_capture_on_commit_callbacks
):
    xml = project_xml([(3, 9)]).replace("<Project", '<!DOCTYPE Project [<!ENTITY x "y">]><Project', 1)
    archive = make_qdpx({"project.qde": xml, f"sources/{SOURCE_GUID}.txt": TEXT})
    with django_capture_on_commit_callbacks(execute=True):
        login(researcher).post(
            reverse("reports:refi_import", args=[study.slug]), {"file": upload(archive), "site": site_a.pk}
        )
    job = Job.objects.get(kind="import_qdpx")
    assert job.status == Job.Status.FAILED
    assert "DOCTYPE" in job.error
    assert staged_files(media_root) == []
    assert not Code.objects.filter(study=study).exists()


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "vide.qdpx", "The submitted file is empty."),
        (b"<CodeBook/>", "codes.txt", "Choose a .qdpx project or a .qdc codebook."),
        (b"<CodeBook/>", "codes.qdpx", "A .qdpx file is a zip archive; this one is not."),
    ],
)
def test_an_invalid_upload_re_renders_the_form_with_its_error(login, researcher, study, media_root, data, name, error):
    response = login(researcher).post(reverse("reports:refi_import", args=[study.slug]), {"file": upload(data, name)})
    assert response.status_code == 400
    assert error in " ".join(response.context["form"].errors["file"]) or error in response.content.decode()
    assert not Job.objects.exists() and staged_files(media_root) == []


def test_a_site_the_researcher_may_not_edit_is_not_offered(login, researcher, study, site_a, site_b, other_site):
    body = login(researcher).get(page(study)).content.decode()
    assert f'value="{site_a.pk}"' in body and f'value="{other_site.pk}"' not in body
