// The coding workspace page (templates/coding/workspace.html): paints the codings of one interview, turns
// selections into code-point offsets, sends codings, and polls so other coders' work appears.

import { drawCaret, moveByKey, placeCaret, selectionIn } from "./caret.js";
import { Codebook, ExcerptList } from "./lists.js";
import { drawStripes, mark, paintHighlights } from "./paint.js";
import { Panel } from "./panel.js";
import { Picker } from "./picker.js";
import { rectOf } from "./popover.js";
import { Session } from "./session.js";
import { Writes } from "./writes.js";

const FLASH_MS = 1600;

const byId = (id) => document.getElementById(id);
const root = byId("workspace");
const text = byId("ws-text");
const paper = text.parentElement;
const strings = JSON.parse(byId("ws-strings").textContent);
const canCode = root.dataset.canCode === "true";
const canRestructure = root.dataset.canRestructure === "true";

const session = new Session(root, JSON.parse(byId("ws-data").textContent), {
  strings,
  view: byId("ws-view").dataset.initial,
  onChange: render,
  announce,
});
const { map } = session;
let paintedCodes = new Set();
let flashTimer = null;
let panelExcerpts = [];
let stripesQueued = false;
let stripesAt = 0; // the scroll position the margin was drawn for
let lastSelection = null; // the last non-empty selection in the text, for buttons that take the focus

const codebook = new Codebook(byId("ws-codes"), byId("ws-code-filter"), {
  strings,
  onPin: (codeId) => {
    session.togglePin(codeId);
    renderLists();
  },
  onChoose: (codeId) => {
    session.chosen = session.chosen === codeId ? null : codeId;
    renderLists();
  },
});
const excerptList = new ExcerptList(byId("ws-excerpt-list"), {
  more: byId("ws-excerpt-more"),
  count: byId("ws-excerpt-count"),
  note: byId("ws-excerpt-filter"),
  strings,
  onJump: jumpTo,
  onShowAll: () => {
    session.chosen = null;
    renderLists();
  },
});
const picker = new Picker(byId("ws-picker"), {
  strings,
  canRestructure,
  onApply: (codeIds) => writes.apply(codeIds, session.pending),
  onCreate: (name) => writes.createAndApply({ name }, session.pending),
  onInVivo: () => writes.inVivo(session.pending),
  onClose: (reason) => {
    const target = session.pending;
    session.pending = null;
    mark("ws-pending");
    if (reason !== "outside") {
      text.focus({ preventScroll: true });
      if (reason === "cancel" && target) {
        map.select(target);
      }
    }
  },
});
const panel = new Panel(byId("ws-panel"), {
  strings,
  memoUrl: canCode ? root.dataset.memoUrl : "",
  onRemove: (codingId) => writes.remove(codingId),
  onExtent: startExtent,
  onClose: (hadFocus) => {
    mark("ws-active");
    panelExcerpts = [];
    if (hadFocus) {
      text.focus({ preventScroll: true });
    }
  },
});

const writes = new Writes({
  session,
  map,
  text,
  strings,
  announce,
  onStart: () => picker.close("applied"),
});

function announce(message) {
  const status = byId("ws-status");
  status.textContent = "";
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}

/** Repaint everything from the session's data: highlights, margin, lists, an open panel. */
function render() {
  const painted = session.paint(paintHighlights);
  paintedCodes = new Set(painted.codeIds);
  drawMargin();
  if (!root.dataset.painted) {
    root.dataset.painted = "true";
    performance.mark("ws-painted");
  }
  root.dataset.paints = String(Number(root.dataset.paints || 0) + 1);
  renderLists();
  if (panel.isOpen) {
    panel.update(panelItems(panelExcerpts));
  }
}

function drawMargin() {
  const columns = session.data.codebook.filter((code) => paintedCodes.has(code.id));
  drawStripes(byId("ws-margin"), columns, session.shownExcerpts(), session.rangesOf, map.visibleSpan());
  stripesAt = window.scrollY;
}

function queueStripes() {
  if (!stripesQueued) {
    stripesQueued = true;
    requestAnimationFrame(() => {
      stripesQueued = false;
      drawMargin();
    });
  }
}

function renderLists() {
  const excerpts = session.shownExcerpts();
  const counts = new Map();
  for (const excerpt of excerpts) {
    for (const codeId of new Set(excerpt.codes.map((coding) => coding.code_id))) {
      counts.set(codeId, (counts.get(codeId) || 0) + 1);
    }
  }
  codebook.render({ codebook: session.data.codebook, counts, pins: session.pins, chosen: session.chosen });
  excerptList.render({ excerpts, codesById: session.codesById, map, chosen: session.chosen });
  renderViewOptions();
}

function renderViewOptions() {
  const select = byId("ws-view");
  const others = session.data.coders.filter((coder) => coder.id !== session.data.me);
  const wanted = others.map((coder) => `${coder.id}:${coder.name}`).join("|");
  if (select.dataset.coders !== wanted) {
    select.dataset.coders = wanted;
    const fixed = [...select.options].slice(0, 2);
    select.replaceChildren(...fixed, ...others.map((coder) => new Option(coder.name, String(coder.id))));
  }
  select.value = session.view;
}

function openPicker(offsets, rect) {
  if (!canCode || session.stale) {
    return;
  }
  panel.close();
  session.pending = offsets;
  mark("ws-pending", map.offsetsToRanges(offsets.start, offsets.end));
  picker.open(rect, session.activeCodes(), session.pins);
}

function applyPinned(number) {
  const codeId = session.pins[number - 1];
  if (codeId) {
    writes.apply([codeId], map.selectedOffsets());
  } else {
    announce(strings.no_pin.replace("%s", number));
  }
}

function startExtent(excerptId) {
  const excerpt = session.excerptById(excerptId);
  panel.close();
  if (!excerpt) {
    return;
  }
  session.extentFor = excerptId;
  byId("ws-extentbar").hidden = false;
  text.focus({ preventScroll: true });
  map.select(excerpt);
  announce(strings.extent_mode);
}

function endExtent() {
  session.extentFor = null;
  byId("ws-extentbar").hidden = true;
}

function applyExtent() {
  const target = map.selectedOffsets() || lastSelection;
  const excerptId = session.extentFor;
  if (!target || !excerptId) {
    announce(strings.select_first);
    return;
  }
  endExtent();
  writes.changeExtent(excerptId, target);
}

// Reading codings at a place

function excerptsAtPoint(x, y) {
  const at = map.offsetAtPoint(x, y);
  const inside = (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  return at === null
    ? []
    : session
        .shownExcerpts()
        .filter((e) => e.start <= at && at <= e.end)
        .filter((e) => (session.rangesOf.get(e.id) || []).some((r) => [...r.getClientRects()].some(inside)));
}

function panelItems(excerptIds) {
  const me = session.data.me;
  return excerptIds
    .map((id) => session.excerptById(id))
    .filter(Boolean)
    .map((excerpt) => ({
      excerpt,
      quote: map.textOf(excerpt.start, excerpt.end),
      canExtent: canCode && (excerpt.created_by === me || canRestructure),
      codings: excerpt.codes.map((coding) => ({
        ...coding,
        code: session.codeOf(coding.code_id),
        canRemove: canCode && (coding.coder_id === me || canRestructure),
      })),
    }));
}

function openPanel(excerpts, rect) {
  picker.close("outside");
  panelExcerpts = excerpts.map((excerpt) => excerpt.id);
  mark("ws-active", excerpts.flatMap((excerpt) => session.rangesOf.get(excerpt.id) || []));
  panel.open(rect, panelItems(panelExcerpts));
}

function jumpTo(excerptId) {
  const ranges = session.rangesOf.get(excerptId) || [];
  if (!ranges.length) {
    return;
  }
  const rect = ranges[0].getBoundingClientRect();
  window.scrollBy({ top: rect.top - window.innerHeight / 3 });
  document.getSelection().collapse(ranges[0].startContainer, ranges[0].startOffset);
  mark("ws-flash", ranges);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => mark("ws-flash"), FLASH_MS);
}

// Events

function onTextKey(event) {
  if (moveByKey(event, text)) {
    drawCaret(byId("ws-caret"), text, paper);
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const key = event.key;
  const offsets = map.selectedOffsets();
  if (key === "Escape") {
    if (session.extentFor) {
      endExtent();
    }
    document.getSelection().collapseToEnd();
  } else if (key === "Enter") {
    if (session.extentFor) {
      applyExtent();
    } else if (offsets && canCode) {
      openPicker(offsets, rectOf(document.getSelection().getRangeAt(0)));
    } else {
      openPanelAtCaret();
    }
  } else if (!canCode || session.stale) {
    return;
  } else if (key === "c" || key === "C") {
    if (offsets) {
      openPicker(offsets, rectOf(document.getSelection().getRangeAt(0)));
    } else {
      announce(strings.select_first);
    }
  } else if (/^[1-9]$/.test(key)) {
    applyPinned(Number(key));
  } else if ((key === "v" || key === "V") && canRestructure) {
    writes.inVivo(offsets);
  } else {
    return;
  }
  event.preventDefault();
}

function openPanelAtCaret() {
  const selection = document.getSelection();
  if (!selectionIn(text)) {
    return;
  }
  const at = map.pointToOffset(selection.focusNode, selection.focusOffset, "start");
  const here = session.shownExcerpts().filter((e) => e.start <= at && at < e.end);
  if (here.length) {
    openPanel(here, rectOf(selection.getRangeAt(0)));
  }
}

function onTextMouseUp(event) {
  if (event.button !== 0 || session.extentFor) {
    return;
  }
  const offsets = map.selectedOffsets();
  if (offsets) {
    openPicker(offsets, rectOf(document.getSelection().getRangeAt(0)));
    return;
  }
  const here = excerptsAtPoint(event.clientX, event.clientY);
  if (here.length) {
    openPanel(here, rectOf(null, { x: event.clientX, y: event.clientY }));
  }
}

text.addEventListener("keydown", onTextKey);
text.addEventListener("mouseup", (event) => setTimeout(() => onTextMouseUp(event)));
text.addEventListener("focus", () => {
  if (!selectionIn(text)) {
    placeCaret(text);
  }
  drawCaret(byId("ws-caret"), text, paper);
});
text.addEventListener("blur", () => {
  byId("ws-caret").hidden = true;
});
document.addEventListener("selectionchange", () => {
  if (selectionIn(text)) {
    lastSelection = map.selectedOffsets();
  }
  drawCaret(byId("ws-caret"), text, paper);
});
document.addEventListener("mousedown", (event) => {
  if (picker.isOpen && !picker.el.contains(event.target)) {
    picker.close("outside");
  }
  if (panel.isOpen && !panel.el.contains(event.target)) {
    panel.close();
  }
});
document.querySelector('.workspace .skip-link[href="#ws-text"]').addEventListener("click", (event) => {
  event.preventDefault();
  text.focus();
});
byId("ws-view").addEventListener("change", (event) => session.setView(event.target.value));
byId("ws-extent-apply").addEventListener("click", applyExtent);
byId("ws-extent-cancel").addEventListener("click", endExtent);
new ResizeObserver(queueStripes).observe(text);
window.addEventListener(
  "scroll",
  () => {
    // The margin covers a screen's height above and below: redraw once half of that is used up.
    if (Math.abs(window.scrollY - stripesAt) > window.innerHeight / 2) {
      queueStripes();
    }
  },
  { passive: true },
);
document.fonts.ready.then(queueStripes);

render();
session.startPolling();
