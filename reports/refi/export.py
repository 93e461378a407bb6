"""A study as a REFI-QDA project (.qdpx), its codebook as a .qdc; both validated before they are returned.

What the exporting user may see is what goes out (the querysets' visible_to): a team member limited to a site
exports that site's interviews, excerpts and participants. GUIDs are derived from the rows (guids.py) and no
clock is read, so exporting unchanged data twice gives the same bytes. Placed excerpts of the current transcript
versions are exported; excerpts waiting for review or still anchored on an older version have no certain place
in the exported text and are counted as left out. Spans marked identifying (interviews/redaction.py) go out
masked, in the source texts and in the selections' names alike; masking keeps lengths, so positions stay true.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coding.models import Code, Coding, Excerpt, Memo
from interviews.models import Interview, InterviewParticipant
from interviews.redaction import masked, masked_words, spans_by_version
from reports.refi import guids, project_xml, schema
from sites import jobs
from sites.models import AttributeDefinition, Participant

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the archive's bytes depend on the data only


@dataclass
class Exported:
    content: bytes
    counts: dict = field(default_factory=dict)  # what went out, by kind
    left_out: dict = field(default_factory=dict)  # what did not, by reason


def export_codebook(study, *, user):
    """The study's codebook as .qdc bytes (validated); one query."""
    codes = _codes(study, user)
    document = project_xml.codebook_document(guids.study_namespace(study), codes)
    schema.check("codebook", document)
    return Exported(document, counts={"codes": len(codes)})


def export_project(study, *, user, progress=None):
    """The study as .qdpx bytes (project.qde, validated, and one sources/<GUID>.txt per interview)."""
    progress = progress or (lambda percent, message="": None)
    data = _Data(study, user)
    progress(40, _("Writing the project file."))
    document, texts = project_xml.ProjectWriter(study, data).write()
    progress(60, _("Checking the project file against the REFI-QDA schema."))
    schema.check("project", document)
    progress(85, _("Packing the archive."))
    buffer = io.BytesIO()
    # Fast compression: the level makes the archive a few percent smaller at several times the cost.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _write_member(archive, "project.qde", document)
        for guid, text in texts:
            _write_member(archive, f"sources/{guid}.txt", text.encode("utf-8"))
    return Exported(buffer.getvalue(), counts=data.counts(), left_out=data.left_out)


def export_job(job, progress):
    """The export job's work (reports.tasks.export_qdpx): the study as the owner sees it, attached to the job."""
    with translation.override(job.params.get("language")):
        exported = export_project(job.study, user=job.owner, progress=progress)
        jobs.attach_file(job, f"{job.study.slug}-{job.pk}.qdpx", ContentFile(exported.content))
        return {"summary": summary(exported), "counts": exported.counts, "left_out": exported.left_out}


def summary(exported):
    """One sentence: what went out, and what was left out and why."""
    counts = exported.counts
    phrases = {
        "interviews": ngettext("%(count)s interview", "%(count)s interviews", counts["interviews"]),
        "excerpts": ngettext("%(count)s excerpt", "%(count)s excerpts", counts["excerpts"]),
        "codings": ngettext("%(count)s coding", "%(count)s codings", counts["codings"]),
        "codes": ngettext("%(count)s code", "%(count)s codes", counts["codes"]),
        "memos": ngettext("%(count)s memo", "%(count)s memos", counts["memos"]),
        "participants": ngettext("%(count)s participant", "%(count)s participants", counts["participants"]),
    }
    counted = [phrase % {"count": counts[key]} for key, phrase in phrases.items()]
    text = _("Exported: %(counts)s.") % {"counts": ", ".join(counted)}
    review, behind = exported.left_out.get("review", 0), exported.left_out.get("behind", 0)
    if review:
        text += " " + ngettext(
            "%(count)s excerpt waiting for review was left out: it has no certain place in the text.",
            "%(count)s excerpts waiting for review were left out: they have no certain place in the text.",
            review,
        ) % {"count": review}
    if behind:
        text += " " + ngettext(
            "%(count)s excerpt on an older transcript version was left out; open its interview to carry it.",
            "%(count)s excerpts on older transcript versions were left out; open their interviews to carry them.",
            behind,
        ) % {"count": behind}
    return text


def _write_member(archive, name, content):
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, content, compresslevel=1)


def _seen(queryset, user):
    """What `user` may see of `queryset`; everything when there is no user (the command line, run by an operator)."""
    return queryset.visible_to(user) if user is not None else queryset


def _codes(study, user):
    """The codebook as the exporter sees it: every code not merged away (archived ones keep their codings)."""
    codes = _seen(Code.objects.all(), user).filter(study=study, merged_into__isnull=True)
    return list(codes.order_by("order", "name", "pk"))


class _Data:
    """Everything the export writes, read in a fixed number of queries (about ten)."""

    def __init__(self, study, user):
        self.codes = _codes(study, user)
        code_ids = {code.pk for code in self.codes}
        self.interviews = list(
            _seen(Interview.objects.all(), user)
            .filter(study=study, current_version__isnull=False)
            .select_related("site", "current_version")
            .order_by("pk")
        )
        interview_ids = [interview.pk for interview in self.interviews]
        excerpts = _seen(Excerpt.objects.all(), user).filter(interview__study=study, interview_id__in=interview_ids)
        current = excerpts.placed().filter(version_id=F("interview__current_version_id"))
        self.left_out = {
            "review": excerpts.needing_review().count(),
            "behind": excerpts.placed().exclude(version_id=F("interview__current_version_id")).count(),
        }
        self.excerpts = list(
            current.order_by("interview_id", "start", "end", "pk").values_list(
                "pk", "interview_id", "start", "end", "quote", "created_by_id", "created_at"
            )
        )
        self._mask_identifying()
        self.codings = list(
            _seen(Coding.objects.all(), user)
            .filter(excerpt__in=current, code_id__in=code_ids)
            .order_by("excerpt_id", "pk")
            .values_list("pk", "excerpt_id", "code_id", "coder_id", "created_at")
        )
        self.memos = list(_seen(Memo.objects.all(), user).filter(study=study).select_related("site").order_by("pk"))
        self.participants = list(
            _seen(Participant.objects.all(), user).filter(study=study).select_related("site").order_by("code")
        )
        self.taking_part = list(
            InterviewParticipant.objects.filter(interview_id__in=interview_ids, participant__in=self.participants)
            .order_by("interview_id")
            .values_list("participant_id", "interview_id")
        )
        self.definitions = list(AttributeDefinition.objects.filter(study=study).order_by("order", "label", "pk"))
        self.users = self._users()

    def _mask_identifying(self):
        """Mask the redacted spans in the (unsaved, in-memory) current texts and in the excerpts' quotes."""
        spans, loose = spans_by_version(interview.current_version_id for interview in self.interviews)
        if not spans and not loose:
            return
        versions = {}
        for interview in self.interviews:
            version = interview.current_version
            version.text = masked_words(masked(version.text, spans.get(version.pk, ())), loose.get(version.pk, ()))
            versions[interview.pk] = version
        self.excerpts = [
            (pk, interview_id, start, end, versions[interview_id].text[start:end], *rest)
            for pk, interview_id, start, end, _quote, *rest in self.excerpts
        ]

    def _users(self):
        ids = {row[5] for row in self.excerpts} | {row[3] for row in self.codings}
        ids |= {memo.author_id for memo in self.memos} | {i.current_version.author_id for i in self.interviews}
        ids.discard(None)
        return list(get_user_model().objects.filter(pk__in=ids).order_by("pk"))

    def counts(self):
        return {
            "codes": len(self.codes),
            "interviews": len(self.interviews),
            "excerpts": len(self.excerpts),
            "codings": len(self.codings),
            "memos": len(self.memos),
            "participants": len(self.participants),
        }
