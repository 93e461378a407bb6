"""`manage.py purge_expired`: a dry run by default; with --yes, studies past their retention date lose their
transcripts, originals, excerpts, memos and identities, and keep a record without content."""

import datetime
import os

import pytest
from django.core.management import call_command

from coding import services as coding
from coding.models import ErasureRecord, Excerpt, Memo
from interviews import services
from interviews.models import Interview, SourceFile, TranscriptVersion
from sites.models import Participant, ParticipantIdentity
from tests import factory

TEXT = "I : Bonjour.\nR : Je vis ici depuis vingt ans et je connais tout le monde."


@pytest.fixture
def coded(study, site_a, participant_a, other_study, other_site, researcher, media_root):
    for owner, site, participants in ((study, site_a, [(participant_a, "R")]), (other_study, other_site, [])):
        interview = factory.make_interview(owner, site, "Entretien", participants=participants)
        services.import_transcript(interview, name="entretien.txt", data=TEXT.encode(), author=None)
        interview.refresh_from_db()
        excerpt = factory.make_excerpt(interview, 17, 40, codes=[factory.make_code(owner, "Ancrage")], coder=researcher)
        coding.create_memo(owner, author=None, kind="analytic", title="Mémo", anchor=excerpt)
    ParticipantIdentity.objects.create(participant=participant_a, full_name="Nom Fictif")
    study.retention_until = datetime.date(2020, 1, 1)
    study.save()
    other_study.retention_until = datetime.date(2999, 1, 1)
    other_study.save()


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_says_what_would_go_and_erases_nothing(coded, study):
    output = run()
    assert "etude" in output and "1 interviews" in output and "Dry run" in output
    assert "autre" not in output
    assert Interview.objects.filter(study=study).exists() and not ErasureRecord.objects.exists()


def test_yes_erases_the_expired_study_only(coded, study, other_study, django_capture_on_commit_callbacks):
    paths = [source.file.path for source in SourceFile.objects.filter(interview__study=study)]
    with django_capture_on_commit_callbacks(execute=True):
        output = run("--yes")
    assert "etude: erased 1 interviews, 1 excerpts, 1 memos, 1 original files, 1 identities" in output
    assert not Interview.objects.filter(study=study).exists()
    assert not TranscriptVersion.objects.filter(interview__study=study).exists()
    assert not Excerpt.objects.filter(interview__study=study).exists() and not Memo.objects.filter(study=study).exists()
    assert not ParticipantIdentity.objects.exists() and Participant.objects.filter(study=study).exists()
    assert not any(os.path.exists(path) for path in paths)
    record = ErasureRecord.objects.get()
    assert (record.study, record.reason, record.interviews) == (study, "retention", 1)
    assert Interview.objects.filter(study=other_study).count() == 1 and Memo.objects.filter(study=other_study).exists()


def test_nothing_to_purge(db):
    assert "No study" in run("--yes")
