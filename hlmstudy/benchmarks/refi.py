"""REFI-QDA exchange at scale: the whole synthetic study out as .qdpx, and that file back into an empty study.

The coding builder's study (REAL interviews × scale, 120 coded excerpts each) gets a few memos here, so that
notes travel too. Issue 7's targets at --scale 10: qdpx_export ≤ 30 s, qdpx_import ≤ 60 s (run with
--repeat 1: each run is a whole export or import).
"""

import itertools

from coding.models import Code, Excerpt, Memo
from hlmstudy.benchmarks import BenchError, builder, op
from interviews.models import Interview
from reports.refi import export, import_
from sites import permissions
from sites.models import Membership, Study
from sites.permissions import Role

MEMOS_PER_CODE = 1
INTERVIEWS_PER_MEMO = 10


@builder
def build_memos(bench):
    """A memo on every code, on every tenth interview and on the study (bulk writes)."""
    author = bench.users[Role.RESEARCHER]
    memos = [
        Memo(study=bench.study, author=author, title=f"Mémo de code {n}", body="Réflexion 🙂.", code=code)
        for n, code in enumerate(Code.objects.filter(study=bench.study).order_by("pk"))
    ]
    interviews = Interview.objects.filter(study=bench.study).order_by("pk")[::INTERVIEWS_PER_MEMO]
    memos += [
        Memo(study=bench.study, author=author, title=f"Mémo d'entretien {n}", body="Contexte.", interview=interview)
        for n, interview in enumerate(interviews)
    ]
    memos.append(Memo(study=bench.study, author=author, title="Journal de l'étude", body="Décisions."))
    Memo.objects.bulk_create(memos)
    return {"memos": len(memos)}


def _exported(bench):
    if "qdpx" not in bench.data:
        bench.data["qdpx"] = export.export_project(bench.study, user=bench.users[Role.RESEARCHER])
    return bench.data["qdpx"]


@op("qdpx_export")
def qdpx_export(bench):
    """The whole study as .qdpx, as a researcher: queries, XML, schema validation, zip."""
    researcher = bench.users[Role.RESEARCHER]
    expected = Excerpt.objects.filter(interview__study=bench.study, needs_review=False).count()

    def run_once():
        exported = export.export_project(bench.study, user=researcher)
        if exported.counts["excerpts"] != expected:
            raise BenchError(f"exported {exported.counts['excerpts']} excerpts of {expected}")
        bench.data["qdpx"] = exported

    return run_once


@op("qdpx_import")
def qdpx_import(bench):
    """That export into a new, empty study (one per run): parse, place every selection, write it all."""
    exported = _exported(bench)
    researcher = bench.users[Role.RESEARCHER]
    counter = itertools.count(1)

    def run_once():
        target = Study.objects.create(slug=f"bench-import-{next(counter)}", title="Import")
        Membership.objects.create(user=researcher, study=target, role=Role.ADMIN)
        permissions.forget_grants(researcher)  # the grants cached on the user predate this membership
        report = import_.import_file(target, name="bench.qdpx", data=exported.content, by=researcher)
        placed = report.mapped["excerpts"]
        if placed != exported.counts["excerpts"] or report.of("review"):
            raise BenchError(f"placed {placed} excerpts of {exported.counts['excerpts']}: {report.summary()}")

    return run_once
