from django.urls import path

from interviews.views import batch, interviews, reading, redactions, search, transcripts

app_name = "interviews"

STUDY = "studies/<slug:study>/"
INTERVIEW = STUDY + "interviews/<int:pk>/"

urlpatterns = [
    path(STUDY + "interviews/", interviews.interview_list, name="interview_list"),
    path(STUDY + "interviews/new/", interviews.interview_create, name="interview_create"),
    path(STUDY + "interviews/import/", batch.interview_import, name="interview_import"),
    path(STUDY + "search/", search.transcript_search, name="transcript_search"),
    path(INTERVIEW, reading.interview_detail, name="interview_detail"),
    path(INTERVIEW + "edit/", interviews.interview_edit, name="interview_edit"),
    path(INTERVIEW + "status/", interviews.interview_status, name="interview_status"),
    path(INTERVIEW + "upload/", transcripts.transcript_upload, name="transcript_upload"),
    path(INTERVIEW + "speakers/", transcripts.speaker_mapping, name="speaker_mapping"),
    path(INTERVIEW + "versions/", reading.version_list, name="version_list"),
    path(INTERVIEW + "versions/diff/", reading.version_diff, name="version_diff"),
    path(INTERVIEW + "versions/<int:number>/", reading.version_detail, name="version_detail"),
    path(INTERVIEW + "originals/<int:file_pk>/", reading.source_download, name="source_download"),
    path(INTERVIEW + "redactions/", redactions.redaction_list, name="redaction_list"),
    path(INTERVIEW + "redactions/<int:redaction_pk>/remove/", redactions.redaction_remove, name="redaction_remove"),
]
