// Placing the picker and the coding panel next to what they are about, inside the viewport.

const GAP = 8;

/** Put `el` (position: absolute, visible) under `rect` (viewport coordinates), or above it when there is no room. */
export function placeNear(el, rect) {
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const left = Math.min(Math.max(GAP, rect.left), document.documentElement.clientWidth - width - GAP);
  let top = rect.bottom + GAP;
  if (top + height > window.innerHeight && rect.top - GAP - height > 0) {
    top = rect.top - GAP - height;
  }
  el.style.left = `${left + window.scrollX}px`;
  el.style.top = `${top + window.scrollY}px`;
}

/** The viewport rectangle to open next to: the end of a selection range, or a point. */
export function rectOf(range, point) {
  if (point) {
    return { left: point.x, right: point.x, top: point.y - 10, bottom: point.y + 10 };
  }
  const rects = range.getClientRects();
  const last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
  return { left: last.left, right: last.right, top: last.top, bottom: last.bottom };
}
