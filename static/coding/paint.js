// Painting codings without adding text nodes: one CSS Custom Highlight per code ("code-<id>"), its colour
// in a constructed stylesheet, and a margin of stripes (one column per code, one bar per run of codings,
// drawn for the stretch of text around the screen and redrawn as it scrolls).

const ALPHA = 0.4;
const MARGIN_MAX = 168; // px: past this many columns, they get thinner rather than the margin wider
const PITCH = 9; // px per column when there is room
const MAX_BARS = 400; // the margin's element budget; bars merge over larger gaps beyond it

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
let registered = new Set();

/** "#rrggbb" → "rgba(r, g, b, alpha)". */
export function rgba(hex, alpha = ALPHA) {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/**
 * Paint the excerpts: returns {rangesOf: excerpt id → Ranges, codeIds: the codes painted, in no order}.
 * A code coded twice on one excerpt (two coders) paints it once.
 */
export function paintHighlights(map, excerpts, codesById) {
  const rangesOf = new Map();
  const byCode = new Map();
  for (const excerpt of excerpts) {
    const ranges = map.offsetsToRanges(excerpt.start, excerpt.end);
    rangesOf.set(excerpt.id, ranges);
    for (const codeId of new Set(excerpt.codes.map((coding) => coding.code_id))) {
      if (!byCode.has(codeId)) {
        byCode.set(codeId, []);
      }
      byCode.get(codeId).push(...ranges);
    }
  }
  const names = new Set();
  const rules = [];
  for (const [codeId, ranges] of byCode) {
    const name = `code-${codeId}`;
    CSS.highlights.set(name, new Highlight(...ranges));
    names.add(name);
    const code = codesById.get(codeId);
    rules.push(`::highlight(${name}) { background-color: ${rgba(code ? code.colour : "#888888")}; }`);
  }
  for (const name of registered) {
    if (!names.has(name)) {
      CSS.highlights.delete(name);
    }
  }
  registered = names;
  sheet.replaceSync(rules.join("\n"));
  return { rangesOf, codeIds: [...byCode.keys()] };
}

/** A named highlight of our own (pending selection, flash, active coding); no ranges removes it. */
export function mark(name, ranges) {
  if (ranges && ranges.length) {
    CSS.highlights.set(name, new Highlight(...ranges));
  } else {
    CSS.highlights.delete(name);
  }
}

/** The vertical extent of each excerpt's ranges, relative to `top` (one layout read per excerpt end). */
function spans(excerpts, rangesOf, top) {
  const result = new Map();
  for (const excerpt of excerpts) {
    const ranges = rangesOf.get(excerpt.id) || [];
    if (!ranges.length) {
      continue;
    }
    const first = ranges[0].getBoundingClientRect();
    const last = ranges.length > 1 ? ranges[ranges.length - 1].getBoundingClientRect() : first;
    result.set(excerpt.id, [first.top - top, last.bottom - top]);
  }
  return result;
}

function merged(intervals, gap) {
  const runs = [];
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && from <= last[1] + gap) {
      last[1] = Math.max(last[1], to);
    } else {
      runs.push([from, to]);
    }
  }
  return runs;
}

/** Column runs per code, merging over larger gaps until the bars fit the element budget. */
function columnRuns(columns, excerpts, extent) {
  const intervals = new Map(columns.map((code) => [code.id, []]));
  for (const excerpt of excerpts) {
    const span = extent.get(excerpt.id);
    if (!span) {
      continue;
    }
    for (const codeId of new Set(excerpt.codes.map((coding) => coding.code_id))) {
      intervals.get(codeId)?.push([...span]);
    }
  }
  let runs;
  for (const gap of [3, 12, 40, 120]) {
    runs = columns.map((code) => merged(intervals.get(code.id).map((span) => [...span]), gap));
    if (runs.reduce((total, list) => total + list.length, 0) <= MAX_BARS) {
      break;
    }
  }
  return runs;
}

/**
 * Redraw the margin for the excerpts that touch [window.start, window.end) (code points): the part of the
 * transcript on and around the screen, so a long transcript costs no layout beyond what is seen.
 * `columns` are the codes painted, in codebook order; their column never moves while scrolling.
 */
export function drawStripes(margin, columns, excerpts, rangesOf, window) {
  const pitch = columns.length * PITCH > MARGIN_MAX ? Math.max(3, Math.floor(MARGIN_MAX / columns.length)) : PITCH;
  const width = Math.max(1, columns.length) * pitch + 10;
  margin.style.width = `${width}px`;
  const near = excerpts.filter((excerpt) => excerpt.start < window.end && excerpt.end > window.start);
  const extent = spans(near, rangesOf, margin.getBoundingClientRect().top);
  const runs = columnRuns(columns, near, extent);
  const bars = document.createDocumentFragment();
  columns.forEach((code, column) => {
    for (const [from, to] of runs[column]) {
      const bar = document.createElement("span");
      bar.className = "ws-stripe";
      bar.title = code.path;
      const height = Math.max(4, to - from);
      const left = 6 + column * pitch;
      bar.style.cssText = `top:${from}px;height:${height}px;left:${left}px;width:${Math.max(2, pitch - 3)}px`;
      bar.style.background = code.colour;
      bars.append(bar);
    }
  });
  margin.replaceChildren(bars);
}
