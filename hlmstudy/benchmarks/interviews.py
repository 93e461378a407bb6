"""The transcripts' speed: importing a long docx, and French full-text search over a study's transcripts.

The builder gives the synthetic study REAL["interviews"] × scale interviews of realistic French (the demo
generator's text, so searches hit real vocabulary), saved through the interviews services so that their
turns and search passages are exactly what an import makes. Issue 3's targets: one 10,000-word docx
imported in ≤ 1 s; search p95 ≤ 100 ms at --scale 10 on PostgreSQL.
"""

import io
import itertools

import docx
from django.db import connection
from django.urls import reverse

from hlmstudy.benchmarks import BenchError, builder, expect_page, op
from interviews import demo_texts, services
from interviews.models import Interview
from sites.models import Participant, Site
from sites.permissions import Role

REAL = {"interviews": 89}  # 88 individual interviews and the group interview
DOCX_WORDS = 10_000
QUERIES = [
    "logement",
    "espaces collectifs",
    "roulement du personnel",
    "sécurité",
    "intervenante de milieu",
    "comité",
    "isolement",
    "mobilisation des résidents",
    "référencement",
    "association de locataires",
]


@builder
def build_interviews(bench):
    """Interviews with French transcripts through the services (turns and passages as an import makes them)."""
    sites = {site.pk: site for site in Site.objects.filter(study=bench.study)}
    speakers = Participant.objects.filter(study=bench.study).exclude(kind="researcher").order_by("code")
    author = bench.users[Role.RESEARCHER]
    count = 0
    for n, participant in enumerate(itertools.islice(itertools.cycle(speakers), bench.count(REAL["interviews"]))):
        site = sites[participant.site_id]
        demo = demo_texts.individual_interview(
            participant_code=participant.code,
            participant_kind=participant.kind,
            site_code=site.code,
            site_name=site.name,
            city=site.city,
            seed=n,
        )
        interview = services.create_interview(
            study=bench.study,
            site=site,
            kind=Interview.Kind.INDIVIDUAL,
            title=f"Entrevue synthétique {n}",
            created_by=author,
            interviewer_label=demo_texts.INTERVIEWER,
            participants=[(participant, participant.code)],
        )
        services.save_transcript_edit(interview, text=demo.text, author=author)
        count += 1
    if connection.vendor == "postgresql":
        # A live database has autovacuum's statistics; a freshly filled one must be told, or plans are blind.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"interviews": count}


@op("transcript_import_docx")
def transcript_import_docx(bench):
    """One 10,000-word docx with speaker labels imported as a new interview (read, turns, passages, file)."""
    data = _long_docx(bench)
    site = Site.objects.filter(study=bench.study).order_by("code").first()
    author = bench.users[Role.RESEARCHER]
    counter = itertools.count()

    def run():
        interview = services.import_new_interview(
            study=bench.study,
            site=site,
            kind=Interview.Kind.INDIVIDUAL,
            name=f"entrevue-{next(counter)}.docx",
            data=data,
            author=author,
        )
        version = interview.current_version
        if version is None or len(version.text.split()) < DOCX_WORDS or not version.turns.exists():
            raise BenchError("the docx was not imported with its text and turns")

    return run


def _long_docx(bench):
    document = docx.Document()
    words, seed = 0, 0
    while words < DOCX_WORDS:
        demo = demo_texts.individual_interview(
            participant_code="R-S0001-00001",
            participant_kind="resident",
            site_code="S0001",
            site_name="Milieu synthétique 1",
            city="Montréal",
            seed=10_000 + seed,
        )
        for line in demo.text.splitlines():
            if words >= DOCX_WORDS:
                break
            document.add_paragraph(line)
            words += len(line.split())
        seed += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@op("search")
def search(bench):
    """The search page for a cycle of French queries, as a researcher (results must be found and marked)."""
    client = bench.client_for(Role.RESEARCHER)
    url = reverse("interviews:transcript_search", args=[bench.study.slug])
    queries = itertools.cycle(QUERIES)

    def run():
        expect_page(client.get(url, {"q": next(queries)}), ["<mark>"])

    return run
