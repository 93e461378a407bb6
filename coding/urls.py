from django.urls import path

from coding.views import agreement, codebook, memos, review, transcripts, withdrawal, workspace

app_name = "coding"

STUDY = "studies/<slug:study>/"
INTERVIEW = STUDY + "interviews/<int:pk>/"
CODE = STUDY + "codebook/<int:pk>/"
MEMO = STUDY + "memos/<int:pk>/"

urlpatterns = [
    # The coding workspace (its page and the JSON endpoints of static/coding/workspace.js).
    path(INTERVIEW + "code/", workspace.workspace, name="workspace"),
    path(INTERVIEW + "code/codings.json", workspace.workspace_codings, name="workspace_codings"),
    path(INTERVIEW + "code/excerpts/", workspace.workspace_excerpt_create, name="workspace_excerpt_create"),
    path(
        INTERVIEW + "code/excerpts/<int:excerpt_pk>/extent/",
        workspace.workspace_excerpt_extent,
        name="workspace_excerpt_extent",
    ),
    path(
        INTERVIEW + "code/codings/<int:coding_pk>/remove/",
        workspace.workspace_coding_remove,
        name="workspace_coding_remove",
    ),
    path(INTERVIEW + "code/codes/", workspace.workspace_code_create, name="workspace_code_create"),
    # The codebook, memos, transcript edits and the excerpts they leave to review (server side of issue 4).
    path(STUDY + "codebook/", codebook.codebook_detail, name="codebook_detail"),
    path(STUDY + "codebook/new/", codebook.code_create, name="code_create"),
    path(STUDY + "codebook/export.csv", codebook.codebook_export, name="codebook_export"),
    path(STUDY + "codebook/import/", codebook.codebook_import, name="codebook_import"),
    path(CODE, codebook.code_detail, name="code_detail"),
    path(CODE + "edit/", codebook.code_edit, name="code_edit"),
    path(CODE + "move/", codebook.code_move, name="code_move"),
    path(CODE + "shift/", codebook.code_shift, name="code_shift"),
    path(CODE + "merge/", codebook.code_merge, name="code_merge"),
    path(CODE + "archive/", codebook.code_archive, name="code_archive"),
    path(CODE + "unarchive/", codebook.code_unarchive, name="code_unarchive"),
    path(STUDY + "memos/", memos.memo_list, name="memo_list"),
    path(STUDY + "memos/new/", memos.memo_create, name="memo_create"),
    path(MEMO, memos.memo_detail, name="memo_detail"),
    path(MEMO + "edit/", memos.memo_edit, name="memo_edit"),
    path(INTERVIEW + "transcript/edit/", transcripts.transcript_edit, name="transcript_edit"),
    path(INTERVIEW + "transcript/upload/", transcripts.transcript_upload, name="transcript_upload"),
    # Double coding and inter-coder agreement (issue 8).
    path(STUDY + "assignments/", agreement.assignment_list, name="assignment_list"),
    path(STUDY + "assignments/new/", agreement.assignment_create, name="assignment_create"),
    path(STUDY + "assignments/<int:pk>/done/", agreement.assignment_done, name="assignment_done"),
    path(STUDY + "assignments/<int:pk>/close/", agreement.assignment_close, name="assignment_close"),
    path(STUDY + "agreement/", agreement.agreement_matrix, name="agreement_matrix"),
    path(STUDY + "agreement/interviews/<int:pk>/", agreement.agreement_interview, name="agreement_interview"),
    path(
        STUDY + "agreement/interviews/<int:pk>/adjudicate/",
        agreement.agreement_adjudicate,
        name="agreement_adjudicate",
    ),
    path(STUDY + "agreement/interviews/<int:pk>/accept/", agreement.agreement_accept, name="agreement_accept"),
    path(STUDY + "participants/<str:code>/withdraw/", withdrawal.participant_withdraw, name="participant_withdraw"),
    path(STUDY + "excerpts/review/", review.excerpt_review_list, name="excerpt_review_list"),
    path(STUDY + "excerpts/<int:pk>/review/", review.excerpt_review, name="excerpt_review"),
    path(STUDY + "excerpts/<int:pk>/discard/", review.excerpt_review_discard, name="excerpt_review_discard"),
]
