"""Security headers on every page, no cache of private pages, error pages that show nothing internal,
and `check --deploy` clean with production settings."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from tests import factory

TEXT = "I : Bonjour.\nR : J'habite ici depuis dix ans."
RUNNABLE_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*application/json)[^>]*>")


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, "Entretien", text=TEXT, author=researcher)


def test_a_transcript_page_carries_the_security_headers_and_is_never_stored(login, study, interview, researcher):
    url = reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk})
    response = login(researcher).get(url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert re.search(r"script-src 'self' 'nonce-[\w+/=-]+'", policy)
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"
    assert RUNNABLE_INLINE_SCRIPT.findall(response.content.decode()) == []


@pytest.mark.parametrize("name", ["coding:workspace", "coding:transcript_edit", "interviews:version_list"])
def test_transcript_pages_run_no_inline_script_and_are_not_stored(login, study, interview, researcher, name):
    response = login(researcher).get(reverse(name, kwargs={"study": study.slug, "pk": interview.pk}))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert RUNNABLE_INLINE_SCRIPT.findall(response.content.decode()) == []


def test_the_login_page_is_not_stored_either(client, db):
    assert "no-store" in client.get(reverse("account_login"))["Cache-Control"]  # allauth's never_cache


def test_hsts_is_sent_over_https_with_the_production_value(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("account_login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


def production_environment():
    unset = ("DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the last one is for the browser tests only
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(SECRET_KEY="x" * 64 + "production-test-key-not-secret", ALLOWED_HOSTS="example.org")
    return environment


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_keep_cookies_secure_and_https_strict():
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hlmstudy.settings'); django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.MFA_REQUIRED, s.PASSWORD_HASHERS[0].rsplit('.', 1)[1])"
    )
    result = subprocess.run(  # noqa: S603 - the interpreter running the tests, fixed code
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "True", "31536000", "True", "Argon2PasswordHasher"]


# Error pages


def test_an_unknown_page_answers_404_in_the_layout(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="topbar"' in html
    assert "<h1>Page introuvable</h1>" in html
    assert "URLconf" not in html  # Django's technical page lists the URL patterns


def test_a_refused_write_answers_403_in_the_layout_without_the_reason(login, study, team_b):
    response = login(team_b).get(reverse("sites:site_create", kwargs={"study": study.slug}))
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="topbar"' in html
    assert "PermissionDenied" not in html


@pytest.mark.parametrize(("handler", "status"), [(defaults.server_error, 500), (defaults.bad_request, 400)])
def test_server_and_bad_request_errors_render_in_the_layout_and_show_nothing_internal(db, handler, status):
    request = RequestFactory().get("/")
    secret = "internal detail: password=hunter2"
    response = handler(request) if status == 500 else handler(request, Exception(secret))
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="topbar"' in html
    assert 'href="/static/css/app.css"' in html
    assert "hunter2" not in html and "Traceback" not in html


def test_a_refused_csrf_token_answers_in_the_layout(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.test", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="topbar"' in html
    assert "Formulaire expiré" in html
    assert "CSRF cookie not set" not in html and "Referer" not in html
