"""Re-placing an excerpt by selecting its words in the new text: the offsets sent are code points (emoji before it)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from coding import services
from coding.models import Excerpt
from tests import factory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

OLD = "R : Le comité café se réunit au local. On décide ensemble."
NEW = "R : 😀 Le comité 👩🏽 café, lui, se réunit au local. On décide ensemble."


@pytest.fixture
def waiting(study, site_a, researcher):
    interview = factory.make_interview(study, site_a, text=OLD, author=researcher)
    code = factory.make_code(study, "Réunions", by=researcher)
    at = OLD.index("café se réunit")
    excerpt = factory.make_excerpt(interview, at, at + 14, codes=[code], coder=researcher)
    services.edit_transcript(interview, text=NEW, author=researcher)
    excerpt.refresh_from_db()
    assert excerpt.needs_review
    return excerpt


def test_selecting_the_new_words_places_the_excerpt_in_code_points(browser, live_server, researcher, waiting):
    client = Client()
    client.force_login(researcher)
    context = browser.new_context(base_url=live_server.url)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(reverse("coding:excerpt_review", args=["etude", waiting.pk]))
    page.locator("#place-form summary").click()
    wanted = "café, lui, se réunit"
    page.evaluate(
        """(wanted) => {
          const node = document.getElementById('review-text').firstChild;
          const at = node.data.indexOf(wanted);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }""",
        wanted,
    )
    expect(page.locator("#place-preview")).to_have_text(wanted)
    start = NEW.index(wanted)
    expect(page.locator("#id_start")).to_have_value(str(start))
    expect(page.locator("#id_end")).to_have_value(str(start + len(wanted)))
    page.locator("#place-form button[type=submit]").click()
    page.wait_for_url("**/excerpts/review/**")
    excerpt = Excerpt.objects.get(pk=waiting.pk)
    assert (excerpt.needs_review, excerpt.quote) == (False, wanted)
    assert errors == []
    context.close()
