"""load_demo gives the demo study transcripts and coded evidence from which the seed sheet's results can be rebuilt.

Loading the whole demo takes a while, so this module loads it twice, once for all its tests, inside a transaction
that is rolled back at the end (the other modules never see it).
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F
from django.test import override_settings

from coding import demo as coding_demo
from coding.demo_codebook import CODEBOOK, THEME_CODES, paths
from coding.models import COLOUR_PATTERN, Assignment, Code, Coding, Excerpt, Memo
from interviews import demo_themes
from interviews.models import Interview, InterviewParticipant, SpeakerTurn, TranscriptVersion
from sites.models import Study


def counts():
    study = Study.objects.get(slug="demo")
    return {
        "interviews": Interview.objects.filter(study=study).count(),
        "versions": TranscriptVersion.objects.filter(interview__study=study).count(),
        "turns": SpeakerTurn.objects.filter(version__interview__study=study).count(),
        "codes": Code.objects.filter(study=study).count(),
        "excerpts": Excerpt.objects.filter(interview__study=study).count(),
        "codings": Coding.objects.filter(excerpt__interview__study=study).count(),
        "memos": Memo.objects.filter(study=study).count(),
        "assignments": Assignment.objects.filter(study=study).count(),
    }


@pytest.fixture(scope="module")
def loads(django_db_setup, django_db_blocker):
    """The command's output and the counts after a first and a second load, then everything rolled back."""
    runs = []
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        with transaction.atomic():
            for _ in range(2):
                out = StringIO()
                call_command("load_demo", "--allow-known-passwords", stdout=out)
                runs.append((out.getvalue(), counts()))
            yield runs
            transaction.set_rollback(True)


@pytest.fixture
def demo(loads, db):
    return Study.objects.get(slug="demo")


def codings_by(email):
    return Coding.objects.filter(excerpt__interview__study__slug="demo", coder__email=email)


def test_a_second_load_creates_nothing_and_the_summary_says_what_is_there(loads, db):
    (first_output, first), (second_output, second) = loads
    assert first == second
    assert first["interviews"] == 82 + 1 + 36 and first["versions"] > first["interviews"]
    assert first["codes"] == len(paths()) and first["memos"] >= 8
    assert 4000 < first["excerpts"] == first["codings"]
    numbers = [int(n) for n in re.findall(r"\d+", second_output.split("\n")[2])]
    assert numbers == [first[key] for key in ("interviews", "versions", "codes", "excerpts", "codings", "memos")]


def test_every_interview_has_a_current_version_and_every_turn_a_speaker(demo):
    interviews = Interview.objects.filter(study=demo)
    assert not interviews.filter(current_version=None).exists()
    spoken = interviews.exclude(kind=Interview.Kind.OBSERVATION)
    assert not spoken.annotate(n=Count("current_version__turns")).filter(n__lt=10).exists()
    turns = SpeakerTurn.objects.filter(version__interview__study=demo, version=F("version__interview__current_version"))
    assert not turns.filter(speaker=None, is_interviewer=False).exists()
    mismatched = turns.filter(is_interviewer=False).exclude(speaker__code=F("label"))
    assert not mismatched.exists()
    group = interviews.get(kind=Interview.Kind.GROUP)
    assert group.interview_participants.count() == 6
    assert turns.filter(version__interview=group).values("speaker", "is_interviewer").distinct().count() == 7
    notes = interviews.filter(kind=Interview.Kind.OBSERVATION)
    assert notes.count() == 36 and not turns.filter(version__interview__in=notes).exists()
    assert not notes.filter(meeting="").exists() and not notes.filter(committee="").exists()


def test_participants_consented_before_their_interviews_and_none_was_interviewed_after_withdrawing(demo):
    pairs = InterviewParticipant.objects.filter(interview__study=demo).select_related("interview", "participant")
    consents = pairs.values_list(
        "interview__date", "participant__consent__given_on", "participant__consent__withdrawn_on"
    )
    assert len(consents) == 82 + 6
    assert all(
        given_on <= day and (withdrawn_on is None or day < withdrawn_on) for day, given_on, withdrawn_on in consents
    )


def test_statuses_vary_and_interviews_still_to_code_have_no_codings(demo):
    statuses = dict(Interview.objects.filter(study=demo).values_list("status").annotate(n=Count("id")))
    assert statuses["coded"] > statuses["ready"] > 0 and statuses["validated"] > 0 and "draft" not in statuses
    assert not Excerpt.objects.filter(interview__study=demo, interview__status="ready").exists()
    coded = Interview.objects.filter(study=demo, status__in=["coded", "validated"])
    assert not coded.annotate(n=Count("excerpts")).filter(n=0).exists()


def test_excerpts_quote_their_span_of_the_current_version(demo):
    excerpts = Excerpt.objects.filter(interview__study=demo).select_related("version", "interview")
    assert excerpts.exclude(version=F("interview__current_version")).count() == 0
    assert not excerpts.filter(needs_review=True).exists()
    for excerpt in excerpts.iterator(chunk_size=500):
        text = excerpt.version.text
        assert excerpt.quote == text[excerpt.start : excerpt.end] == excerpt.quote.strip() != ""
        assert excerpt.prefix == text[max(0, excerpt.start - 32) : excerpt.start]
    corrected = Interview.objects.filter(study=demo, versions__number=2)
    assert corrected.exists() and Excerpt.objects.filter(interview__in=corrected, version__number=2).exists()


def test_the_coder_codes_only_their_site_and_agrees_often_but_not_always(demo):
    coder = codings_by("codeur@demo.test")
    assert set(coder.values_list("excerpt__interview__site__code", flat=True)) == {"MTL1"}
    mtl1 = Interview.objects.filter(study=demo, site__code="MTL1", status__in=["coded", "validated"])
    assert set(coder.values_list("excerpt__interview", flat=True)) == set(mtl1.values_list("pk", flat=True))
    reference = set(
        codings_by("chercheure@demo.test")
        .filter(excerpt__interview__site__code="MTL1")
        .values_list("excerpt__interview", "excerpt__start", "excerpt__end", "code")
    )
    second = set(coder.values_list("excerpt__interview", "excerpt__start", "excerpt__end", "code"))
    agreed = len(reference & second)
    assert 0.7 < agreed / len(reference) < 0.95
    assert 0.8 < agreed / len(second) < 1


def site_sets():
    """{code path: sites where it or a sub-code is coded}, whoever coded it."""
    rows = Coding.objects.filter(excerpt__interview__study__slug="demo").values_list(
        "code__parent__name", "code__name", "excerpt__interview__site__code"
    )
    sites = {}
    for parent, name, site in rows.distinct():
        path = (parent, name) if parent else (name,)
        sites.setdefault(path, set()).add(site)
        sites.setdefault(path[:1], set()).add(site)
    return sites


def test_every_theme_of_the_sheet_is_coded_and_each_top_level_code_in_three_sites_or_more(demo):
    sites = site_sets()
    assert set(sites) == set(paths())
    assert all(len(sites[(root.name,)]) >= 3 for root in CODEBOOK)


# The sites' emphases (interviews/demo_bank.SITE_PROFILES): an analysis must find these codes silent elsewhere.
SITE_SPECIFIC = {
    ("Naissance du réseau", "Réaction à une crise"): {"MTL2", "QC1"},
    ("Naissance du réseau", "Vision collective"): {"MTL1", "QC2"},
    ("Pistes d'action", "Modèle CIUSSS travailleur social"): {"MTL1"},
    ("Pistes d'action", "Proximité physique"): {"MTL1"},
    ("Pistes d'action", "Ententes de gestion"): {"MTL2"},
    ("Pistes d'action", "Outils et guides"): {"QC1"},
    ("Défis et controverses", "Espaces collectifs"): {"MTL1", "MTL2", "QC1"},
}


@pytest.mark.parametrize(("path", "expected"), SITE_SPECIFIC.items())
def test_site_specific_codes_stay_silent_in_the_other_sites(demo, path, expected):
    assert site_sets()[path] == expected


def test_memos_are_written_on_codes_the_study_a_site_and_interviews(demo):
    memos = Memo.objects.filter(study=demo)
    assert {memo.anchor_type for memo in memos} == {"code", "study", "site", "interview"}
    assert set(memos.values_list("kind", flat=True)) == {"analytic", "methodological", "theoretical"}
    assert set(memos.values_list("author__email", flat=True)) == {"chercheure@demo.test", "codeur@demo.test"}
    assert all(memo.body.strip() for memo in memos)


def test_every_theme_of_the_transcripts_maps_to_a_code_of_the_codebook():
    assert set(THEME_CODES) == demo_themes.THEME_KEYS
    assert set(THEME_CODES.values()) <= set(paths())
    assert {path for path in paths() if len(path) == 2} <= set(THEME_CODES.values())


def test_the_codebook_has_distinct_colours_and_french_definitions():
    codes = [code for root in CODEBOOK for code in (root, *root.children)]
    assert len({code.colour for code in codes}) == len(codes)
    assert all(re.fullmatch(COLOUR_PATTERN, code.colour) for code in codes)
    assert all(code.definition for code in codes)
    assert sum(bool(code.inclusion) for code in codes) > len(codes) / 2
    assert sum(bool(code.example) for code in codes) > len(codes) * 0.9
    assert len(paths()) == len(set(paths()))


def test_a_second_coder_varies_deterministically_and_only_now_and_then():
    text = "Première phrase. Deuxième phrase, plus longue. Troisième."
    present = {THEME_CODES["silo"], THEME_CODES["expertises"], THEME_CODES["isolement"]}

    def readings():
        return [coding_demo._second_reading(text, 0, len(text), "silo", f"k{n}", present) for n in range(400)]

    assert readings() == readings()
    same = readings().count((0, len(text), THEME_CODES["silo"]))
    assert 0.7 * 400 < same < 0.85 * 400
    assert readings().count(None) > 0
    assert {path for *_span, path in filter(None, readings())} == {THEME_CODES["silo"], THEME_CODES["expertises"]}
    cuts = {(start, end) for start, end, _path in filter(None, readings())} - {(0, len(text))}
    assert cuts == {(17, len(text)), (0, 46)}


def test_demo_has_a_closed_double_coding_assignment_with_agreement_figures(demo):
    from coding.agreement_report import study_report

    assignment = Assignment.objects.get(study=demo)
    assert not assignment.is_open
    assert set(assignment.passes.values_list("coder__email", flat=True)) == {"chercheure@demo.test", "codeur@demo.test"}
    report = study_report(demo, user=None)
    overall = report.overall()
    assert len(report.cells) == assignment.interviews.count() > 0
    # Independent coders who agree most of the time, not always.
    assert 0.6 < overall.kappa < 1
    assert 0.6 < overall.alpha < 1
