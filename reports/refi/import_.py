"""A REFI-QDA project (.qdpx) or codebook (.qdc) into a study, all or nothing, with a report of what it did.

The file is read and checked first (reading.py refuses hostile files before anything is written); everything
is then written in one transaction, which a refusal found later (a source with no site to go to) or a dry run
rolls back: nothing is stored from a refused file. Codes and memos go through the coding services; sources,
excerpts and codings, thousands at a time, are written in bulk (import_sources.py) after each selection's
place is checked against the stored text.
"""

import uuid
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from coding.models import Excerpt, Memo
from coding.services import create_memo
from interviews.importing import ImportRefused
from reports.refi import guids, positions, reading, vocabulary
from reports.refi.import_sources import ExcerptRef, SourceImport
from reports.refi.import_structure import Sites, map_cases, map_codes, map_users, variable_values
from reports.refi.report import CHANGED, DROPPED, MERGED, NOTE, ImportReport
from sites.models import Site

STAGING = "staging/refi"


@dataclass
class Context:
    """What the steps of one import share: the target, the file, the report, and the file's keys → our rows."""

    study: object
    project: reading.Project
    by: object
    report: ImportReport
    ns: uuid.UUID
    users: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)
    interviews: dict = field(default_factory=dict)  # source key → Interview
    participants: dict = field(default_factory=dict)
    anchors: dict = field(default_factory=dict)  # note key → [Code | Excerpt | Interview | None (the study)]

    def user(self, key):
        return self.users.get(key) or self.by

    def anchor(self, note_keys, target):
        for key in note_keys:
            self.anchors.setdefault(key, []).append(target)


def import_file(study, *, name, data, by, site=None, dry_run=False, progress=None, max_bytes=None):
    """Import a .qdpx/.qdc into `study` as `by`; returns the ImportReport. Raises ImportRefused (nothing stored)."""
    progress = progress or (lambda percent, message="": None)
    progress(5, _("Reading %(name)s.") % {"name": name})
    project = reading.read_refi(name, data, max_bytes=max_bytes)
    report = ImportReport(file_name=name, dry_run=dry_run, project_name=project.name)
    for warning in project.warnings:
        report.add(NOTE, _("File"), warning)
    # Progress written inside the transaction would only show at its end: this is the last step shown live.
    progress(30, _("Storing the codes, interviews, excerpts, participants and memos."))
    with transaction.atomic():
        context = Context(study, project, by, report, guids.study_namespace(study))
        map_users(context)
        map_codes(context)
        if not project.is_codebook:
            _import_project(context, Sites(context, site))
        _report_unread(context)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_project(context, sites):
    project = context.project
    texts = [source for source in project.sources if source.text is not None]
    decision = positions.decide(
        [(source.text, [(s.start, s.end, s.name) for s in source.selections]) for source in texts], project.origin
    )
    if any(source.selections for source in texts):
        context.report.add(
            NOTE,
            _("Positions"),
            _("read as %(convention)s: %(evidence)s")
            % {"convention": decision.convention.describe(), "evidence": decision.evidence},
        )
    case_sites = {}
    for _key, _name, _description, values, source_keys, _dropped in project.cases:
        site = variable_values(context, values)[0].get(vocabulary.SITE)
        for key in source_keys:
            case_sites.setdefault(key, site)
    SourceImport(context, sites, decision, case_sites).run()
    map_cases(context, sites)
    _import_notes(context, sites)
    _import_description(context)


def _import_notes(context, sites):
    """Notes → memos on the first thing that refers to them (site notes by their "site" value; else the study)."""
    study, report = context.study, context.report
    known = set(guids.of_rows(context.ns, "memo", Memo.objects.filter(study=study).values_list("pk", flat=True)))
    kinds = _memo_kinds(context)
    context.anchor(context.project.note_keys, None)
    notes = {note.key for note in context.project.notes}
    _fetch_excerpts(context)
    for note in context.project.notes:
        if note.key in known:
            report.add(
                MERGED, _("Note “%(name)s”") % {"name": note.name}, _("it came from this study and is already in it")
            )
            continue
        anchors = context.anchors.get(note.key, [])
        if len(anchors) > 1:
            report.add(
                CHANGED,
                _("Note “%(name)s”") % {"name": note.name},
                _("it was attached to several things; it is kept on the first"),
            )
        anchor = anchors[0] if anchors else None
        if anchor is None:
            anchor = sites.named(variable_values(context, note.values)[0].get(vocabulary.SITE))
        text = note.text.replace("\r\n", "\n")
        title = note.name.strip() or (text.strip().splitlines() or [_("Note")])[0]
        body = "\n\n".join(part for part in (note.description, text) if part)
        kind = kinds.get(note.key, Memo.Kind.ANALYTIC)
        create_memo(study, author=context.user(note.user_key), kind=kind, title=title[:200], body=body, anchor=anchor)
        report.count("memos")
    missing = sum(len(targets) for key, targets in context.anchors.items() if key not in notes)
    if missing:
        report.add(DROPPED, _("Notes"), _("%(count)s references to notes the file does not have") % {"count": missing})


def _fetch_excerpts(context):
    """The excerpts notes are attached to, as objects (one query): import_sources refers to them by pk."""
    refs = {target.pk for targets in context.anchors.values() for target in targets if isinstance(target, ExcerptRef)}
    excerpts = Excerpt.objects.select_related("interview").in_bulk(refs)
    for targets in context.anchors.values():
        targets[:] = [excerpts[t.pk] if isinstance(t, ExcerptRef) else t for t in targets]


def _memo_kinds(context):
    """{note key: memo kind} from the sets that carry memo kinds; every other set is reported dropped."""
    kinds = {}
    for _key, name, members in context.project.sets:
        kind = _memo_kind(name)
        if kind is None:
            count = sum(len(keys) for keys in members.values())
            subject = _("Set “%(name)s”") % {"name": name}
            context.report.add(DROPPED, subject, _("sets are not imported (%(count)s members)") % {"count": count})
        for note_key in members["MemberNote"] if kind else ():
            kinds[note_key] = kind
    return kinds


def _memo_kind(name):
    wanted = " ".join((name or "").split()).casefold()
    for kind, set_name in vocabulary.MEMO_KIND_SETS.items():
        if wanted == set_name.casefold():
            return kind
    return None


def _import_description(context):
    description = context.project.description.strip()
    study = context.study
    if not description or description == study.description.strip():
        return
    if not study.description.strip():
        study.description = description
        study.save(update_fields=["description"])
        context.report.add(NOTE, _("Project"), _("its description became the study's description"))
    else:
        create_memo(study, author=context.by, kind=Memo.Kind.ANALYTIC, title=_("Project description"), body=description)
        context.report.count("memos")


def _report_unread(context):
    sentences = {
        "Links": _("%(count)s links between objects are not imported"),
        "Graphs": _("%(count)s graphs are not imported"),
        "Sets": _("%(count)s code sets are not imported"),
    }
    for element, count in context.project.dropped.items():
        if count:
            context.report.add(DROPPED, _("Project"), sentences[element] % {"count": count})


def stage(upload):
    """Save an uploaded file for the import job; its storage name (removed by the job when it ends)."""
    suffix = PurePosixPath(upload.name).suffix.lower()[:10]
    return default_storage.save(f"{STAGING}/{uuid.uuid4().hex}{suffix}", upload)


def import_job(job, progress):
    """The import job's work (reports.tasks.import_qdpx): the staged file into job.study; the report as result."""
    params = job.params
    with translation.override(params.get("language")):
        try:
            with default_storage.open(params["path"], "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise ImportRefused(_("The uploaded file is no longer available."))
        site = Site.objects.filter(study=job.study, pk=params.get("site_id")).first() if params.get("site_id") else None
        try:
            report = import_file(
                job.study,
                name=params["name"],
                data=data,
                by=job.owner,
                site=site,
                dry_run=params.get("dry_run", False),
                progress=progress,
            )
        finally:
            # A worker killed before this point leaves the file for the retry; a finished run never needs it.
            default_storage.delete(params["path"])
        return report.as_result()
