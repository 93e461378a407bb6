"""E-mails are written in the language of the page that sends them: French unless the sender chose English."""

import pytest
from django.conf import settings
from django.urls import reverse

from sites.permissions import Role

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "subject", "sentence"),
    [
        ("fr-ca", f"Invitation à l'étude «{NBSP}Étude fictive{NBSP}»", "Choisissez votre mot de passe"),
        ("en", "Invitation to the study “Étude fictive”", "Choose your password here:"),
    ],
    ids=["fr", "en"],
)
def test_an_invitation_is_written_in_the_inviters_language(
    login, admin, study, mailoutbox, django_capture_on_commit_callbacks, language, subject, sentence
):
    client = login(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sites:member_invite", args=[study.slug]), {"email": "new@example.test", "role": Role.TEAM})

    (mail,) = mailoutbox
    assert mail.subject == subject
    assert sentence in mail.body


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("fr-ca", "Les comptes sont créés sur invitation."), ("en", "Accounts are created by invitation.")],
    ids=["fr", "en"],
)
def test_a_password_reset_for_an_unknown_address_answers_in_the_readers_language(
    client, db, mailoutbox, language, sentence
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.post(reverse("account_reset_password"), {"email": "nobody@example.test"})

    (mail,) = mailoutbox
    assert sentence in mail.body


def test_a_password_reset_link_is_mailed_in_the_readers_language(client, researcher, mailoutbox):
    bodies = {}
    for language in ["fr-ca", "en"]:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        client.post(reverse("account_reset_password"), {"email": researcher.email})
        bodies[language] = mailoutbox[-1].body

    assert bodies["fr-ca"].startswith("Bonjour de la part de hlmstudy!")  # OQLF: no space before "!"
    assert "cliquez sur le lien ci-dessous" in bodies["fr-ca"]
    assert bodies["en"].startswith("Hello from hlmstudy!")
    assert "Click the link below" in bodies["en"]
