"""Accounts through allauth, as a person meets them: sign in by e-mail, no sign-up, invitations, password reset, MFA.

The test client sends no Accept-Language, so pages come in the default language, French; the French texts asserted
here are allauth's and Django's own translations.
"""

import io
import re
import time
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from hlmstudy.mail import EmailBackend as ConsoleEmailBackend
from sites.models import Membership
from sites.permissions import Role
from tests import factory

NEW_PASSWORD = "jardin-collectif-2024"
# A <script> that runs must come from a file or carry the CSP nonce; JSON data blocks never run.
RUNNABLE_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*application/json)[^>]*>")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts attempts in the cache, which outlives a test: start every test with a clean slate.
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password=factory.PASSWORD, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def sign_in_with_totp(client, email, password=factory.PASSWORD):
    """The whole sign-in of an account with TOTP: the password, then the authenticator app's code."""
    response = sign_in(client, email, password)
    assert response.url == reverse("mfa_authenticate")
    return client.post(reverse("mfa_authenticate"), {"code": factory.totp_code()})


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def is_signed_in(client):
    return "_auth_user_id" in client.session


# Signing in


def test_member_signs_in_by_email_and_lands_on_their_study(client, researcher, study):
    response = sign_in_with_totp(client, "Researcher@Example.test")
    assert response.status_code == 302
    assert response.url == reverse("sites:home")
    response = client.get(response.url)
    assert response.url == reverse("sites:study_dashboard", kwargs={"study": study.slug})
    assert client.get(response.url).status_code == 200


def test_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(reverse("sites:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_wrong_password_re_renders_the_form_with_a_french_error(client, researcher):
    response = sign_in(client, researcher.email, "not-the-password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    assert 'value="researcher@example.test"' in html
    assert not is_signed_in(client)


def test_wrong_password_error_follows_the_language_chosen_with_the_switcher(client, researcher):
    client.cookies["django_language"] = "en"
    response = sign_in(client, researcher.email, "not-the-password")
    assert "The email address and/or password you specified are not correct." in response.content.decode()


def test_login_page_offers_a_password_reset_and_never_a_sign_up(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="fr-ca">' in html
    assert '<h1 class="entrance-title">Connexion</h1>' in html
    assert f'<a href="{reverse("account_reset_password")}">Mot de passe oublié ?</a>' in html
    assert reverse("account_signup") not in html
    assert "inscri" not in html.lower()  # "inscription", "s'inscrire": allauth's French for sign-up
    assert '<label for="id_login">' in html and '<label for="id_password">' in html


def test_sign_up_answers_a_closed_page_and_creates_nobody(client, db):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inscriptions fermées" in html
    assert 'name="password1"' not in html
    data = {"email": "intruder@example.test", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = client.post(reverse("account_signup"), data)
    assert "Inscriptions fermées" in response.content.decode()
    assert not get_user_model().objects.filter(email="intruder@example.test").exists()


def test_sign_out_needs_a_post(client, researcher):
    client.force_login(researcher)
    response = client.get(reverse("account_logout"))
    assert response.status_code == 200
    assert f'<form method="post" action="{reverse("account_logout")}"' in response.content.decode()
    assert is_signed_in(client)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert not is_signed_in(client)


# Invitations


def invite(client, study, django_capture_on_commit_callbacks, **data):
    # The e-mail leaves on commit: run the commit callbacks that the test's transaction would otherwise swallow.
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("sites:member_invite", kwargs={"study": study.slug}), data)


def test_invited_person_chooses_a_password_and_signs_in_with_their_role_and_sites(
    client, admin, study, site_a, site_b, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    response = invite(
        client,
        study,
        django_capture_on_commit_callbacks,
        email="New.Coder@example.test",
        role="coder",
        sites=[site_a.pk],
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.coder@example.test"]
    link = link_in(message)
    assert link.startswith(settings.SITE_URL)
    client.post(reverse("account_logout"))

    response = client.get(urlsplit(link).path)
    # allauth moves the key into the session and the address bar to a key-less URL (no key in Referer headers).
    assert response.status_code == 302
    set_password_url = response.url
    assert set_password_url.endswith("-set-password/")
    html = client.get(set_password_url).content.decode()
    assert "Définir un mot de passe" in html
    assert "new.coder@example.test" in html

    response = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")
    assert client.get(response.url).status_code == 200

    response = sign_in(client, "new.coder@example.test", NEW_PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)
    membership = Membership.objects.get(user__email="new.coder@example.test", study=study)
    assert membership.role == Role.CODER
    assert list(membership.sites.all()) == [site_a]
    # A coder reads transcripts: before anything else, they set up their authenticator app.
    assert client.get(reverse("sites:home")).url.startswith(reverse("mfa_activate_totp"))


def test_development_console_prints_the_invitation_link_whole(client, admin, study, django_capture_on_commit_callbacks):
    # Django's own console backend prints long lines quoted-printable, cutting the link with "=" breaks.
    client.force_login(admin)
    invite(client, study, django_capture_on_commit_callbacks, email="dev@example.test", role="team")
    stream = io.StringIO()
    ConsoleEmailBackend(stream=stream).send_messages(mail.outbox)
    printed = stream.getvalue()
    assert link_in(mail.outbox[0]) + "\n" in printed
    assert "Subject: Invitation à l'étude «\u00a0Étude fictive\u00a0»" in printed  # French, the default language


def test_invitation_link_works_only_once(client, admin, study, site_a, django_capture_on_commit_callbacks):
    client.force_login(admin)
    invite(client, study, django_capture_on_commit_callbacks, email="once@example.test", role="team")
    client.post(reverse("account_logout"))
    path = urlsplit(link_in(mail.outbox[0])).path
    set_password_url = client.get(path).url
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = client.get(path)
    assert response.status_code == 200
    assert "Mauvais jeton d'identification" in response.content.decode()


def test_a_too_short_password_is_refused_in_french(client, admin, study, django_capture_on_commit_callbacks):
    client.force_login(admin)
    invite(client, study, django_capture_on_commit_callbacks, email="short@example.test", role="team")
    client.post(reverse("account_logout"))
    set_password_url = client.get(urlsplit(link_in(mail.outbox[0])).path).url

    response = client.post(set_password_url, {"password1": "court", "password2": "court"})
    assert response.status_code == 200
    assert "Ce mot de passe est trop court." in response.content.decode()
    assert not get_user_model().objects.get(email="short@example.test").has_usable_password()


def test_researcher_cannot_invite(client, researcher, study, django_capture_on_commit_callbacks):
    client.force_login(researcher)
    assert client.get(reverse("sites:member_invite", kwargs={"study": study.slug})).status_code == 403
    response = invite(client, study, django_capture_on_commit_callbacks, email="friend@example.test", role="admin")
    assert response.status_code == 403
    assert mail.outbox == []
    assert not get_user_model().objects.filter(email="friend@example.test").exists()


# Password reset


def test_password_reset_email_lets_an_existing_member_choose_a_new_password(client, researcher):
    response = client.post(reverse("account_reset_password"), {"email": "researcher@example.test"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["researcher@example.test"]

    set_password_url = client.get(urlsplit(link_in(mail.outbox[0])).path).url
    assert "Modifier le mot de passe" in client.get(set_password_url).content.decode()
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert sign_in(client, researcher.email, factory.PASSWORD).status_code == 200
    assert sign_in(client, researcher.email, NEW_PASSWORD).status_code == 302


def test_password_reset_for_an_unknown_address_never_offers_a_sign_up(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.test"})
    # The same answer as for a known address: the page does not reveal who has an account.
    assert response.url == reverse("account_reset_password_done")
    body = mail.outbox[0].body
    assert reverse("account_signup") not in body
    assert "invitation" in body


# Two-factor authentication


def current_totp(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def confirm_access(client, password=factory.PASSWORD):
    """allauth asks for the password again before a change to the second factor."""
    return client.post(reverse("account_reauthenticate"), {"password": password})


def test_member_activates_an_authenticator_app_and_then_needs_its_code_to_sign_in(client, researcher):
    Authenticator.objects.filter(user=researcher).delete()
    client.force_login(researcher)
    html = client.get(reverse("mfa_index")).content.decode()
    assert "Authentification à deux facteurs" in html
    assert reverse("mfa_activate_totp") in html

    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert "Confirmer l'accès" in client.get(response.url).content.decode()
    confirm_access(client)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="data:image/svg+xml' in html
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', html).group(1)
    assert '<label for="id_code">' in html
    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=researcher, type=Authenticator.Type.RECOVERY_CODES).exists()

    client.post(reverse("account_logout"))
    response = sign_in(client, researcher.email)
    assert response.url == reverse("mfa_authenticate")
    assert not is_signed_in(client)
    html = client.get(response.url).content.decode()
    assert "Veuillez saisir un code d'authentification" in html
    assert '<label for="id_code">' in html
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp(secret)})
    assert response.status_code == 302
    assert is_signed_in(client)


def test_invited_person_can_turn_on_two_factor_authentication(client, admin, study, django_capture_on_commit_callbacks):
    # allauth refuses MFA while an address is unverified; the invitation link is what verifies it.
    client.force_login(admin)
    invite(client, study, django_capture_on_commit_callbacks, email="careful@example.test", role="researcher")
    client.post(reverse("account_logout"))
    set_password_url = client.get(urlsplit(link_in(mail.outbox[0])).path).url
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert EmailAddress.objects.get(email="careful@example.test").verified

    sign_in(client, "careful@example.test", NEW_PASSWORD)
    confirm_access(client, NEW_PASSWORD)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert 'src="data:image/svg+xml' in response.content.decode()


def test_two_factor_pages_need_a_signed_in_person(client, db):
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# Layout and CSP


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key_done",
        "account_logout",
        "account_change_password",
        "mfa_index",
        "mfa_activate_totp",
        "account_reauthenticate",
    ],
)
def test_account_pages_use_the_app_layout_and_no_inline_script(client, researcher, url_name):
    if url_name == "mfa_activate_totp":
        Authenticator.objects.filter(user=researcher).delete()
    if url_name.startswith(("mfa", "account_logout", "account_change", "account_reauth")):
        client.force_login(researcher)
        confirm_access(client)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="topbar"' in html
    assert 'href="/static/css/app.css"' in html
    assert "Menu:" not in html  # allauth's bare default layout
    assert RUNNABLE_INLINE_SCRIPT.findall(html) == []
