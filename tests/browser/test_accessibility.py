"""The main pages of each role pass axe-core at WCAG 2.1 AA, in French and in English, and work by keyboard.

Québec's public partners must publish accessible documents (its web standard follows WCAG 2.x AA), and
some of the team read with a screen reader or without a mouse. axe-core is the npm package's own build,
kept beside this file (tests/browser/vendor/axe-core, MPL-2.0) and injected into the test browser only;
the application never serves it. Run with `pytest -m browser`.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.world import SharedWorld, new_context
from tests.world import MAIN_PAGES

# django_db: so that pytest-django creates the test database; the pages read the world committed below.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8") + "\n;0"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["fr-ca", "en"]
WAIT_MS = 15_000
SHOTS = Path("/tmp/shots/a11y")

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')),
  }));
}"""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with SharedWorld(django_db_blocker) as world:
        yield world


PAGE_IDS = list(MAIN_PAGES)


@pytest.fixture(scope="module")
def contexts(browser, world):
    """One browser context per (role, language), opened when first needed and closed with the module."""
    opened = {}

    def get(role, language):
        if (role, language) not in opened:
            opened[role, language] = new_context(browser, world, role=role, language=language)
        return opened[role, language]

    yield get
    for context in opened.values():
        context.close()


def open_page(contexts, world, name, language):
    role, url, ready = MAIN_PAGES[name]
    page = contexts(role, language).new_page()
    response = page.goto(url(world))
    assert response.status == 200, f"{url}: {response.status}"
    expect(page.locator(ready).first).to_be_visible(timeout=WAIT_MS)
    return page


def axe_violations(page):
    # Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP (rightly) refuses
    # inline scripts, and the test must see the page under its real CSP.
    page.evaluate(AXE_SOURCE)
    return page.evaluate(RUN_AXE, WCAG_AA)


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_IDS)
def test_the_page_has_no_wcag_aa_violation(contexts, world, name, language):
    page = open_page(contexts, world, name, language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    violations = axe_violations(page)
    if violations:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{name.replace(' ', '_')}_{language}.png", full_page=True)
    page.close()
    assert not violations, describe(violations)


def test_axe_finds_a_field_without_a_label(contexts, world):
    """The check above can fail: the same run reports an unlabelled field added to a clean page."""
    page = open_page(contexts, world, "memos", "fr-ca")
    page.evaluate(
        "document.querySelector('main').append(Object.assign(document.createElement('input'), {type: 'text'}))"
    )
    violations = axe_violations(page)
    page.close()
    assert [violation["id"] for violation in violations] == ["label"]
