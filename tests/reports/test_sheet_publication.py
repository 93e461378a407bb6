"""Publishing a synthesis sheet: through the job, frozen as immutable versions, blocked by evidence problems,
withdrawn off the portal; and hostile Markdown printed end to end."""

import datetime
import hashlib
import io
import socket
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from coding import services as coding
from reports import services
from reports.models import SheetVersion, SynthesisSheet
from sites.models import Consent, Job
from tests.reports.sheet_fixtures import QUOTE, build_sheet

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def written(study, site_a, participant_a, researcher, media):
    return build_sheet(study, site_a, participant_a, researcher=researcher)


def _publish(client, sheet, capture):
    url = reverse("reports:sheet_publish", kwargs={"study": sheet.study.slug, "pk": sheet.pk})
    with capture(execute=True):
        return client.post(url)


def _download(client, sheet):
    response = client.get(reverse("reports:portal_sheet_pdf", kwargs={"pk": sheet.pk}))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def _text(pdf):
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_publishing_runs_a_job_that_freezes_html_and_pdf_with_its_sha256(
    written, login, researcher, partner, django_capture_on_commit_callbacks
):
    client = login(researcher)
    response = _publish(client, written.sheet, django_capture_on_commit_callbacks)

    job = Job.objects.get(kind="sheet_publish")
    assert response.status_code == 302 and response.url == reverse("sites:job_detail", kwargs={"pk": job.pk})
    assert job.status == Job.Status.SUCCEEDED, job.error
    version = SheetVersion.objects.get(sheet=written.sheet)
    pdf = version.pdf.read()
    assert version.number == 1 and version.sha256 == hashlib.sha256(pdf).hexdigest()
    assert QUOTE in version.html and "Résident·e, milieu 1" in version.html
    text = _text(pdf)
    assert "Fiche d'essai" in text and "Page 1 sur" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Fiche d'essai" and reader.trailer["/Root"]["/Lang"] == "fr-CA"
    written.sheet.refresh_from_db()
    assert written.sheet.status == SynthesisSheet.Status.PUBLISHED


def test_every_download_of_a_published_version_is_byte_identical_and_never_cached(
    written, login, researcher, partner, django_capture_on_commit_callbacks, client
):
    _publish(login(researcher), written.sheet, django_capture_on_commit_callbacks)
    version = SheetVersion.objects.get(sheet=written.sheet)
    team_url = reverse(
        "reports:version_pdf", kwargs={"study": written.sheet.study.slug, "pk": written.sheet.pk, "number": 1}
    )
    team_copy = b"".join(client.get(team_url).streaming_content)

    client.force_login(partner)
    first_response, first = _download(client, written.sheet)
    _second_response, second = _download(client, written.sheet)

    assert first == second == team_copy
    assert hashlib.sha256(first).hexdigest() == version.sha256
    assert first_response["Cache-Control"] == "no-store"
    assert first_response["Content-Type"] == "application/pdf"


def test_publishing_again_makes_the_next_version_and_keeps_the_first(
    written, login, researcher, partner, django_capture_on_commit_callbacks
):
    client = login(researcher)
    _publish(client, written.sheet, django_capture_on_commit_callbacks)
    first = SheetVersion.objects.get(sheet=written.sheet)
    first_bytes = first.pdf.read()
    section = written.sheet.sections.get(order=0)
    section.body = "Un résumé ajouté après la première publication."
    section.save()
    _publish(client, written.sheet, django_capture_on_commit_callbacks)

    versions = list(SheetVersion.objects.filter(sheet=written.sheet).order_by("number"))
    assert [version.number for version in versions] == [1, 2]
    assert versions[0].pdf.read() == first_bytes and versions[0].withdrawn_at is not None
    assert "Un résumé ajouté" in versions[1].html and "Un résumé ajouté" not in versions[0].html
    client.force_login(partner)
    _response, served = _download(client, written.sheet)
    assert hashlib.sha256(served).hexdigest() == versions[1].sha256


def test_a_quote_of_a_participant_who_withdrew_blocks_publishing(
    written, participant_a, login, researcher, django_capture_on_commit_callbacks
):
    Consent.objects.filter(participant=participant_a).update(withdrawn_on=datetime.date(2021, 5, 1))
    client = login(researcher)

    detail = client.get(reverse("reports:sheet_detail", kwargs={"study": "etude", "pk": written.sheet.pk}))
    response = _publish(client, written.sheet, django_capture_on_commit_callbacks)

    assert "withdrew from the study" in detail.content.decode() or "retirée de l" in detail.content.decode()
    assert response.status_code == 302 and "/sheets/" in response.url
    assert not Job.objects.exists() and not SheetVersion.objects.exists()
    with pytest.raises(Exception, match="withdrew|retirée"):
        services.publish_sheet(written.sheet, by=researcher)
    written.sheet.refresh_from_db()
    assert written.sheet.status == SynthesisSheet.Status.REVIEW


def test_a_participant_who_may_not_be_quoted_cannot_be_quoted_at_all(written, participant_a, researcher):
    Consent.objects.filter(participant=participant_a).update(may_be_quoted=False)

    assert services.publication_problems(written.sheet)
    with pytest.raises(Exception, match="quoted|cit"):
        services.add_quote(written.sheet, excerpt=written.excerpt, by=researcher)


def test_a_changed_excerpt_warns_and_the_writer_resolves_it_by_taking_the_new_words(written, login, researcher):
    coding.change_extent(written.excerpt, start=written.excerpt.start, end=written.excerpt.end + 9, by=researcher)
    client = login(researcher)
    assert services.publication_problems(written.sheet)

    url = reverse("reports:evidence_resolve", kwargs={"study": "etude", "pk": written.sheet.pk, "number": 1})
    client.post(url, {"action": "refresh"})

    written.quote.refresh_from_db()
    written.excerpt.refresh_from_db()
    assert written.quote.quote == written.excerpt.quote == QUOTE + " et on rè"
    assert services.publication_problems(written.sheet) == []


def test_a_discarded_excerpt_blocks_publishing_until_the_quote_is_removed(written, login, researcher):
    coding.discard_excerpt(written.excerpt, by=researcher)
    assert any("discarded" in p or "supprimé" in p for p in services.publication_problems(written.sheet))

    url = reverse("reports:evidence_resolve", kwargs={"study": "etude", "pk": written.sheet.pk, "number": 1})
    login(researcher).post(url, {"action": "remove"})

    assert services.publication_problems(written.sheet) == []
    assert "[[evidence:1]]" not in written.sheet.sections.get(order=3).body


def test_withdrawing_takes_the_sheet_off_the_portal(
    written, login, researcher, partner, django_capture_on_commit_callbacks, client
):
    _publish(login(researcher), written.sheet, django_capture_on_commit_callbacks)
    client.post(reverse("reports:sheet_withdraw", kwargs={"study": "etude", "pk": written.sheet.pk}))

    client.force_login(partner)
    portal = client.get(reverse("reports:portal"))
    assert "Fiche d'essai" not in portal.content.decode()
    assert client.get(reverse("reports:portal_sheet", kwargs={"pk": written.sheet.pk})).status_code == 404
    assert client.get(reverse("reports:portal_sheet_pdf", kwargs={"pk": written.sheet.pk})).status_code == 404
    assert SheetVersion.objects.get(sheet=written.sheet).withdrawn_at is not None


def test_a_job_delivered_twice_publishes_once(written, researcher):
    params = {"sheet": written.sheet.pk, "publish": True}
    job = Job.objects.create(kind="sheet_publish", owner=researcher, params=params)
    first = services.publish_sheet(written.sheet, by=researcher, job=job)
    again = services.publish_sheet(written.sheet, by=researcher, job=job)

    assert first.pk == again.pk and SheetVersion.objects.count() == 1


@pytest.fixture
def listener():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def test_hostile_markdown_prints_without_local_files_embedded_files_or_connections(
    study, site_a, participant_a, researcher, media, listener
):
    port = listener.getsockname()[1]
    hostile = (
        "Avant <script>document.write('x')</script>\n\n"
        '<p onload="alert(1)">texte</p> [lien](javascript:alert(1))\n\n'
        '<img src="file:///etc/passwd">\n\n'
        '<a rel="attachment" href="file:///etc/passwd">annexe</a>\n\n'
        f'<style>@import url("http://127.0.0.1:{port}/x.css");</style>\n\n'
        f'<div style="background: url(http://127.0.0.1:{port}/y.png)">fond</div>\n\n'
        f"![image](http://127.0.0.1:{port}/z.png)\n\nAprès"
    )
    written = build_sheet(study, site_a, participant_a, researcher=researcher, body=hostile)

    version = services.publish_sheet(written.sheet, by=researcher)
    pdf = version.pdf.read()

    with pytest.raises(BlockingIOError):
        listener.accept()
    assert b"/EmbeddedFile" not in pdf and b"/FileAttachment" not in pdf
    text = _text(pdf)
    assert "root:x:0:0" not in text and "Avant" in text and "Après" in text and "annexe" in text
    assert "<script" not in version.html and "javascript:" not in version.html and "file:" not in version.html
