"""The agreement figures of a study, as the pages, the export and `manage.py agreement` show them.

Reads the double-coding assignments the user may see and their coders' codings in four queries, then
coding/agreement.py computes. A cell is an interview of an assignment with the assignment's coders; the
interviews the user codes blind are left out (their figures would reveal the other coders' work), so are
interviews without a transcript. Units are the characters of each interview's current version; codings on
older versions or needing review are not counted.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Length

from coding import agreement
from coding.models import Assignment, AssignmentPass, Code, Coding, blinded_interviews
from interviews.models import Interview


def visible_interviews(study, user):
    """The study's interviews the user may read and does not code blind (all of them without a user)."""
    interviews = Interview.objects.filter(study=study)
    if user is None:
        return interviews
    return interviews.filter(pk__in=Interview.objects.visible_to(user)).exclude(pk__in=blinded_interviews(user))


@dataclass
class Report:
    cells: list
    results: dict  # {(code, interview, first, second): Counts}
    codes: dict = field(default_factory=dict)  # {id: "Parent > Child"}, sorted by path
    coders: dict = field(default_factory=dict)  # {id: display name}
    titles: dict = field(default_factory=dict)  # {interview id: title}

    def pooled(self, key):
        return agreement.aggregate(self.results, key)

    def overall(self):
        return self.pooled(lambda *_: "all").get("all", agreement.Counts())

    def by_code(self):
        return self._ordered(self.pooled(lambda code, *_: code), self.codes)

    def by_site(self):
        sites = {cell.interview: cell.site for cell in self.cells}
        return dict(sorted(self.pooled(lambda code, interview, *_: sites[interview]).items()))

    def by_pair(self):
        return dict(sorted(self.pooled(lambda code, interview, first, second: (first, second)).items()))

    def by_code_and(self, axis):
        """{(code, column): Counts} with column a coder pair or a site code."""
        sites = {cell.interview: cell.site for cell in self.cells}
        if axis == "site":
            return self.pooled(lambda code, interview, first, second: (code, sites[interview]))
        return self.pooled(lambda code, interview, first, second: (code, (first, second)))

    def pair_label(self, pair):
        return " × ".join(self.coders.get(pk, str(pk)) for pk in pair)

    def used_cells(self):
        """(code, interview, first, second, Counts) where a coder coded the code in the interview, in code order."""
        order = {pk: n for n, pk in enumerate(self.codes)}
        rows = [
            (*key, counts)
            for key, counts in self.results.items()
            if counts.both + counts.first_only + counts.second_only
        ]
        return sorted(rows, key=lambda row: (order.get(row[0], len(order)), row[1], row[2], row[3]))

    @staticmethod
    def _ordered(pooled, codes):
        return {pk: pooled[pk] for pk in codes if pk in pooled}


def study_report(study, *, user, assignment=None, interview=None):
    """The Report of the study's assignments (or one of them, or one interview); four queries, five with codes."""
    links = Assignment.interviews.through.objects.filter(
        assignment__study=study,
        interview__in=visible_interviews(study, user),
        interview__current_version__isnull=False,
    )
    if assignment is not None:
        links = links.filter(assignment=assignment)
    if interview is not None:
        links = links.filter(interview=interview)
    rows = list(
        links.values_list(
            "assignment_id",
            "interview_id",
            "interview__site__code",
            "interview__title",
            Length("interview__current_version__text"),
        ).order_by("interview_id", "assignment_id")
    )
    coders_of = {}
    for assignment_id, coder_id in (
        AssignmentPass.objects.filter(assignment_id__in={row[0] for row in rows})
        .values_list("assignment_id", "coder_id")
        .order_by("coder_id")
    ):
        coders_of.setdefault(assignment_id, []).append(coder_id)
    cells = list(
        dict.fromkeys(
            agreement.Cell(interview_id, site, length or 0, tuple(coders_of.get(assignment_id, ())))
            for assignment_id, interview_id, site, _title, length in rows
            if len(coders_of.get(assignment_id, ())) >= 2
        )
    )
    coder_ids = sorted({coder for cell in cells for coder in cell.coders})
    codings = Coding.objects.filter(
        excerpt__interview_id__in=[cell.interview for cell in cells],
        excerpt__needs_review=False,
        excerpt__version_id=F("excerpt__interview__current_version_id"),
        coder_id__in=coder_ids,
    ).values_list("excerpt__interview_id", "code_id", "coder_id", "excerpt__start", "excerpt__end")
    results = agreement.compare(cells, codings.order_by() if cells else [])
    return Report(
        cells=cells,
        results=results,
        codes=code_paths(study, {key[0] for key in results}),
        coders=coder_names(coder_ids),
        titles={interview_id: title for _a, interview_id, _s, title, _l in rows},
    )


def code_paths(study, used):
    """{id: "Parent > Child"} of the codes in `used`, sorted by path (one query)."""
    if not used:
        return {}
    rows = list(Code.objects.filter(study=study).order_by("order", "name", "pk").values_list("pk", "name", "parent_id"))
    by_pk = {pk: (name, parent) for pk, name, parent in rows}

    def path(pk):
        parts = []
        while pk is not None and pk in by_pk and len(parts) < 50:
            name, pk = by_pk[pk]
            parts.append(name)
        return " > ".join(reversed(parts))

    paths = {pk: path(pk) for pk, _name, _parent in rows if pk in used}
    return dict(sorted(paths.items(), key=lambda item: item[1].casefold()))


def coder_names(ids):
    """{user id: full name or e-mail} (one query)."""
    users = get_user_model().objects.filter(pk__in=list(ids)).values_list("pk", "first_name", "last_name", "email")
    return {pk: f"{first} {last}".strip() or email for pk, first, last, email in users}


def report_json(report):
    """The report as plain data for `manage.py agreement --json`."""
    pairs = report.by_pair()
    return {
        "units": "characters",
        "overall": report.overall().as_dict(),
        "by_code": [{"code": pk, "path": report.codes[pk], **c.as_dict()} for pk, c in report.by_code().items()],
        "by_site": [{"site": site, **c.as_dict()} for site, c in report.by_site().items()],
        "by_pair": [
            {"coders": list(pair), "names": report.pair_label(pair), **c.as_dict(), "alpha": _pair_alpha(c)}
            for pair, c in pairs.items()
        ],
        "cells": [
            {"code": code, "interview": interview, "coders": [first, second], **c.as_dict()}
            for code, interview, first, second, c in report.used_cells()
        ],
    }


def _pair_alpha(counts):
    value = counts.pair_alpha
    return None if value is None else round(value, 4)
