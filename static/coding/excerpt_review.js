// The "place an excerpt again" page: selecting words in the current text fills the start/end form in code
// points (the server's unit, DESIGN.md), so a researcher places an excerpt without counting characters.
// The server still checks the range against its own text.

import { cpLength } from "./offsets.js";

const text = document.getElementById("review-text");
const form = document.getElementById("place-form");
const start = document.getElementById("id_start");
const end = document.getElementById("id_end");
const preview = document.getElementById("place-preview");

function codePointsBefore(node, offset) {
  const range = document.createRange();
  range.selectNodeContents(text);
  range.setEnd(node, offset);
  return cpLength(range.toString());
}

function onSelection() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
  start.value = codePointsBefore(range.startContainer, range.startOffset);
  end.value = codePointsBefore(range.endContainer, range.endOffset);
  preview.textContent = range.toString();
  form.open = true;
}

if (text && form && start && end && preview) {
  document.addEventListener("selectionchange", onSelection);
}
