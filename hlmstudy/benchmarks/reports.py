"""The analysis pages at scale: the code × site matrix, the retrieval page's first page, the transversal page.

They read the coding builder's study (REAL interviews × scale, about 10,000 codings per unit of scale, so
`--scale 50` holds the issue's 500,000 codings and `--scale 100` a million). The builder here completes what
an analysis reads and the coding builder leaves out: each interview's participant and date, a few excerpts
left to review, and a masked name every 1,500 characters, which quotes and exports then mask (bulk writes).
Issue 5's targets on PostgreSQL: matrix_code_site ≤ 300 ms for 500,000 codings, retrieval_first_page ≤ 100 ms
at --scale 10. Issue 11's: thematic_report_pdf ≤ 10 s for a demo site with every quote.
"""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone

from coding.models import Code, Excerpt
from hlmstudy.benchmarks import BenchError, builder, expect_page, load_demo_study, op
from interviews.models import Interview, InterviewParticipant, Redaction, SpeakerTurn, TranscriptVersion
from reports import thematic, thematic_output
from reports.matrices import code_matrix
from reports.models import ReportDefinition
from reports.retrieval import RetrievalForm, placed_codings
from sites.models import Membership
from sites.permissions import Role

REVIEW_EVERY = 100  # one excerpt in a hundred needs review, and so counts nowhere
REDACT_EVERY = 1500  # characters between two masked names
BATCH = 2000


@builder
def build_analysis(bench):
    """Interview participants (the speaker of their turns) and dates, and excerpts left to review."""
    interviews = list(Interview.objects.filter(study=bench.study).order_by("pk"))
    if not interviews:
        raise BenchError("the reports ops read the coding builder's interviews, and there are none")
    speakers = dict(
        SpeakerTurn.objects.filter(version__interview__study=bench.study, speaker__isnull=False)
        .values_list("version__interview_id", "speaker_id")
        .distinct()
        .order_by()
    )
    InterviewParticipant.objects.bulk_create(
        (
            InterviewParticipant(interview_id=interview.pk, participant_id=speakers[interview.pk], speaker_label="")
            for interview in interviews
            if interview.pk in speakers
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    first = datetime.date(2018, 3, 1)
    for n, interview in enumerate(interviews):
        interview.date = first + datetime.timedelta(days=n % 900)
    Interview.objects.bulk_update(interviews, ["date"], batch_size=BATCH)
    review = Excerpt.objects.filter(interview__study=bench.study).order_by("pk").values_list("pk", flat=True)
    to_review = list(review[::REVIEW_EVERY])
    Excerpt.objects.filter(pk__in=to_review).update(needs_review=True, review_reason=Excerpt.ReviewReason.MOVED)
    redactions = _redactions(interviews)
    return {
        "interview_participants": len(speakers),
        "dates": len(interviews),
        "needs_review": len(to_review),
        "redactions": redactions,
    }


def _redactions(interviews):
    """A masked name every REDACT_EVERY characters of each current version, so exports and quotes pay for masking."""
    rows = []
    for interview_id, version_id, length in TranscriptVersion.objects.filter(
        pk__in=[interview.current_version_id for interview in interviews]
    ).values_list("interview_id", "pk", Length("text")):
        rows += [
            Redaction(interview_id=interview_id, version_id=version_id, start=at, end=at + 8, text="Nom Fict")
            for at in range(REDACT_EVERY // 2, length - 8, REDACT_EVERY)
        ]
    Redaction.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


@op("matrix_code_site")
def matrix_code_site(bench):
    """code_matrix(axis="site", measure="excerpts") for a researcher: every code with its sub-codes, every site."""
    user = bench.users[Role.RESEARCHER]
    expected = _leaf_excerpts(bench, user)

    def run_once():
        matrix = code_matrix(bench.study, user=user, axis="site", measure="excerpts")
        for code, excerpts in expected.items():
            if int(matrix.loc[code].sum()) != excerpts:
                raise BenchError(f"code {code}: {int(matrix.loc[code].sum())} excerpts, not {excerpts}")

    run_once()
    return run_once


@op("retrieval_first_page")
def retrieval_first_page(bench):
    """The retrieval page of a theme with its sub-codes, as a researcher: its count and first excerpt in context."""
    client = bench.client_for(Role.RESEARCHER)
    user = bench.users[Role.RESEARCHER]
    theme = Code.objects.filter(study=bench.study, parent__isnull=True).order_by("order", "pk").first()
    params = {"code": str(theme.pk), "include_subcodes": "on"}
    form = RetrievalForm(params, study=bench.study, user=user)
    if not form.is_valid():
        raise BenchError(f"the retrieval form refuses {params}: {form.errors}")
    total = form.excerpts().count()
    first = form.excerpts().first()
    url = reverse("reports:retrieval", args=[bench.study.slug]) + f"?code={theme.pk}&include_subcodes=on"
    reading = reverse("interviews:interview_detail", args=[bench.study.slug, first.interview_id])
    return lambda: expect_page(client.get(url), [f'data-count="{total}"', f'href="{reading}#t-'])


@op("transversal_open")
def transversal_open(bench):
    """The transversal page as a researcher: the code × site matrix, its heatmap, the silent sites."""
    client = bench.client_for(Role.RESEARCHER)
    url = reverse("reports:transversal", args=[bench.study.slug])
    return lambda: expect_page(client.get(url), ['id="matrix-figure"', 'id="matrix-table"'])


def _leaf_excerpts(bench, user):
    """{leaf code: distinct placed excerpts} in one plain query: a leaf's row must add up to it over the sites."""
    parents = Code.objects.filter(study=bench.study, parent__isnull=False).values("parent_id")
    leaves = Code.objects.filter(study=bench.study, is_archived=False).exclude(pk__in=parents)
    rows = (
        placed_codings(bench.study, user)
        .filter(code__in=leaves)
        .values("code_id")
        .annotate(n=Count("excerpt_id", distinct=True, filter=Q(excerpt__needs_review=False)))
        .order_by()
    )
    counts = {row["code_id"]: row["n"] for row in rows}
    if not counts:
        raise BenchError("the synthetic study has no codings: the coding builder did not run")
    return counts


@op("thematic_report_pdf")
def thematic_report_pdf(bench):
    """Issue 11's target: the thematic report of a demo site with every quote, as a researcher, all codes.

    The site is the demo study's with the most quotes (MTL1: about 1,000 passages on some 75 pages); the op loads
    the demo into the scratch database once, untimed, as sheet_pdf does. Timed: selection, HTML and PDF.
    """
    study, close = load_demo_study()
    researcher = (
        Membership.objects.filter(study=study, role=Role.RESEARCHER, sites=None).select_related("user").first().user
    )
    definitions = []
    for site in study.sites.order_by("code"):
        definition = ReportDefinition.objects.create(study=study, title=f"Rapport {site.code}", created_by=researcher)
        definition.sites.set([site])
        definitions.append((thematic.select(definition, user=researcher).quote_count, definition))
    expected, definition = max(definitions, key=lambda pair: pair[0])
    run_once = _thematic_run(definition, researcher, expected)
    run_once.close = close
    return run_once


@op("thematic_report_pdf_synthetic")
def thematic_report_pdf_synthetic(bench):
    """The same on a site of the synthetic study, to see the report grow with --scale (about 2,500 quotes on 120
    pages at --scale 1: the demo's largest site, twice and a half).

    The site is the first one of the real study's shape: the first site also holds the workspace ops' interview
    (20,000 words and 1,000 codings, eight interviews' worth in one), which makes it a site no study has.
    """
    user = bench.users[Role.RESEARCHER]
    workspace = bench.data.get("workspace_interview")
    sites = bench.study.sites.order_by("code")
    site = (sites.exclude(pk=workspace.site_id) if workspace else sites).first() or sites.first()
    definition = ReportDefinition.objects.create(study=bench.study, title=f"Rapport {site.code}", created_by=user)
    definition.sites.set([site])
    return _thematic_run(definition, user, thematic.select(definition, user=user).quote_count)


def _thematic_run(definition, user, expected):
    if expected == 0:
        raise BenchError(f"{definition.title} has no quote to print")

    def run_once():
        selection = thematic.select(definition, user=user)
        if selection.quote_count != expected:
            raise BenchError(f"{selection.quote_count} quotes, not {expected}")
        context = thematic_output.document_context(
            definition, selection, generated_by=user, generated_at=timezone.now()
        )
        if not thematic_output.report_pdf(context).startswith(b"%PDF"):
            raise BenchError("the report is not a PDF")

    return run_once
