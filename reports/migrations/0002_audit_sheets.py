"""Keep the change history of the synthesis sheets, their sections and their published versions."""

from django.db import migrations

from sites.audit import AuditTable

SHEET_STUDY = "sheet_id > reports_synthesissheet.study_id"


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_synthesis_sheets"),
        ("sites", "0002_audit_trail"),
    ]

    operations = [
        AuditTable("reports_synthesissheet", study="study_id"),
        AuditTable("reports_sheetsection", study=SHEET_STUDY),
        AuditTable("reports_sheetversion", study=SHEET_STUDY),
    ]
