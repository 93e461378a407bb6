// The transcript's blocks in the DOM and the one place where DOM positions become code-point offsets
// and back. Each `.ws-block` element holds one text node: the text of the current version from
// `data-start` (code points) to `data-end`. Speaker labels sit outside the blocks and are never counted.

import { blockIndexAt, cpLength, cpToUtf16, hasSurrogates, splitByBlocks, utf16ToCp } from "./offsets.js";

export class TextMap {
  constructor(root) {
    this.root = root;
    this.blocks = [...root.querySelectorAll(".ws-block")].map((el) => {
      if (!el.firstChild) {
        el.append(document.createTextNode(""));
      }
      const text = el.firstChild.data;
      const block = {
        el,
        node: el.firstChild,
        text,
        start: Number(el.dataset.start),
        end: Number(el.dataset.end),
        simple: !hasSurrogates(text),
      };
      if (block.end - block.start !== (block.simple ? text.length : cpLength(text))) {
        console.warn("workspace: block text and offsets disagree", el);
      }
      return block;
    });
    this.starts = this.blocks.map((block) => block.start);
    this.indexOf = new Map(this.blocks.map((block, index) => [block.el, index]));
  }

  /**
   * The code-point offset of a DOM position; outside a block's text (a speaker label, a gap), snapped to the
   * next block's start (side "start") or the previous block's end (side "end").
   */
  pointToOffset(node, offset, side = "start") {
    const owner = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const index = this.indexOf.get(owner);
    if (index !== undefined) {
      const block = this.blocks[index];
      if (node.nodeType !== Node.TEXT_NODE) {
        return offset === 0 ? block.start : block.end;
      }
      return block.start + (block.simple ? offset : utf16ToCp(block.text, offset));
    }
    const next = this.firstBlockNotBefore(node, offset);
    if (side === "start") {
      return next < this.blocks.length ? this.blocks[next].start : this.textEnd();
    }
    return next > 0 ? this.blocks[next - 1].end : this.textStart();
  }

  /** The index of the first block that the position is before or inside (binary search in document order). */
  firstBlockNotBefore(node, offset) {
    const probe = document.createRange();
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      probe.selectNodeContents(this.blocks[middle].el);
      if (probe.comparePoint(node, offset) > 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  textStart() {
    return this.blocks.length ? this.blocks[0].start : 0;
  }

  textEnd() {
    return this.blocks.length ? this.blocks[this.blocks.length - 1].end : 0;
  }

  /**
   * The code points [start, end) of the blocks within `margin` px of the viewport. Reads only the turns' own
   * boxes (binary search), never their text, so blocks the browser has not laid out stay so.
   */
  visibleSpan(margin = window.innerHeight) {
    if (!this.blocks.length) {
      return { start: 0, end: 0 };
    }
    const box = (index) => this.blocks[index].el.parentElement.getBoundingClientRect();
    const first = this.search((index) => box(index).bottom >= -margin);
    const after = this.search((index) => box(index).top > window.innerHeight + margin);
    const final = this.blocks.length - 1;
    const last = Math.min(Math.max(first, after - 1), final);
    return { start: this.blocks[Math.min(first, final)].start, end: this.blocks[last].end };
  }

  /** The first block index for which `test` holds (test is false, then true, along the blocks). */
  search(test) {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (test(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** {start, end} in code points for a DOM range, or null when it does not touch the transcript. */
  rangeToOffsets(range) {
    if (!range || !range.intersectsNode(this.root)) {
      return null;
    }
    const start = this.pointToOffset(range.startContainer, range.startOffset, "start");
    const end = range.collapsed ? start : this.pointToOffset(range.endContainer, range.endOffset, "end");
    return { start, end: Math.max(start, end) };
  }

  /** One DOM Range per block that [start, end) touches (so speaker labels between blocks stay unpainted). */
  offsetsToRanges(start, end) {
    return splitByBlocks(this.blocks, this.starts, start, end).map((part) => {
      const block = this.blocks[part.index];
      const range = document.createRange();
      range.setStart(block.node, this.toUtf16(block, part.start));
      range.setEnd(block.node, this.toUtf16(block, part.end));
      return range;
    });
  }

  /** A collapsed Range at a code-point offset (the nearest block edge when it falls between blocks). */
  caretAt(offset) {
    const index = Math.max(0, blockIndexAt(this.starts, offset));
    const block = this.blocks[index];
    if (!block) {
      return null;
    }
    const local = Math.min(Math.max(offset - block.start, 0), block.end - block.start);
    const range = document.createRange();
    range.setStart(block.node, this.toUtf16(block, local));
    return range;
  }

  /** The document's selection as {start, end} when it covers some of the transcript, else null. */
  selectedOffsets() {
    const selection = document.getSelection();
    const offsets = selection.rangeCount ? this.rangeToOffsets(selection.getRangeAt(0)) : null;
    return offsets && offsets.end > offsets.start ? offsets : null;
  }

  /** Select [start, end) in the document (labels between blocks included, as a reader would select it). */
  select({ start, end }) {
    const ranges = this.offsetsToRanges(start, end);
    if (ranges.length) {
      const range = ranges[0].cloneRange();
      range.setEnd(ranges[ranges.length - 1].endContainer, ranges[ranges.length - 1].endOffset);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
    }
  }

  collapseAt(offset) {
    const range = this.caretAt(offset);
    if (range) {
      document.getSelection().collapse(range.startContainer, range.startOffset);
    }
  }

  /** The code-point offset under a viewport point (caret hit testing), or null outside the transcript. */
  offsetAtPoint(x, y) {
    const hit = document.caretPositionFromPoint
      ? document.caretPositionFromPoint(x, y)
      : document.caretRangeFromPoint(x, y);
    const node = hit && (hit.offsetNode || hit.startContainer);
    if (!node || !this.root.contains(node)) {
      return null;
    }
    return this.pointToOffset(node, hit.offset ?? hit.startOffset, "start");
  }

  /** The displayed text of [start, end), blocks joined by " ¶ " (for the excerpt list). */
  textOf(start, end) {
    return splitByBlocks(this.blocks, this.starts, start, end)
      .map((part) => {
        const block = this.blocks[part.index];
        return block.text.slice(this.toUtf16(block, part.start), this.toUtf16(block, part.end));
      })
      .join(" ¶ ");
  }

  toUtf16(block, local) {
    return block.simple ? local : cpToUtf16(block.text, local);
  }
}
