"""TOTP is required of every role that can read transcripts; partners and people without a role are not asked."""

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sites.models import AccessEvent
from tests import factory

TEXT = "I : Bonjour.\nR : J'habite ici depuis dix ans."


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, "Entretien", text=TEXT, author=researcher)


def transcript_url(study, interview):
    return reverse("interviews:interview_detail", kwargs={"study": study.slug, "pk": interview.pk})


def without_totp(user):
    Authenticator.objects.filter(user=user).delete()
    return user


def test_a_coder_without_totp_is_sent_to_set_it_up_before_reading_a_transcript(login, study, interview, coder):
    client = login(without_totp(coder))
    url = transcript_url(study, interview)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp") + "?next=" + url.replace("/", "%2F")
    assert not AccessEvent.objects.exists()


@pytest.mark.parametrize("persona", ["admin", "researcher", "team_b"])
def test_every_role_that_reads_transcripts_needs_totp(request, login, study, persona):
    client = login(without_totp(request.getfixturevalue(persona)))
    response = client.get(reverse("sites:study_dashboard", kwargs={"study": study.slug}))
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_a_session_that_skipped_the_code_is_asked_for_it(login, study, interview, coder):
    client = login(coder)
    session = client.session
    del session[AUTHENTICATION_METHODS_SESSION_KEY]  # a password-only session of an account with TOTP
    session.save()
    response = client.get(transcript_url(study, interview))
    assert response.url.startswith(reverse("mfa_reauthenticate"))


def test_a_session_that_passed_totp_reads_the_transcript(login, study, interview, coder):
    assert login(coder).get(transcript_url(study, interview)).status_code == 200


def test_a_partner_without_totp_reaches_the_portal(login, partner):
    client = login(without_totp(partner))
    assert client.get(reverse("reports:portal")).status_code == 200


def test_an_account_without_a_role_is_not_asked(login, outsider):
    client = login(without_totp(outsider))
    assert client.get(reverse("sites:home")).status_code == 200


def test_staff_need_totp_for_the_admin(login, db):
    staff = factory.make_user("staff@example.test", totp=False, is_staff=True, is_superuser=True)
    client = login(staff)
    assert client.get("/admin/").url.startswith(reverse("mfa_activate_totp"))
    factory.make_user("staff2@example.test", is_staff=True, is_superuser=True)
    client.force_login(get_user_model().objects.get(email="staff2@example.test"))
    assert client.get("/admin/").status_code == 200


def test_the_account_pages_stay_open_to_set_totp_up(login, coder):
    client = login(without_totp(coder))
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))  # allauth's own step, not ours
    assert client.get(response.url).status_code == 200


# allauth announces the new authenticator when its transaction commits: a test transaction would hold it back.
@pytest.mark.django_db(transaction=True)
def test_activating_totp_counts_as_this_sessions_second_factor(login, study, interview, coder):
    client = login(without_totp(coder))
    client.post(reverse("account_reauthenticate"), {"password": factory.PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": factory.totp_code(secret)})
    assert response.status_code == 302
    assert client.get(transcript_url(study, interview)).status_code == 200


def test_the_setting_turns_the_requirement_off(login, settings, study, interview, coder):
    settings.MFA_REQUIRED = False
    assert login(without_totp(coder)).get(transcript_url(study, interview)).status_code == 200


def test_a_session_that_passed_totp_costs_no_query_for_it(login, study, researcher):
    client = login(researcher)
    url = reverse("sites:site_list", kwargs={"study": study.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert not [query for query in captured.captured_queries if "mfa_authenticator" in query["sql"]]
