"""The coding workspace in Chromium: selections become code-point offsets, codings paint, several coders at once.

The transcript is uploaded as NFD text with accents and emoji (🙂 is one surrogate pair, 👩🏽‍🔧 four code points
in seven UTF-16 units), so every offset crosses the UTF-16 ⇄ code point edge. Run with `pytest -m browser`.
"""

import json
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from coding.models import Code, Coding, Excerpt
from interviews import services as interview_services
from tests import factory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

SHOTS = Path("/tmp/shots")
TEXT = (
    "Entretien réalisé au café du coin, à Montréal.\n\n"
    "Intervieweuse : Bonjour Amélie, comment ça va ?\n"
    "Amélie : Très bien 🙂 ! Le comité de l'été a réuni 👩🏽‍🔧 Noémie et ses voisines à l'église.\n"
    "Intervieweuse : Et ensuite ?\n"
    "Amélie : On a créé un jardin 🙂, c'était formidable, vraiment très beau pour tout le quartier.\n"
)
WAIT_MS = 10_000  # bounded waits: a coding must appear well within this

# Select [from, to) of the first block containing `needle` (UTF-16 indices found in the page), return the text.
SELECT_JS = """([needle, length]) => {
  const block = [...document.querySelectorAll('.ws-block')].find((el) => el.textContent.includes(needle));
  const node = block.firstChild;
  const from = node.data.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, from + (length ?? needle.length));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return getSelection().toString();
}"""
# A point (viewport coordinates) in the middle of the first line box of `needle`.
POINT_JS = """(needle) => {
  const block = [...document.querySelectorAll('.ws-block')].find((el) => el.textContent.includes(needle));
  const node = block.firstChild;
  const from = node.data.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, from + needle.length);
  const rect = range.getClientRects()[0];
  return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2};
}"""
HIGHLIGHT_TEXTS_JS = (
    """(name) => CSS.highlights.has(name) ? [...CSS.highlights.get(name)].map((r) => r.toString()) : []"""
)


@pytest.fixture
def interview(study, site_a, researcher, participant_a, media_root):
    """Uploaded as an NFD .txt through the importer, which stores NFC."""
    interview = interview_services.create_interview(
        study=study,
        site=site_a,
        kind="individual",
        title="Entretien Amélie",
        created_by=researcher,
        participants=[(participant_a, "Amélie")],
        interviewer_label="Intervieweuse",
    )
    data = unicodedata.normalize("NFD", TEXT).encode()
    interview_services.import_transcript(interview, name="entretien.txt", data=data, author=researcher)
    interview.refresh_from_db()
    assert interview.current_version.text == unicodedata.normalize("NFC", TEXT).strip()
    return interview


@pytest.fixture
def codes(study, researcher):
    return (
        factory.make_code(study, "Réseau", colour="#4e79a7", by=researcher),
        factory.make_code(study, "Lieux", colour="#e15759", by=researcher),
        factory.make_code(study, "Émotions", colour="#59a14f", by=researcher),
    )


@pytest.fixture
def open_workspace(browser, live_server, interview):
    """open_workspace(user) → a page of the workspace, signed in as `user` in a browser context of its own."""
    contexts = []
    SHOTS.mkdir(parents=True, exist_ok=True)

    def _open(user):
        client = Client()
        client.force_login(user)
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1440, "height": 900})
        context.add_cookies(session_cookies(client, live_server))
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        page.goto(reverse("coding:workspace", args=[interview.study.slug, interview.pk]))
        page.wait_for_selector("#workspace[data-painted]", state="attached", timeout=WAIT_MS)
        return page

    yield _open
    for context in contexts:
        context.close()


def session_cookies(client, live_server):
    """The signed-in client's session for the browser, and English (the tests read the page's messages)."""
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [
        {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
    ]


def coded(page):
    """Wait until the page says it coded something, and give back what it said."""
    status = page.locator("#ws-status")
    expect(status).to_contain_text("Coded", timeout=WAIT_MS)
    return status.text_content()


def pick(page, filter_text):
    """In the open picker: filter, then Enter."""
    expect(page.locator("#ws-picker")).to_be_visible()
    page.keyboard.type(filter_text)
    page.keyboard.press("Enter")


def test_offsets_module_converts_surrogate_pairs_both_ways(open_workspace, coder):
    page = open_workspace(coder)

    result = page.evaluate(
        """async () => {
          const o = await import('/static/coding/offsets.js');
          const text = 'a🙂b👩🏽‍🔧é';
          return {
            length: o.cpLength(text),
            toCp: [0, 1, 2, 3, 4, 5, 11, 12].map((u) => o.utf16ToCp(text, u)),
            toU16: [0, 1, 2, 3, 4, 7, 8, 99].map((c) => o.cpToUtf16(text, c)),
            middle: o.utf16ToCp(text, 2),
            blocks: [o.blockIndexAt([0, 10, 20], 9), o.blockIndexAt([0, 10, 20], 20), o.blockIndexAt([5], 1)],
            split: o.splitByBlocks([{start: 0, end: 5}, {start: 8, end: 12}], [0, 8], 3, 10),
          };
        }"""
    )

    assert result["length"] == len("a🙂b👩🏽‍🔧é") == 8
    assert result["toCp"] == [0, 1, 2, 2, 3, 4, 7, 8]  # index 2 is inside the pair: it counts the whole 🙂
    assert result["toU16"] == [0, 1, 3, 4, 6, 11, 12, 12]
    assert result["blocks"] == [0, 2, -1]
    assert result["split"] == [{"index": 0, "start": 3, "end": 5}, {"index": 1, "start": 0, "end": 2}]
    assert not page.errors


def test_a_selection_coded_with_the_picker_stores_exactly_the_selected_text(open_workspace, coder, codes):
    page = open_workspace(coder)
    selected = page.evaluate(SELECT_JS, ["été a réuni 👩🏽‍🔧 Noémie", None])
    page.locator("#ws-text").focus()
    page.keyboard.press("c")
    pick(page, "lieu")
    coded(page)

    excerpt = Excerpt.objects.get()
    assert selected == "été a réuni 👩🏽‍🔧 Noémie"
    assert excerpt.quote == selected
    assert excerpt.quote == excerpt.version.text[excerpt.start : excerpt.end]
    assert list(excerpt.codings.values_list("code__name", "coder")) == [("Lieux", coder.pk)]
    expect_highlight(page, codes[1], ["été a réuni 👩🏽‍🔧 Noémie"])
    page.screenshot(path=SHOTS / "workspace_coded.png")
    assert not page.errors


def test_a_mouse_selection_opens_the_picker_and_several_codes_apply_at_once(open_workspace, coder, codes):
    page = open_workspace(coder)
    point = page.evaluate(POINT_JS, "formidable")
    # The picker takes the focus (and the document's selection) as it opens: read the selection on mouseup.
    page.evaluate("document.addEventListener('mouseup', () => { window.selected = getSelection().toString(); })")
    page.mouse.dblclick(point["x"], point["y"])
    expect(page.locator("#ws-picker")).to_be_visible()
    selected = page.evaluate("window.selected")
    page.screenshot(path=SHOTS / "workspace_picker.png")

    page.keyboard.type("rés")
    page.keyboard.press("Space")  # with a filter typed and no arrow move, Space types
    page.keyboard.press("Backspace")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")  # after an arrow move, Space ticks "Réseau"
    page.keyboard.press("Control+a")
    page.keyboard.type("émo")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # ticks "Émotions" (the only match, the list wraps)
    expect(page.locator("#ws-picker-apply")).to_have_text("Apply (2)")
    page.keyboard.press("Enter")
    coded(page)

    excerpt = Excerpt.objects.get()
    assert selected.strip() == "formidable" and excerpt.quote == selected
    assert set(excerpt.codings.values_list("code__name", flat=True)) == {"Réseau", "Émotions"}
    assert not page.errors


def test_keyboard_alone_codes_a_range_across_emoji(open_workspace, coder, codes):
    page = open_workspace(coder)
    page.evaluate(SELECT_JS, ["Très bien", 0])  # the caret, where a person would have put it with the arrows
    page.locator("#ws-text").focus()
    for _ in range(len("Très bien 🙂 !")):  # 🙂 is one key press: the caret moves by characters, not code units
        page.keyboard.press("Shift+ArrowRight")
    selected = page.evaluate("getSelection().toString()")
    expect(page.locator("#ws-caret")).to_be_visible()
    page.keyboard.press("c")
    expect(page.locator("#ws-picker-filter")).to_be_focused()
    pick(page, "émo")
    coded(page)

    excerpt = Excerpt.objects.get()
    assert selected == "Très bien 🙂 !" == excerpt.quote
    assert excerpt.codings.get().code == codes[2]
    expect(page.locator("#ws-text")).to_be_focused()
    assert not page.errors


def test_a_selection_across_turns_codes_both_speeches_and_paints_around_the_speaker_label(
    open_workspace, coder, interview, codes
):
    page = open_workspace(coder)
    page.evaluate(
        """() => {
          const blocks = [...document.querySelectorAll('.ws-block')];
          const from = blocks.find((el) => el.textContent.includes('Et ensuite'));
          const to = blocks.find((el) => el.textContent.includes('jardin'));
          const label = to.parentElement.querySelector('.turn__speaker');
          const range = document.createRange();
          range.setStart(from.firstChild, from.firstChild.data.indexOf('ensuite'));
          range.setEnd(to.firstChild, to.firstChild.data.indexOf(' un jardin'));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          // And a selection that starts on a speaker's name starts where their speech does.
          const onLabel = document.createRange();
          onLabel.setStart(label.firstChild, 2);
          onLabel.setEnd(to.firstChild, 2);
          window.labelStart = onLabel;
        }"""
    )
    page.locator("#ws-text").focus()
    page.keyboard.press("c")
    pick(page, "Lieux")
    coded(page)

    text = interview.current_version.text
    excerpt = Excerpt.objects.get()
    assert excerpt.quote == text[text.index("ensuite") : text.index(" un jardin")]
    assert excerpt.quote == "ensuite ?\nAmélie : On a créé"  # the server's text, label included
    expect_highlight(page, codes[1], ["ensuite ?", "On a créé"])  # painted around the label
    offsets = page.evaluate(
        """async () => {
          const { TextMap } = await import('/static/coding/textmap.js');
          return new TextMap(document.getElementById('ws-text')).rangeToOffsets(window.labelStart);
        }"""
    )
    speech = text.index("On a créé")
    assert offsets == {"start": speech, "end": speech + 2}


def test_escape_closes_the_picker_and_gives_the_selection_back(open_workspace, coder, codes):
    page = open_workspace(coder)
    selected = page.evaluate(SELECT_JS, ["voisines", None])
    page.locator("#ws-text").focus()
    page.keyboard.press("c")
    expect(page.locator("#ws-picker")).to_be_visible()
    page.keyboard.type("xyz")
    page.keyboard.press("Escape")

    expect(page.locator("#ws-picker")).to_be_hidden()
    expect(page.locator("#ws-text")).to_be_focused()
    assert page.evaluate("getSelection().toString()") == selected
    assert not Excerpt.objects.exists()


def test_keyboard_selection_from_a_tab_stop_with_shift_and_arrows(open_workspace, coder, codes):
    page = open_workspace(coder)
    page.locator(".skip-link").last.focus()
    page.keyboard.press("Enter")  # "Skip to the transcript": the caret starts at the first visible block
    expect(page.locator("#ws-text")).to_be_focused()
    page.keyboard.press("ArrowDown")  # second block: the interviewer's question
    page.keyboard.press("Home")
    page.keyboard.press("Control+Shift+ArrowRight")
    selected = page.evaluate("getSelection().toString()")
    page.keyboard.press("c")
    pick(page, "Réseau")
    coded(page)

    assert selected.strip() == "Bonjour"
    assert Excerpt.objects.get().quote == selected


def test_overlapping_codings_both_show(open_workspace, coder, researcher, interview, codes):
    text = interview.current_version.text
    first = text.index("comité")
    factory.make_excerpt(interview, first, first + len("comité de l'été"), codes=[codes[0]], coder=coder)
    second = text.index("l'été")
    factory.make_excerpt(interview, second, second + len("l'été a réuni 👩🏽‍🔧"), codes=[codes[1]], coder=researcher)

    page = open_workspace(coder)

    expect_highlight(page, codes[0], ["comité de l'été"])
    expect_highlight(page, codes[1], ["l'été a réuni 👩🏽‍🔧"])
    stripes = page.locator("#ws-margin .ws-stripe")
    expect(stripes).to_have_count(2)
    assert page.locator(".ws-excerpt").count() == 2
    page.screenshot(path=SHOTS / "workspace_overlap.png")

    page.locator(".ws-excerpt").nth(1).click()  # the excerpt list jumps to the place and flashes it
    expect_marked(page, "ws-flash", ["l'été a réuni 👩🏽‍🔧"])
    expect_marked(page, "ws-flash", [])  # the flash fades


def test_removing_a_coding_removes_only_that_code(open_workspace, coder, interview, codes):
    start = interview.current_version.text.index("jardin")
    excerpt = factory.make_excerpt(interview, start, start + len("jardin 🙂"), codes=codes[:2], coder=coder)
    page = open_workspace(coder)

    point = page.evaluate(POINT_JS, "jardin")
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#ws-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("jardin 🙂")
    page.screenshot(path=SHOTS / "workspace_panel.png")
    panel.get_by_role("button", name="Remove the code “Réseau”").click()
    expect(page.locator("#ws-status")).to_contain_text("Removed", timeout=WAIT_MS)

    assert list(excerpt.codings.values_list("code__name", flat=True)) == ["Lieux"]
    expect_highlight(page, codes[0], [])
    expect_highlight(page, codes[1], ["jardin 🙂"])


def test_the_keyboard_opens_a_codings_panel_and_removes_a_code(open_workspace, coder, interview, codes):
    start = interview.current_version.text.index("voisines")
    excerpt = factory.make_excerpt(interview, start, start + len("voisines"), codes=codes[:2], coder=coder)
    page = open_workspace(coder)
    page.evaluate(SELECT_JS, ["oisines", 0])  # the caret inside the coded word
    page.locator("#ws-text").focus()
    page.keyboard.press("Enter")

    panel = page.locator("#ws-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("button", name="Remove the code “Réseau”")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#ws-status")).to_contain_text("Removed", timeout=WAIT_MS)
    expect(panel.get_by_role("button", name="Remove the code “Lieux”")).to_be_focused()
    page.keyboard.press("Escape")

    expect(panel).to_be_hidden()
    expect(page.locator("#ws-text")).to_be_focused()
    assert list(excerpt.codings.values_list("code__name", flat=True)) == ["Lieux"]


def test_changing_the_extent_from_the_panel(open_workspace, coder, interview, codes):
    start = interview.current_version.text.index("jardin")
    excerpt = factory.make_excerpt(interview, start, start + len("jardin"), codes=[codes[0]], coder=coder)
    page = open_workspace(coder)

    point = page.evaluate(POINT_JS, "jardin")
    page.mouse.click(point["x"], point["y"])
    page.locator("#ws-panel").get_by_role("button", name="Change the extent").click()
    expect(page.locator("#ws-extentbar")).to_be_visible()
    selected = page.evaluate(SELECT_JS, ["créé un jardin 🙂", None])
    page.keyboard.press("Enter")
    expect(page.locator("#ws-status")).to_contain_text("new selection", timeout=WAIT_MS)

    excerpt.refresh_from_db()
    assert excerpt.quote == selected == "créé un jardin 🙂"
    expect_highlight(page, codes[0], ["créé un jardin 🙂"])


def test_pinned_codes_apply_with_their_number_key(open_workspace, coder, codes):
    page = open_workspace(coder)
    page.get_by_role("button", name="Pin “Émotions”").click()
    page.evaluate(SELECT_JS, ["voisines", None])
    page.locator("#ws-text").focus()
    page.keyboard.press("1")
    coded(page)

    assert Excerpt.objects.get().codings.get().code == codes[2]
    assert json.loads(page.evaluate("localStorage.getItem('hlmstudy:pins:etude')")) == [codes[2].pk]

    page.evaluate(SELECT_JS, ["voisines", None])  # the same words again, another code: the same excerpt
    page.keyboard.press("c")
    pick(page, "Lieux")
    expect(page.locator("#ws-status")).to_contain_text("Lieux", timeout=WAIT_MS)
    assert set(Excerpt.objects.get().codings.values_list("code__name", flat=True)) == {"Émotions", "Lieux"}


def test_in_vivo_makes_the_selection_a_code_and_applies_it(open_workspace, researcher, codes):
    page = open_workspace(researcher)
    page.evaluate(SELECT_JS, ["c'était formidable", None])
    page.locator("#ws-text").focus()
    page.keyboard.press("v")
    coded(page)

    code = Code.objects.get(name="c'était formidable")
    assert Excerpt.objects.get().codings.get().code == code
    expect(page.locator("#ws-codes")).to_contain_text("c'était formidable")


def test_two_coders_see_each_others_codings_without_reloading(open_workspace, coder, researcher, codes):
    mine = open_workspace(coder)
    theirs = open_workspace(researcher)

    mine.evaluate(SELECT_JS, ["comité", None])
    mine.locator("#ws-text").focus()
    mine.keyboard.press("c")
    pick(mine, "Réseau")
    coded(mine)
    expect_highlight(theirs, codes[0], ["comité"])

    theirs.evaluate(SELECT_JS, ["église", None])
    theirs.locator("#ws-text").focus()
    theirs.keyboard.press("c")
    pick(theirs, "Lieux")
    coded(theirs)
    expect_highlight(mine, codes[1], ["église"])

    assert Coding.objects.filter(coder=coder).count() == 1 and Coding.objects.filter(coder=researcher).count() == 1
    mine.screenshot(path=SHOTS / "workspace_two_coders.png")

    mine.select_option("#ws-view", "me")  # my codings only: the other coder's disappear, mine stay
    expect_highlight(mine, codes[1], [])
    expect_highlight(mine, codes[0], ["comité"])
    assert "coder=me" in mine.url
    mine.select_option("#ws-view", str(researcher.pk))  # one coder: theirs only
    expect_highlight(mine, codes[0], [])
    expect_highlight(mine, codes[1], ["église"])


def test_a_team_member_reads_codings_but_the_keys_do_not_code(browser, live_server, study, site_b, team_b, researcher):
    interview = factory.make_interview(study, site_b, text="Notes de terrain à l'église 🙂.", author=researcher)
    code = factory.make_code(study, "Lieux", by=researcher)
    start = interview.current_version.text.index("l'église")
    factory.make_excerpt(interview, start, start + len("l'église 🙂"), codes=[code], coder=researcher)
    client = Client()
    client.force_login(team_b)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(session_cookies(client, live_server))
    page = context.new_page()
    page.goto(reverse("coding:workspace", args=[study.slug, interview.pk]))
    page.wait_for_selector("#workspace[data-painted]", state="attached")

    expect_highlight(page, code, ["l'église 🙂"])
    page.evaluate(SELECT_JS, ["Notes", None])
    page.locator("#ws-text").focus()
    page.keyboard.press("c")
    expect(page.locator("#ws-picker")).to_be_hidden()
    assert Excerpt.objects.count() == 1
    context.close()


def expect_highlight(page, code, texts):
    """Wait (bounded) until the code's highlight paints exactly `texts`."""
    expect_marked(page, f"code-{code.pk}", texts)


def expect_marked(page, name, texts):
    """Wait (bounded) until the highlight `name` covers exactly `texts` (none: it is gone)."""
    page.wait_for_function(
        f"([name, texts]) => JSON.stringify(({HIGHLIGHT_TEXTS_JS})(name)) === JSON.stringify(texts)",
        arg=[name, texts],
        timeout=WAIT_MS,
    )
