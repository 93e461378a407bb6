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
from tests.world import MAIN_PAGES, OTHER_PAGES

# django_db: so that pytest-django creates the test database; the pages read the world committed below.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8") + "\n;0"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["fr-ca", "en"]
WAIT_MS = 15_000
SHOTS = Path("/tmp/shots/a11y")

# Beyond WCAG's own rules, axe's best practices that the issue names: one <main>, every text in a landmark,
# one <h1>, headings that do not skip a level, landmarks told apart by their names.
BEST_PRACTICES = [
    "landmark-one-main",
    "region",
    "page-has-heading-one",
    "heading-order",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-main-is-top-level",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "empty-heading",
    "empty-table-header",
]

RUN_AXE = """async ([tags, rules]) => {
  const options = {runOnly: {type: 'tag', values: [...tags, 'best-practice']}, resultTypes: ['violations']};
  const results = await axe.run(document, options);
  const counted = results.violations.filter((v) => rules.includes(v.id) || v.tags.some((t) => tags.includes(t)));
  return counted.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')),
  }));
}"""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with SharedWorld(django_db_blocker, tmp_path_factory.mktemp("media")) as world:
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
    role, url, ready = {**MAIN_PAGES, **OTHER_PAGES}[name]
    page = contexts(role, language).new_page()
    response = page.goto(url(world))
    assert response.status == 200, f"{url}: {response.status}"
    expect(page.locator(ready).first).to_be_visible(timeout=WAIT_MS)
    return page


def axe_violations(page):
    # Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP (rightly) refuses
    # inline scripts, and the test must see the page under its real CSP.
    page.evaluate(AXE_SOURCE)
    return page.evaluate(RUN_AXE, [WCAG_AA, BEST_PRACTICES])


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


@pytest.mark.parametrize("name", list(OTHER_PAGES))
def test_the_forms_and_other_pages_have_no_wcag_aa_violation(contexts, world, name):
    """In French only: the pages' structure is the same in English, and the time is better spent on more pages."""
    page = open_page(contexts, world, name, "fr-ca")
    violations = axe_violations(page)
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


# Keyboard ------------------------------------------------------------------------------------------------------

# The focused element, whether its focus shows (a 2px+ outline or a ring drawn as a shadow), and whether it is a
# main action: a button-styled link or button in <main>.
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {
    key: el.outerHTML.slice(0, 120),
    shows: outlined || style.boxShadow !== 'none',
    action: el.matches('main .button') ? el.textContent.trim() : null,
  };
}"""
ACTIONS_JS = """() => [...document.querySelectorAll('main .button')]
  .filter((el) => el.checkVisibility() && !el.closest('noscript, [hidden]')).map((el) => el.textContent.trim())"""
KEYBOARD_PAGES = ["login", "dashboard", "interview list", "codebook", "memos", "transversal", "exports"]


@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_tab_reaches_every_main_action_with_a_visible_focus(contexts, world, name):
    page = open_page(contexts, world, name, "fr-ca")
    wanted, reached, hidden_focus, seen = set(page.evaluate(ACTIONS_JS)), set(), [], []
    assert wanted, "the page has no main action to reach"
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (seen and focused["key"] == seen[0]):
            break  # round the page and back to the start
        seen.append(focused["key"])
        if not focused["shows"]:
            hidden_focus.append(focused["key"])
        if focused["action"]:
            reached.add(focused["action"])
        if reached >= wanted and len(seen) > 30:
            break
    page.close()
    assert not hidden_focus, "focus not visible on:\n  " + "\n  ".join(hidden_focus)
    assert reached >= wanted, f"never reached by Tab: {sorted(wanted - reached)}"


def test_the_skip_link_is_the_first_stop_and_jumps_over_the_navigation(contexts, world):
    page = open_page(contexts, world, "dashboard", "fr-ca")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0, "the skip link must show on screen when focused"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "Tab after the skip link left <main>"
    page.close()


# Charts ----------------------------------------------------------------------------------------------------------

CHARTS_JS = """() => [...document.querySelectorAll('[data-figure]')].map((chart) => {
  const description = document.getElementById(chart.getAttribute('aria-describedby') || '');
  const table = [...document.querySelectorAll('table')].find(
    (t) => chart.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING && t.querySelectorAll('tbody tr').length,
  );
  return {
    figure: chart.dataset.figure, role: chart.getAttribute('role'), name: chart.getAttribute('aria-label') || '',
    description: description ? description.textContent.trim() : '', table: table ? table.innerText : '',
  };
})"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["site report", "transversal", "cooccurrence", "team site report"])
def test_every_chart_has_a_name_a_description_and_a_table_of_its_numbers(contexts, world, name, language):
    page = open_page(contexts, world, name, language)
    charts = page.evaluate(CHARTS_JS)
    page.close()
    assert charts
    for chart in charts:
        assert chart["role"] == "img" and chart["name"], chart
        assert chart["description"], f"{chart['figure']}: aria-describedby names no text"
        assert chart["table"], f"{chart['figure']}: no table of the same numbers after the chart"


# The coding workspace --------------------------------------------------------------------------------------------


def test_the_workspace_announces_the_code_applied_by_keyboard(contexts, world):
    """Runs last in this module: it codes a passage of A1 as the coder."""
    page = open_page(contexts, world, "coder workspace", "fr-ca")
    page.wait_for_selector("#workspace[data-painted]", state="attached", timeout=WAIT_MS)
    status = page.locator("#ws-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    page.get_by_role("link", name="Aller à la transcription").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ws-text")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Home")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("c")
    expect(page.locator("#ws-picker-filter")).to_be_focused()
    page.keyboard.type("Mobil")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Codé avec «\u00a0Mobilisation\u00a0».", timeout=WAIT_MS)
    expect(page.locator("#ws-text")).to_be_focused()
    page.close()
