"""Keep the change history of the transcripts, their versions and originals, the codebook and the coding.

Here rather than in each app's migrations so the whole list reads in one place; a table added later
(the synthesis sheets) gets its one `AuditTable` line in its own app's migration.
"""

from django.db import migrations

from sites.audit import AuditTable

INTERVIEW_STUDY = "interview_id > interviews_interview.study_id"


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_audit_trail"),
        ("interviews", "0002_passage_search"),
        ("coding", "0001_initial"),
    ]

    operations = [
        AuditTable("interviews_interview", study="study_id"),
        AuditTable("interviews_transcriptversion", study=INTERVIEW_STUDY),
        AuditTable("interviews_sourcefile", study=INTERVIEW_STUDY),
        AuditTable("coding_code", study="study_id"),
        AuditTable("coding_excerpt", study=INTERVIEW_STUDY),
        AuditTable("coding_coding", study="excerpt_id > coding_excerpt.interview_id > interviews_interview.study_id"),
    ]
