import pytest


@pytest.mark.django_db
def test_pages_are_in_french_even_for_an_english_browser(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr-ca">' in response.content.decode()


@pytest.mark.django_db
def test_the_language_switcher_choice_wins(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr-CA")
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_language_cookie_falls_back_to_french(client):
    client.cookies["django_language"] = "xx"
    response = client.get("/accounts/login/")
    assert '<html lang="fr-ca">' in response.content.decode()
