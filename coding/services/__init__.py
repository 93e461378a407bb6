"""Writes of the coding app (Django-Styleguide services), one module per subject, all importable from here.

Views authorise (querysets) before calling these; the services check what only they can see: ranges against
the server's own text, codes against the interview's study, versions against the row as it is now.
"""

from coding.services.codes import (
    CODE_FIELDS,
    PALETTE,
    ImportReport,
    StaleEdit,
    archive_code,
    clean_colour,
    create_code,
    default_colour,
    descendant_ids,
    import_codebook,
    merge_codes,
    move_code,
    shift_code,
    unarchive_code,
    update_code,
)
from coding.services.double_coding import (
    accept_agreements,
    adjudicate,
    close_assignment,
    consensus_coder,
    create_assignment,
    interview_regions,
    mark_pass_done,
)
from coding.services.excerpts import (
    add_codings,
    change_extent,
    create_excerpt,
    create_excerpts,
    discard_excerpt,
    remove_coding,
    touch_excerpts,
)
from coding.services.memos import create_memo, update_memo
from coding.services.transcripts import (
    carry_excerpts,
    carry_redactions,
    carry_to_current,
    edit_transcript,
    upload_transcript_version,
)
from coding.services.withdrawal import erasure_preview, withdraw_participant

__all__ = [
    "CODE_FIELDS",
    "ImportReport",
    "PALETTE",
    "StaleEdit",
    "accept_agreements",
    "add_codings",
    "adjudicate",
    "archive_code",
    "carry_excerpts",
    "carry_redactions",
    "carry_to_current",
    "change_extent",
    "clean_colour",
    "close_assignment",
    "consensus_coder",
    "create_assignment",
    "create_code",
    "create_excerpt",
    "create_excerpts",
    "create_memo",
    "default_colour",
    "descendant_ids",
    "discard_excerpt",
    "edit_transcript",
    "erasure_preview",
    "import_codebook",
    "interview_regions",
    "mark_pass_done",
    "merge_codes",
    "move_code",
    "remove_coding",
    "shift_code",
    "touch_excerpts",
    "unarchive_code",
    "update_code",
    "update_memo",
    "upload_transcript_version",
    "withdraw_participant",
]
