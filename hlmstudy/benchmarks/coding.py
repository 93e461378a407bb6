"""The coding workspace's speed: coding a range through the real URL, opening and painting a heavily coded interview.

The builder adds a codebook, REAL["interviews"] × scale coded interviews (synthetic dialogue, written with
bulk_create), and one interview of WORKSPACE_WORDS words carrying WORKSPACE_CODINGS codings, the one the
workspace ops open. Issue 4's targets at --scale 10 on PostgreSQL: coding_create p95 ≤ 10 ms, workspace_open
p50 ≤ 30 ms, workspace_paint ≤ 300 ms.
"""

import json
import os
import random
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection, transaction
from django.test.testcases import LiveServerThread
from django.urls import reverse

from coding import anchoring
from coding.models import Code, Coding, Excerpt
from hlmstudy.benchmarks import BenchError, builder, expect_page, op, signed_in_client
from interviews.models import Interview, SpeakerTurn, TranscriptVersion
from sites.models import Participant, Site
from sites.permissions import Role

REAL = {"interviews": 83, "excerpts": 120}  # 82 individual interviews and a group one; excerpts per interview
INTERVIEW_WORDS = 2_500
WORKSPACE_WORDS = 20_000
WORKSPACE_EXCERPTS, WORKSPACE_DOUBLE = 700, 300  # 700 excerpts, 300 of them with two codes: 1,000 codings
CODEBOOK = {  # the shape of a thematic grid: themes and their sub-codes
    "Réseau partenarial": ["Concertation", "Confiance", "Rôles", "Conflits", "Ententes"],
    "Intervention de proximité": ["Présence", "Accompagnement", "Référence", "Médiation"],
    "Lieux": ["Local communautaire", "Espaces extérieurs", "Bureau de l'office"],
    "Vie de quartier": ["Voisinage", "Sécurité", "Propreté", "Activités"],
    "Participation": ["Comités", "Bénévolat", "Association de locataires"],
    "Santé et services": ["CLSC", "Santé mentale", "Aînés"],
    "Logement": ["Entretien", "Attribution", "Punaises"],
    "Trajectoires": ["Arrivée", "Départ"],
}
WORDS = (
    "logement comité intervenante résidents quartier sécurité entraide café été réunion voisins HLM organisme "
    "confiance bénévoles activité jardin famille aînés concertation projet local ruelle épicerie soutien office "
    "locataires CLSC rencontre partenaires école enfants parents déménagement punaises entretien fête cuisine "
    "collective aide dépannage écoute table milieu ensemble bâtiment porte ascenseur problème solution"
).split()
BATCH = 2000
CHROMIUM = os.getenv("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"]


def synthetic_transcript(rng, words, speaker):
    """(text, turns as (start, end, body_start, label)) of about `words` words of interview dialogue."""
    lines, turns, position, count = [], [], 0, 0
    while count < words:
        asking = len(turns) % 2 == 0
        label = "Intervieweuse" if asking else speaker
        length = rng.randint(8, 24) if asking else rng.randint(30, 110)
        body = " ".join(rng.choice(WORDS) for _ in range(length)).capitalize()
        body += "?" if asking else (" 🙂." if len(turns) % 9 == 3 else ".")
        line = f"{label} : {body}"
        turns.append((position, position + len(line), position + len(label) + 3, label))
        lines.append(line)
        position += len(line) + 1
        count += length
    return "\n".join(lines), turns


@builder
@transaction.atomic  # one commit for the whole load, not one per INSERT
def build_coding(bench):
    """The codebook, the coded interviews and the workspace's interview (bulk writes)."""
    rng = random.Random(4)
    codes = _build_codebook(bench)
    sites = list(Site.objects.filter(study=bench.study).order_by("code"))
    speakers = {p.site_id: p for p in Participant.objects.filter(study=bench.study).order_by("-code")}
    coders = [bench.users[Role.CODER], bench.users[Role.RESEARCHER]]
    specs = [
        (sites[n % len(sites)], INTERVIEW_WORDS, REAL["excerpts"], 0) for n in range(bench.count(REAL["interviews"]))
    ]
    specs.append((sites[0], WORKSPACE_WORDS, WORKSPACE_EXCERPTS, WORKSPACE_DOUBLE))
    interviews = _build_interviews(bench, rng, specs, speakers)
    excerpts, codings = _code_interviews(rng, specs, interviews, codes, coders)
    workspace = interviews[-1][0]
    bench.data["workspace_interview"] = workspace
    bench.data["coding_interview"] = interviews[0][0]  # at the coder's site, for coding_create
    if connection.vendor == "postgresql":
        # Bulk-loaded moments ago: give the planner the statistics autovacuum would have gathered in production.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"codes": len(codes), "interviews": len(interviews), "excerpts": excerpts, "codings": codings}


def _build_codebook(bench):
    author = bench.users[Role.RESEARCHER]
    roots = Code.objects.bulk_create(
        Code(study=bench.study, name=name, colour=f"#{(n * 2654435761) % 0xFFFFFF:06x}", order=n, created_by=author)
        for n, name in enumerate(CODEBOOK)
    )
    children = Code.objects.bulk_create(
        Code(study=bench.study, parent=root, name=child, colour=root.colour, order=m, created_by=author)
        for root in roots
        for m, child in enumerate(CODEBOOK[root.name])
    )
    return roots + children


def _build_interviews(bench, rng, specs, speakers):
    """[(interview, version)] for (site, words, …) specs: interviews, versions, turns, current versions."""
    author = bench.users[Role.RESEARCHER]
    interviews = Interview.objects.bulk_create(
        Interview(
            study=bench.study, site=site, title=f"Entretien synthétique {n:05d}", status="ready", created_by=author
        )
        for n, (site, *_rest) in enumerate(specs)
    )
    texts = [synthetic_transcript(rng, words, speakers[site.pk].code) for site, words, *_rest in specs]
    versions = TranscriptVersion.objects.bulk_create(
        (
            TranscriptVersion(interview=interview, number=1, text=text, author=author)
            for interview, (text, _turns) in zip(interviews, texts, strict=True)
        ),
        batch_size=200,
    )
    for interview, version in zip(interviews, versions, strict=True):
        interview.current_version = version
    Interview.objects.bulk_update(interviews, ["current_version"], batch_size=BATCH)
    SpeakerTurn.objects.bulk_create(
        (
            SpeakerTurn(
                version=version,
                start=start,
                end=end,
                body_start=body_start,
                label=label,
                speaker=None if label == "Intervieweuse" else speakers[interview.site_id],
                is_interviewer=label == "Intervieweuse",
            )
            for interview, version, (_text, turns) in zip(interviews, versions, texts, strict=True)
            for start, end, body_start, label in turns
        ),
        batch_size=BATCH,
    )
    return list(zip(interviews, versions, strict=True))


def _code_interviews(rng, specs, interviews, codes, coders):
    """Per interview, `count` excerpts at random places, its first `double` with two codes; (excerpts, codings).

    Written in batches across interviews: a few thousand rows per INSERT, not two INSERTs per interview.
    """
    rows, doubles = [], []
    for (_site, _words, count, double), (interview, version) in zip(specs, interviews, strict=True):
        text = version.text
        for n in range(count):
            start = rng.randrange(0, len(text) - 250)
            end = start + rng.randint(20, 240)
            selector = anchoring.text_quote(text, start, end)
            rows.append(
                Excerpt(
                    interview=interview,
                    version=version,
                    start=start,
                    end=end,
                    quote=selector.quote,
                    prefix=selector.prefix,
                    suffix=selector.suffix,
                    created_by=coders[n % 2],
                )
            )
            doubles.append(n < double)
    excerpts = Excerpt.objects.bulk_create(rows, batch_size=BATCH)
    codings = [
        Coding(excerpt=excerpt, code=code, coder=excerpt.created_by)
        for excerpt, two in zip(excerpts, doubles, strict=True)
        for code in rng.sample(codes, 2 if two else 1)
    ]
    Coding.objects.bulk_create(codings, batch_size=BATCH)
    return len(excerpts), len(codings)


def _placed_codings(interview):
    """The codings the workspace shows: a later builder may have sent some excerpts to review."""
    return Coding.objects.filter(excerpt__interview=interview, excerpt__needs_review=False).count()


@op("coding_create")
def coding_create(bench):
    """A coder codes a new range with two codes: POST JSON through the workspace's URL (a new excerpt each time)."""
    client = bench.client_for(Role.CODER)
    interview = bench.data["coding_interview"]
    url = reverse("coding:workspace_excerpt_create", args=[bench.study.slug, interview.pk])
    code_ids = list(Code.objects.filter(study=bench.study).order_by("pk").values_list("pk", flat=True)[:2])
    length = len(interview.current_version.text)
    counter = iter(range(10**9))
    run = f"{os.getpid()}-{time.time_ns()}"  # a kept database (bench --keep) holds the keys of earlier runs

    def run_once():
        n = next(counter)
        start = (n * 7919) % (length - 300)
        key = f"bench-{run}-{n}"
        body = {"start": start, "end": start + 40 + n % 200, "code_ids": code_ids, "idempotency_key": key}
        response = client.post(url, json.dumps(body), content_type="application/json")
        if response.status_code != 201:
            raise BenchError(f"{url} answered {response.status_code}: {response.content[:200]!r}")

    return run_once


@op("workspace_open")
def workspace_open(bench):
    """The workspace page of the interview with 1,000 codings on 20,000 words, as a researcher (server time)."""
    client = bench.client_for(Role.RESEARCHER)
    interview = bench.data["workspace_interview"]
    url = reverse("coding:workspace", args=[bench.study.slug, interview.pk])
    expected = _placed_codings(interview)
    turns = SpeakerTurn.objects.filter(version=interview.current_version_id).count()

    def run_once():
        body = expect_page(client.get(url), ['id="ws-data"', 'class="turn__body ws-block"']).content.decode()
        if body.count('"coding_id"') != expected or body.count("ws-block") < turns:
            raise BenchError(f"{url} does not carry the {expected} codings and {turns} turns")

    return run_once


@op("workspace_paint")
def workspace_paint(bench):
    """The same page in headless Chromium, from navigation to the moment every coding is painted (the page's mark).

    Playwright runs in a thread of its own: its event loop must not sit in the thread that uses the ORM.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BenchError("workspace_paint needs Playwright (the test extras) and Debian's chromium") from None
    path = reverse("coding:workspace", args=[bench.study.slug, bench.data["workspace_interview"].pk])
    expected = _placed_codings(bench.data["workspace_interview"])
    client = signed_in_client(bench.users[Role.RESEARCHER])
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://127.0.0.1:{server.port}"
    browser_thread = ThreadPoolExecutor(max_workers=1)
    held = {}

    def start():
        held["playwright"] = sync_playwright().start()
        held["browser"] = held["playwright"].chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = held["browser"].new_context(viewport={"width": 1440, "height": 900})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
        held["page"] = context.new_page()

    def paint():
        page = held["page"]
        page.goto(base + path)
        page.wait_for_selector("#workspace[data-painted]", state="attached")
        return float(page.evaluate("performance.getEntriesByName('ws-painted')[0].startTime"))

    def stop():
        if "browser" in held:
            held["browser"].close()
        if "playwright" in held:
            held["playwright"].stop()

    def run_once():
        return browser_thread.submit(paint).result()

    def close():
        browser_thread.submit(stop).result()
        browser_thread.shutdown()
        server.terminate()

    run_once.close = close
    try:
        browser_thread.submit(start).result()
        run_once()
        count = "[...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)"
        painted = browser_thread.submit(lambda: held["page"].evaluate(count)).result()
        if painted < expected:
            raise BenchError(f"{path} painted {painted} ranges for {expected} codings")
    except BaseException:
        close()
        raise
    return run_once
