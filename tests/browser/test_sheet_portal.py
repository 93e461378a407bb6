"""A partner reads a published synthesis sheet in Chromium: the page holds the sheet with its quote and its chart
(an SVG image drawn under the CSP), and offers the PDF. Run with `pytest -m browser`."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from reports import services
from tests.reports.sheet_fixtures import QUOTE, build_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def published(study, site_a, participant_a, researcher, media_root):
    written = build_sheet(study, site_a, participant_a, researcher=researcher)
    services.add_chart(written.sheet, code=written.code, by=researcher, user=researcher, caption="Apports par thème")
    section = written.sheet.sections.get(order=3)
    section.body += "\n\n[[evidence:3]]\n"
    section.save()
    services.publish_sheet(written.sheet, by=researcher)
    return written.sheet


def test_a_partner_reads_the_sheet_with_its_chart_and_downloads_the_pdf(browser, live_server, published, partner):
    client = Client()
    client.force_login(partner)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 1000}, locale="fr-CA")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))  # the app has none
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))

    page.goto(reverse("reports:portal"))
    page.get_by_role("link", name="Fiche d'essai", exact=True).click()

    expect(page.get_by_role("heading", level=1, name="Fiche d'essai")).to_be_visible()
    expect(page.locator("figure.quote blockquote")).to_contain_text(QUOTE)
    chart = page.get_by_role("img", name="Apports par thème")
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le PDF").click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    assert problems == []
    context.close()
