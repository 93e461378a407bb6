"""Memos: written on a code, an excerpt, an interview, a site or the study; edited with a version check."""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from coding.models import Code, Excerpt, Memo
from coding.services.codes import StaleEdit
from interviews.models import Interview
from sites.models import Site

ANCHORS = {Code: "code", Excerpt: "excerpt", Interview: "interview", Site: "site"}
MEMO_FIELDS = ("kind", "title", "body")


def create_memo(study, *, author, kind, title, body="", anchor=None):
    """A memo on `anchor` (a code, excerpt, interview or site of the study) or, without one, on the study."""
    fields = {}
    if anchor is not None:
        name = ANCHORS.get(type(anchor))
        anchor_study = anchor.interview.study_id if isinstance(anchor, Excerpt) else anchor.study_id
        if name is None or anchor_study != study.pk:
            raise ValidationError(_("A memo belongs to something of its own study."))
        fields[name] = anchor
    if kind not in Memo.Kind.values:
        raise ValidationError(_("Unknown kind of memo."))
    return Memo.objects.create(study=study, author=author, kind=kind, title=title.strip(), body=body, **fields)


def update_memo(memo, *, version, by, **fields):
    """Change a memo's kind, title and text if nobody changed it since `version` (one UPDATE); StaleEdit otherwise."""
    unknown = set(fields) - set(MEMO_FIELDS)
    if unknown:
        raise TypeError(f"update_memo() got unexpected fields {sorted(unknown)}")
    if "kind" in fields and fields["kind"] not in Memo.Kind.values:
        raise ValidationError(_("Unknown kind of memo."))
    updated = Memo.objects.filter(pk=memo.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    memo.refresh_from_db()
    if not updated:
        raise StaleEdit(memo)
    return memo
