// Code points ⇄ UTF-16: the server counts Unicode code points (Python str indices), the DOM counts UTF-16
// code units. The workspace converts once, at the edge, with these pure functions (DESIGN.md, "Text,
// offsets and anchoring"); tests/browser/test_workspace.py checks them on surrogate pairs.

const HIGH_FIRST = 0xd800;
const HIGH_LAST = 0xdbff;
const LOW_FIRST = 0xdc00;
const LOW_LAST = 0xdfff;

function isHigh(unit) {
  return unit >= HIGH_FIRST && unit <= HIGH_LAST;
}

function isLow(unit) {
  return unit >= LOW_FIRST && unit <= LOW_LAST;
}

/** Whether the string holds any surrogate, i.e. whether its two counts can differ. */
export function hasSurrogates(text) {
  return /[\ud800-\udfff]/.test(text);
}

/** The number of code points in `text` (a surrogate pair counts one). */
export function cpLength(text) {
  return utf16ToCp(text, text.length);
}

/**
 * The code points in text.slice(0, u16). A position between the two halves of a pair counts the whole
 * pair: it snaps to after the character, never into it.
 */
export function utf16ToCp(text, u16) {
  const stop = Math.max(0, Math.min(u16, text.length));
  let count = 0;
  for (let i = 0; i < stop; i += 1) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      i += 1;
    }
    count += 1;
  }
  return count;
}

/** The UTF-16 position after `cp` code points of `text`, clamped to the text. */
export function cpToUtf16(text, cp) {
  let u16 = 0;
  for (let n = 0; n < cp && u16 < text.length; n += 1) {
    const pair = isHigh(text.charCodeAt(u16)) && u16 + 1 < text.length && isLow(text.charCodeAt(u16 + 1));
    u16 += pair ? 2 : 1;
  }
  return u16;
}

/** The index of the last block whose start is ≤ cp (blocks sorted by start), or -1. */
export function blockIndexAt(starts, cp) {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= cp) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * [start, end) cut into the blocks it touches: [{index, start, end}] in block-local code points.
 * `blocks` are {start, end} sorted and disjoint; text between blocks (speaker labels) is left out.
 */
export function splitByBlocks(blocks, starts, start, end) {
  const parts = [];
  let index = Math.max(0, blockIndexAt(starts, start));
  for (; index < blocks.length && blocks[index].start < end; index += 1) {
    const block = blocks[index];
    const from = Math.max(start, block.start);
    const to = Math.min(end, block.end);
    if (from < to) {
      parts.push({ index, start: from - block.start, end: to - block.start });
    }
  }
  return parts;
}
