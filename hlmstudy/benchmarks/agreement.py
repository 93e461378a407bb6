"""Inter-coder agreement at the size of a real double-coding round: two coders, 50 interviews.

Reads the coding builder's interviews, whose excerpts alternate between the coder and the researcher (about
60 each per interview of 2,500 words); the op puts the first 50 in a closed assignment of those two and times
the agreement page a researcher opens (every figure: codes × the pair, by site, code, interview). Issue 8's
target: agreement_study ≤ 2 s (needs --scale ≥ 0.6 for 50 interviews; fewer are taken below it).
"""

from django.urls import reverse
from django.utils import timezone

from coding.models import Assignment, AssignmentPass, Excerpt
from hlmstudy.benchmarks import BenchError, expect_page, op
from interviews.models import Interview
from sites.permissions import Role

INTERVIEWS = 50


@op("agreement_study")
def agreement_study(bench):
    """The agreement page of a closed assignment of 50 interviews to two coders, as a researcher."""
    coders = [bench.users[Role.CODER], bench.users[Role.RESEARCHER]]
    coded = Excerpt.objects.filter(interview__study=bench.study, created_by__in=coders).values("interview_id")
    interviews = list(Interview.objects.filter(pk__in=coded, current_version__isnull=False).order_by("pk")[:INTERVIEWS])
    if len(interviews) < 2:
        raise BenchError("agreement_study needs the coding builder's interviews")
    assignment = Assignment.objects.create(
        study=bench.study, title="Bench double coding", closed_at=timezone.now(), created_by=coders[1]
    )
    assignment.interviews.set(interviews)
    AssignmentPass.objects.bulk_create(AssignmentPass(assignment=assignment, coder=coder) for coder in coders)
    client = bench.client_for(Role.RESEARCHER)
    url = reverse("coding:agreement_matrix", args=[bench.study.slug]) + f"?assignment={assignment.pk}"

    def run_once():
        body = expect_page(client.get(url), ["agreement-matrix", "kappa--"]).content.decode()
        if body.count("/agreement/interviews/") != len(interviews):
            raise BenchError(f"{url} does not show the {len(interviews)} interviews")

    return run_once
