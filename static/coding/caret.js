// Keyboard selection in the (non-editable) transcript: the arrow keys move a caret of our own and Shift
// extends the selection, through Selection.modify, so coding needs no mouse. Ctrl/Alt moves by words.

const MOVES = {
  ArrowLeft: ["backward", "character"],
  ArrowRight: ["forward", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};

/** Whether the document's selection lies in `root`. */
export function selectionIn(root) {
  const selection = document.getSelection();
  return selection.rangeCount > 0 && root.contains(selection.anchorNode) && root.contains(selection.focusNode);
}

/** Put a collapsed selection at the start of the first block visible in the viewport (or the first block). */
export function placeCaret(root) {
  const blocks = root.querySelectorAll(".ws-block");
  const visible = [...blocks].find((block) => block.getBoundingClientRect().bottom > 0) || blocks[0];
  if (visible) {
    document.getSelection().collapse(visible.firstChild || visible, 0);
  }
}

let goalX = null; // the x a run of ↑ ↓ presses keeps, as in a text editor

/** A DOM position inside a block's text at viewport point (x, y), the x clamped into the block; or null. */
function blockPositionAt(root, x, y) {
  const turn = document.elementFromPoint(x, y)?.closest(".ws-turn");
  const block = turn && root.contains(turn) ? turn.querySelector(".ws-block") : null;
  const box = block?.getBoundingClientRect();
  if (!box || y < box.top || y > box.bottom) {
    return null;
  }
  const px = Math.min(Math.max(x, box.left + 1), box.right - 1);
  const hit = document.caretPositionFromPoint
    ? document.caretPositionFromPoint(px, y)
    : document.caretRangeFromPoint(px, y);
  const node = hit && (hit.offsetNode || hit.startContainer);
  return node && block.contains(node) ? { node, offset: hit.offset ?? hit.startOffset } : null;
}

function focusRect() {
  const selection = document.getSelection();
  const point = document.createRange();
  point.setStart(selection.focusNode, selection.focusOffset);
  const rect = point.getClientRects()[0] || point.getBoundingClientRect();
  return rect && (rect.height || rect.top) ? rect : null;
}

/**
 * Move (or extend) one line up or down by hit testing below/above the caret: Selection.modify's line moves
 * get lost between the grid columns of speaker turns (label | speech).
 */
function moveLine(root, down, extend) {
  let rect = focusRect();
  if (!rect) {
    return;
  }
  if (rect.top < 60 || rect.bottom > window.innerHeight - 60) {
    window.scrollBy({ top: rect.top - window.innerHeight / 2 });
    rect = focusRect();
  }
  goalX = goalX ?? rect.left;
  const step = down ? 4 : -4;
  for (let y = down ? rect.bottom + 2 : rect.top - 2; y > 0 && y < window.innerHeight; y += step) {
    const position = blockPositionAt(root, goalX, y);
    const selection = document.getSelection();
    if (position && (position.node !== selection.focusNode || position.offset !== selection.focusOffset)) {
      if (extend) {
        selection.extend(position.node, position.offset);
      } else {
        selection.collapse(position.node, position.offset);
      }
      return;
    }
  }
}

/** Handle an arrow/Home/End key in the transcript; true when handled. */
export function moveByKey(event, root) {
  const move = MOVES[event.key];
  if (!move || event.metaKey) {
    return false;
  }
  if (!selectionIn(root)) {
    placeCaret(root);
  }
  const [direction, unit] = move;
  event.preventDefault();
  if (unit === "line") {
    moveLine(root, direction === "forward", event.shiftKey);
    return true;
  }
  goalX = null;
  const granularity = unit === "character" && (event.ctrlKey || event.altKey) ? "word" : unit;
  document.getSelection().modify(event.shiftKey ? "extend" : "move", direction, granularity);
  return true;
}

/** Draw the caret at the selection's focus, inside `paper` (position: relative); hide it when not in `root`. */
export function drawCaret(caret, root, paper) {
  const selection = document.getSelection();
  if (document.activeElement !== root || !selectionIn(root)) {
    caret.hidden = true;
    return;
  }
  const point = document.createRange();
  point.setStart(selection.focusNode, selection.focusOffset);
  const rect = point.getClientRects()[0] || point.getBoundingClientRect();
  if (!rect || (!rect.height && !rect.top)) {
    caret.hidden = true;
    return;
  }
  const origin = paper.getBoundingClientRect();
  caret.hidden = false;
  caret.style.left = `${rect.left - origin.left}px`;
  caret.style.top = `${rect.top - origin.top}px`;
  caret.style.height = `${rect.height || 18}px`;
  if (rect.top < 0 || rect.bottom > window.innerHeight) {
    window.scrollBy({ top: rect.top - window.innerHeight / 2 });
  }
}
