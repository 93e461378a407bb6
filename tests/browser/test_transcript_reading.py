"""What only a browser shows of the transcripts: a search result opens the transcript at its turn, and the
interviewer's turns hide and show again through htmx without a page load."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests import factory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]
SHOTS = Path("/tmp/shots")

# A long interview, so that the matching turn is far below the fold.
FILLER = "I : Pouvez-vous préciser ?\nR : " + "Nous parlons des activités du quartier et des familles. " * 6
ENDING = "I : Et l'école ?\nR : L'École des Érables accueille le comité."
TEXT = "Entretien fictif\n" + "\n".join([FILLER] * 20) + "\n" + ENDING


@pytest.fixture
def page(browser, live_server, researcher, study, site_a, participant_a):
    factory.make_interview(
        study, site_a, "Entretien long", text=TEXT, participants=[(participant_a, "R")], interviewer_label="I"
    )
    client = Client()
    client.force_login(researcher)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1300, "height": 800}, locale="en")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    yield context.new_page()
    context.close()


def test_a_search_result_opens_the_transcript_scrolled_to_its_turn(page, study):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(reverse("interviews:transcript_search", args=[study.slug]) + "?q=ecole+erables")
    result = page.locator(".result a").first
    expect(result).to_have_attribute("href", re.compile(r"#t-\d+$"))
    anchor = result.get_attribute("href").split("#")[1]
    expect(page.locator(".result mark").first).to_have_text(re.compile("École|école"))
    result.click()
    turn = page.locator(f"#{anchor}")
    expect(turn).to_be_in_viewport()
    expect(turn).to_contain_text("L'École des Érables accueille le comité.")
    assert turn.evaluate("element => element.matches(':target')")
    page.screenshot(path=SHOTS / "transcript_at_turn.png")


def test_the_interviewers_turns_hide_and_show_without_a_page_load(page, study):
    page.goto(reverse("interviews:interview_list", args=[study.slug]))
    page.get_by_role("link", name="Entretien long").click()
    expect(page.locator(".turn--interviewer")).to_have_count(21)
    page.evaluate("window.notReloaded = true")
    page.get_by_role("link", name="Hide the interviewer's turns").click()
    expect(page.locator(".turn--interviewer")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"\?interviewer=hide$"))
    page.get_by_role("link", name="Show them").click()
    expect(page.locator(".turn--interviewer")).to_have_count(21)
    assert page.evaluate("window.notReloaded === true")
