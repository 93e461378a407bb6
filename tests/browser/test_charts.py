"""The report charts in Chromium: plotly.js from our static files draws the transversal heatmap under the CSP,
a cell opens its excerpts, and the co-occurrence network and site report bars draw too. Run with `pytest -m browser`.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.reports.fixtures import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

SHOTS = Path("/tmp/shots")
WAIT_MS = 15_000


@pytest.fixture
def world(study, site_a, site_b, admin, researcher, coder):
    return build_world(study, site_a, site_b, admin=admin, researcher=researcher, coder=coder)


@pytest.fixture
def page(browser, live_server, world):
    """A page signed in as the researcher, collecting script errors and CSP violations."""
    client = Client()
    client.force_login(world.researcher)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 1000}, locale="fr-CA")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))  # the app has none; not our concern
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("requestfailed", lambda request: page.problems.append(f"failed: {request.url}"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield page
    context.close()


def test_the_transversal_heatmap_renders_and_a_cell_opens_its_excerpts(page, world):
    page.goto(reverse("reports:transversal", args=[world.study.slug]))
    chart = page.locator('[data-figure="matrix-figure"]')
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=WAIT_MS)
    # The heatmap layer is drawn, with one value label per cell (5 codes × 3 sites).
    expect(chart.locator(".heatmaplayer image")).to_have_count(1)
    labels = chart.locator(".heatmaplayer text")
    expect(labels).to_have_count(15)
    assert [labels.nth(i).text_content() for i in range(3)] == ["5", "2", "2"]
    ticks = chart.locator(".xtick text")
    assert [ticks.nth(i).text_content() for i in range(ticks.count())] == ["MTL1", "QC1", "QC2"]
    page.screenshot(path=SHOTS / "transversal_heatmap.png", full_page=True)
    assert page.problems == []

    # Clicking the top-left cell (Partenariat × MTL1) opens the five excerpts behind it.
    box = chart.locator(".heatmaplayer image").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 6, box["y"] + box["height"] / 10)
    expect(page).to_have_url(re.compile(r"/analysis/excerpts/\?.*site=" + str(world.site_a.pk)), timeout=WAIT_MS)
    expect(page.locator(".results__count")).to_contain_text("5")


def test_switching_the_measure_redraws_the_heatmap_in_place(page, world):
    page.goto(reverse("reports:transversal", args=[world.study.slug]))
    chart = page.locator('[data-figure="matrix-figure"]')
    expect(chart.locator(".heatmaplayer text")).to_have_count(15, timeout=WAIT_MS)
    page.select_option("#id_axis", "participant_kind")
    page.select_option("#id_measure", "interviews_share")
    chart = page.locator('[data-figure="matrix-figure"]')
    expect(chart.locator(".heatmaplayer text").first).to_have_text(re.compile(r"67\s?%"), timeout=WAIT_MS)
    expect(page).to_have_url(re.compile(r"measure=interviews_share"))
    page.screenshot(path=SHOTS / "transversal_share.png", full_page=True)
    assert page.problems == []


def test_the_network_and_the_site_bars_render(page, world):
    page.goto(reverse("reports:cooccurrence", args=[world.study.slug]))
    network = page.locator('[data-figure="network-figure"]')
    expect(network.locator(".scatterlayer .trace")).to_have_count(3, timeout=WAIT_MS)  # 1 width class, midpoints, nodes
    expect(network.locator(".scatterlayer .point")).to_have_count(2 + 5)
    page.screenshot(path=SHOTS / "cooccurrence_network.png", full_page=True)
    page.goto(reverse("reports:site_report", args=[world.study.slug, "MTL1"]))
    expect(page.locator('[data-figure="themes-figure"] .barlayer .point')).to_have_count(5, timeout=WAIT_MS)
    expect(page.locator('[data-figure="kinds-figure"] .barlayer .trace')).to_have_count(3)
    page.screenshot(path=SHOTS / "site_report.png", full_page=True)
    assert page.problems == []
