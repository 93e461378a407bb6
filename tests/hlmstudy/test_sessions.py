"""Sessions: in the database, ended on sign-out, password change and deactivation, idle and absolute
timeouts, a list of one's other sessions; the admin signs in through allauth; rate limits see the real client."""

import time

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from hlmstudy import sessions
from tests import factory

NEW_PASSWORD = "jardin-collectif-2024"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password=factory.PASSWORD, **headers):
    """Through allauth's forms, as a browser would: password, then the TOTP code. Returns the last response."""
    response = client.post(reverse("account_login"), {"login": email, "password": password}, **headers)
    if response.status_code == 302 and response.url == reverse("mfa_authenticate"):
        response = client.post(reverse("mfa_authenticate"), {"code": factory.totp_code()}, **headers)
    return response


def next_totp_period():
    """allauth accepts a TOTP code once: a second device signs in with the next code. Forget the used one."""
    cache.clear()


def dashboard(client, study):
    return client.get(reverse("sites:study_dashboard", kwargs={"study": study.slug}))


def test_sessions_live_in_the_database_and_sign_out_deletes_it(client, researcher, study):
    sign_in(client, researcher.email)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert dashboard(client, study).status_code == 302


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(researcher, study):
    laptop, phone = Client(), Client()
    sign_in(laptop, researcher.email)
    next_totp_period()
    sign_in(phone, researcher.email)
    phone_key = phone.session.session_key
    assert dashboard(phone, study).status_code == 200

    body = {"oldpassword": factory.PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    laptop.post(reverse("account_reauthenticate"), {"password": factory.PASSWORD})
    assert laptop.post(reverse("account_change_password"), body).status_code == 302

    assert dashboard(laptop, study).status_code == 200
    response = dashboard(phone, study)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Session.objects.filter(session_key=phone_key).exists()


def test_a_deactivated_account_loses_its_session(login, researcher, study):
    client = login(researcher)
    assert dashboard(client, study).status_code == 200
    researcher.is_active = False
    researcher.save()
    assert dashboard(client, study).url.startswith(reverse("account_login"))


def test_deactivating_in_the_admin_deletes_the_sessions(researcher, db):
    staff = factory.make_user("staff@example.test", is_staff=True, is_superuser=True)
    member = Client()
    sign_in(member, researcher.email)
    key = member.session.session_key
    admin_client = Client()
    admin_client.force_login(staff)
    url = reverse("admin:auth_user_change", args=[researcher.pk])
    form = admin_client.get(url).context["adminform"].form
    # The change form as the admin sends it, with "active" unticked (an unticked box is absent from the POST).
    skip = {"password", "last_login", "user_permissions", "groups", "is_active", "date_joined"}
    body = {name: value for name, value in form.initial.items() if name not in skip and value is not None}
    body.update({"date_joined_0": "2024-01-01", "date_joined_1": "00:00:00"})
    response = admin_client.post(url, body)
    assert response.status_code == 302
    researcher.refresh_from_db()
    assert not researcher.is_active
    assert not Session.objects.filter(session_key=key).exists()


def test_an_idle_session_ends(login, researcher, study, settings):
    client = login(researcher)
    session = client.session
    session[sessions.SEEN_AT] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 1
    session.save()
    response = dashboard(client, study)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_a_session_past_its_absolute_lifetime_ends_however_active(login, researcher, study, settings):
    client = login(researcher)
    session = client.session
    session[sessions.LOGIN_AT] = int(time.time()) - settings.SESSION_COOKIE_AGE - 1
    session.save()
    assert dashboard(client, study).url.startswith(reverse("account_login"))


def test_an_active_session_is_refreshed_at_most_once_a_minute(login, researcher, study):
    client = login(researcher)
    seen = client.session[sessions.SEEN_AT]
    dashboard(client, study)
    assert client.session[sessions.SEEN_AT] == seen  # no write a request
    session = client.session
    session[sessions.SEEN_AT] = seen - 120
    session.save()
    assert dashboard(client, study).status_code == 200
    assert client.session[sessions.SEEN_AT] >= seen


def test_a_member_sees_their_other_sessions_and_ends_them(researcher, study):
    laptop, phone = Client(), Client()
    sign_in(laptop, researcher.email, HTTP_USER_AGENT="Laptop browser")
    next_totp_period()
    sign_in(phone, researcher.email, HTTP_USER_AGENT="Phone browser")
    response = laptop.get(reverse("usersessions_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phone browser" in html and "Laptop browser" in html
    assert 'class="topbar"' in html
    laptop.post(reverse("usersessions_list"), {})
    assert dashboard(phone, study).url.startswith(reverse("account_login"))
    assert dashboard(laptop, study).status_code == 200
    assert UserSession.objects.filter(user=researcher).count() == 1


# The admin signs in through allauth


def test_the_admin_login_form_sends_to_the_allauth_login(client, db):
    response = client.get("/admin/login/?next=/admin/sites/study/")
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/admin/sites/study/"


def test_the_admin_sends_an_anonymous_visitor_through_the_allauth_login(client, db):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login") + "?next=/admin/"


def test_a_posted_admin_login_signs_nobody_in(client, db):
    factory.make_user("staff@example.test", is_staff=True, is_superuser=True)
    client.post("/admin/login/", {"username": "staff@example.test", "password": factory.PASSWORD})
    assert "_auth_user_id" not in client.session


# Rate limits behind a proxy


def failed_login(client, number, forwarded_for):
    body = {"login": f"nobody{number}@example.test", "password": "not-the-password"}
    return client.post(reverse("account_login"), body, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_rate_limits_count_the_client_address_our_proxy_saw_not_a_forged_one(client, researcher, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        # The attacker forges a new left-hand address each time; our proxy appends the real one.
        failed_login(client, number, f"10.0.0.{number}, 203.0.113.7")
    response = sign_in(client, researcher.email, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7")
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode() or "Trop de" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another client behind the same proxy is not locked out.
    response = sign_in(Client(), researcher.email, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert response.status_code == 302


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, researcher, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(10):
        failed_login(client, number, f"198.51.100.{number}")
    response = sign_in(client, researcher.email, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
