"""Importing many transcript files at once: each file becomes one interview, in its own transaction.

The web page stages the uploads in storage and starts a job; `import_batch` is the job's work. It is
safe to run again after a worker died: a file already imported by this job is found by its key
(Interview.import_job + import_key) and not imported twice, and a file interrupted mid-way left nothing.
"""

import uuid
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interviews.archives import zip_members
from interviews.importing import ImportRefused
from interviews.models import Interview
from interviews.services import import_new_interview
from sites.models import Job, Site

STAGING = "staging/interviews"


def stage_uploads(uploads):
    """Save uploaded files to the staging area; [{"name": original name, "path": storage name}]."""
    folder = f"{STAGING}/{uuid.uuid4().hex}"
    staged = []
    for index, upload in enumerate(uploads):
        suffix = PurePosixPath(upload.name).suffix.lower()[:10]
        path = default_storage.save(f"{folder}/{index:04d}{suffix}", upload)
        staged.append({"name": PurePosixPath(upload.name.replace("\\", "/")).name, "path": path})
    return staged


def expand(name, data):
    """The files one upload stands for: the members of a .zip, or the file itself. Raises ImportRefused."""
    if name.lower().endswith(".zip"):
        return zip_members(data)
    return [(name, data)]


def import_batch(job, progress):
    """The batch job's work: import each staged file, record one result entry per file in job.result."""
    with translation.override(job.params.get("language")):
        site = Site.objects.select_related("study").get(pk=job.params["site_id"], study=job.study)
        earlier = job.result.get("entries", [])  # what an interrupted earlier attempt recorded
        entries = []
        files = job.params["files"]
        for file_index, staged in enumerate(files):
            progress(100 * file_index / len(files), _("Importing %(name)s.") % {"name": staged["name"]})
            entries.extend(_import_staged(job, site, file_index, staged, earlier))
            Job.objects.filter(pk=job.pk).update(result={"entries": entries})
        for staged in files:
            default_storage.delete(staged["path"])
        return summarise(entries)


def summarise(entries):
    imported = sum(1 for entry in entries if entry["ok"])
    refused = len(entries) - imported
    summary = ngettext("%(count)s file imported", "%(count)s files imported", imported) % {"count": imported}
    if refused:
        summary += ", " + ngettext("%(count)s refused", "%(count)s refused", refused) % {"count": refused}
    return {"entries": entries, "imported": imported, "refused": refused, "summary": summary + "."}


def _import_staged(job, site, file_index, staged, earlier):
    """The entries of one staged upload (several for a zip), each tagged with the upload's index."""
    try:
        with default_storage.open(staged["path"], "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        # A retry after the final clean-up (the worker died before the job was marked done): every file
        # was dealt with, and the earlier attempt recorded how.
        return [entry for entry in earlier if entry.get("file") == file_index] or [
            {"name": staged["name"], "ok": False, "message": _("The uploaded file is no longer available."), "url": ""}
        ]
    try:
        members = expand(staged["name"], data)
    except ImportRefused as refusal:
        return [{**_refused_entry(staged["name"], refusal), "file": file_index}]
    entries = []
    for member_index, (name, content) in enumerate(members):
        label = name if len(members) == 1 and name == staged["name"] else f"{staged['name']} › {name}"
        entries.append(
            {"file": file_index}
            | import_one(
                study=site.study,
                site=site,
                kind=job.params["kind"],
                name=name,
                label=label,
                data=content,
                author=job.owner,
                job=job,
                key=f"{file_index}:{member_index}",
            )
        )
    return entries


def import_one(*, study, site, kind, name, label, data, author, job=None, key=""):
    """Import one file as a new interview (or find the one this job already made); a result entry."""
    if job is not None:
        existing = Interview.objects.filter(import_job=job, import_key=key).first()
        if existing is not None:
            return _imported_entry(label, existing)
    try:
        interview = import_new_interview(
            study=study, site=site, kind=kind, name=name, data=data, author=author, import_job=job, import_key=key
        )
    except ImportRefused as refusal:
        return _refused_entry(label, refusal)
    return _imported_entry(label, interview)


def _imported_entry(name, interview):
    url = reverse("interviews:interview_detail", args=[interview.study.slug, interview.pk])
    version = interview.current_version
    turns = version.turns.count() if version is not None else 0
    message = _("Imported as “%(title)s” (%(turns)s speaker turns).") % {"title": interview.title, "turns": turns}
    return {"name": name, "ok": True, "message": message, "url": url}


def _refused_entry(name, refusal):
    return {"name": name, "ok": False, "message": refusal.message, "url": ""}
