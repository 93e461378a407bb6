"""A person with a French browser signs in, reaches their study and switches the interface to English and back.

Our own strings are not translated yet, so French is checked on allauth's strings and on <html lang>.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factory

SHOTS = Path("/tmp/shots")


@pytest.fixture
def french_page(browser, live_server):
    # Chromium says "en-US" by default; the study's people browse in Québec French.
    context = browser.new_context(locale="fr-CA", base_url=live_server.url)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_member_signs_in_in_french_then_switches_to_english_and_back(french_page, researcher, study):
    page = french_page
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr-ca")
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    expect(page.get_by_role("link", name="Mot de passe oublié ?")).to_be_visible()
    page.screenshot(path=SHOTS / "login.png", full_page=True)

    page.get_by_label("Courriel").fill(researcher.email)
    page.get_by_label("Mot de passe").fill(factory.PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    # A researcher reads transcripts: the second step asks for the authenticator app's code.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.locator("#id_code").fill(factory.totp_code())
    page.locator("#id_code").press("Enter")

    expect(page).to_have_url(re.compile(rf"/studies/{study.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(study.title)
    page.screenshot(path=SHOTS / "dashboard.png", full_page=True)

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(rf"/studies/{study.slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Français")).to_be_visible()
    page.locator(".usermenu summary").click()
    page.get_by_role("link", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Password")
    page.screenshot(path=SHOTS / "password_change_en.png", full_page=True)

    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr-ca")
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier le mot de passe")
    expect(page.get_by_role("button", name="English")).to_be_visible()
