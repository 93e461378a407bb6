"""The synthesis sheets in the audit trail: publishing is in the change history, a PDF download in the access log."""

import pytest
from django.db import connection
from django.urls import reverse

from reports.models import SheetVersion
from sites.models import AccessEvent, ChangeRecord
from tests.reports.sheet_fixtures import build_sheet

pytestmark = [
    pytest.mark.usefixtures("fast_passwords"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"),
]


def test_publishing_is_recorded_and_the_partners_pdf_download_is_logged(
    study, site_a, participant_a, researcher, partner, login, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    sheet = build_sheet(study, site_a, participant_a, researcher=researcher).sheet
    client = login(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:sheet_publish", kwargs={"study": study.slug, "pk": sheet.pk}))
    version = SheetVersion.objects.get(sheet=sheet)
    record = ChangeRecord.objects.get(table_name="reports_sheetversion", action="INSERT", row_id=version.pk)
    assert (record.actor_id, record.study_id) == (researcher.pk, study.pk)

    client = login(partner)
    response = client.get(reverse("reports:portal_sheet_pdf", kwargs={"pk": sheet.pk}))
    b"".join(response.streaming_content)
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.PDF_DOWNLOAD)
    assert (event.user, event.study_id, event.object_id, event.detail) == (partner, study.pk, sheet.pk, "v1")
