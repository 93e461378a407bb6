"""A database restarting answers 503 with Retry-After (the suite in tests/reliability/ restarts a real one)."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from sites.models import Job


@pytest.fixture
def database_down():
    error = OperationalError("server closed the connection unexpectedly")
    with mock.patch("sites.views.jobs.get_object_or_404", side_effect=error):
        yield


def test_a_page_asks_to_retry_in_french_while_the_database_restarts(login, researcher, study, database_down):
    job = Job.objects.create(kind="test", owner=researcher, study=study)

    response = login(researcher).get(reverse("sites:job_detail", args=[job.pk]))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Le service est brièvement indisponible" in response.content.decode()


def test_the_workspace_script_gets_json_while_the_database_restarts(login, researcher, study, database_down):
    job = Job.objects.create(kind="test", owner=researcher, study=study)

    response = login(researcher).get(reverse("sites:job_detail", args=[job.pk]), headers={"Accept": "application/json"})

    assert response.status_code == 503
    assert "error" in response.json()


def test_other_errors_are_not_taken_for_a_restart(login, researcher, study):
    job = Job.objects.create(kind="test", owner=researcher, study=study)
    client = login(researcher)
    client.raise_request_exception = True

    with mock.patch("sites.views.jobs.get_object_or_404", side_effect=ValueError("a bug")):
        with pytest.raises(ValueError):
            client.get(reverse("sites:job_detail", args=[job.pk]))
