"""A job speaks the language of the person who started it, whatever language the worker runs in."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from hlmstudy.celery import app
from sites import jobs
from sites.models import Job
from sites.tasks import export_participants


@pytest.fixture
def eager(monkeypatch, settings, tmp_path):
    """In-process tasks whatever the environment holds, files in a folder of the test's own."""
    monkeypatch.setitem(app.conf, "task_always_eager", True)
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.mark.parametrize(("language", "done"), [("en", "Done."), ("fr-ca", "Terminé.")], ids=["en", "fr"])
def test_a_job_runs_in_the_language_it_was_started_in(
    eager, study, researcher, participant_a, django_capture_on_commit_callbacks, language, done
):
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue(export_participants, kind="participants_export", owner=researcher, study=study)
    job.refresh_from_db()

    assert job.params["language"] == language
    assert (job.status, job.message) == (Job.Status.SUCCEEDED, done)


def test_the_work_and_its_error_are_in_the_starters_language_even_when_the_worker_is_in_another(study, researcher):
    job = Job.objects.create(kind="test", owner=researcher, study=study, params={"language": "en"})
    seen = []

    def work(job, progress):
        seen.append(translation.get_language())
        progress(50, gettext("Done."))
        raise ValueError(gettext("Done."))

    with translation.override("fr-ca"):  # the worker's own language
        jobs.run(job.pk, work)

    job.refresh_from_db()
    assert seen == ["en"]
    assert (job.status, job.message, job.error) == (Job.Status.FAILED, "Done.", "Done.")


def test_an_english_export_has_english_headers(
    eager, study, researcher, participant_a, django_capture_on_commit_callbacks
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue(export_participants, kind="participants_export", owner=researcher, study=study)
    with translation.override("fr-ca"), django_capture_on_commit_callbacks(execute=True):
        french = jobs.enqueue(export_participants, kind="participants_export", owner=researcher, study=study)
    job.refresh_from_db()
    french.refresh_from_db()

    english_header = job.result_file.read().decode("utf-8-sig").splitlines()[0]
    french_header = french.result_file.read().decode("utf-8-sig").splitlines()[0]
    assert english_header != french_header
    assert "site" in english_header.lower() and "milieu" in french_header.lower()
