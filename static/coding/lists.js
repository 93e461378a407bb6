// The two side lists: the codebook (filter box, counts, pins, choosing a code to list its excerpts) and
// the interview's excerpts in text order (each item jumps to its place).

import { folded } from "./picker.js";

const PAGE = 150; // excerpts rendered at a time: the list stays light on a heavily coded interview
const SNIPPET = 140;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Run `render`, then put the focus back on the element with the same data attribute, if it had it. */
function keepingFocus(container, attribute, render) {
  const focused = container.contains(document.activeElement) ? document.activeElement.getAttribute(attribute) : null;
  render();
  if (focused !== null) {
    container.querySelector(`[${attribute}="${focused}"]`)?.focus({ preventScroll: true });
  }
}

export class Codebook {
  constructor(list, filter, { strings, onPin, onChoose }) {
    this.list = list;
    this.filter = filter;
    this.strings = strings;
    this.state = { codebook: [], counts: new Map(), pins: [], chosen: null };
    filter.addEventListener("input", () => this.applyFilter());
    list.addEventListener("click", (event) => {
      const pin = event.target.closest("[data-pin]");
      const choose = event.target.closest("[data-choose]");
      if (pin) {
        onPin(Number(pin.dataset.pin));
      } else if (choose) {
        onChoose(Number(choose.dataset.choose));
      }
    });
  }

  render(changes) {
    Object.assign(this.state, changes);
    const { codebook, counts, pins, chosen } = this.state;
    const items = codebook
      .filter((code) => code.active || counts.get(code.id))
      .map((code) => {
        const li = element("li", "ws-code");
        li.dataset.search = folded(code.path);
        li.style.paddingLeft = `${code.depth * 0.9}rem`;
        const swatch = element("span", "ws-swatch");
        swatch.style.background = code.colour;
        const name = element("button", "ws-code__name", code.name + (code.active ? "" : ` (${this.strings.archived})`));
        name.type = "button";
        name.title = code.path;
        name.dataset.choose = code.id;
        name.setAttribute("aria-pressed", String(chosen === code.id));
        const count = element("span", "ws-code__count", String(counts.get(code.id) || ""));
        const pinned = pins.indexOf(code.id);
        const pin = element("button", "ws-pin", pinned >= 0 ? `★${pinned + 1}` : "☆");
        pin.type = "button";
        pin.dataset.pin = code.id;
        pin.setAttribute("aria-pressed", String(pinned >= 0));
        pin.setAttribute("aria-label", (pinned >= 0 ? this.strings.unpin : this.strings.pin).replace("%s", code.path));
        pin.hidden = !code.active;
        li.append(swatch, name, count, pin);
        return li;
      });
    keepingFocus(this.list, "data-pin", () => this.list.replaceChildren(...items));
    this.applyFilter();
  }

  applyFilter() {
    const words = folded(this.filter.value).split(/\s+/).filter(Boolean);
    for (const li of this.list.children) {
      li.hidden = !words.every((word) => li.dataset.search.includes(word));
    }
  }
}

export class ExcerptList {
  constructor(list, { more, count, note, strings, onJump, onShowAll }) {
    this.list = list;
    this.more = more;
    this.count = count;
    this.note = note;
    this.strings = strings;
    this.shown = PAGE;
    this.last = null;
    list.addEventListener("click", (event) => {
      const item = event.target.closest("[data-excerpt]");
      if (item) {
        onJump(Number(item.dataset.excerpt));
      }
    });
    note.addEventListener("click", (event) => {
      if (event.target.closest("button")) {
        onShowAll();
      }
    });
    more.addEventListener("click", () => {
      this.shown += PAGE;
      this.render(this.last);
    });
  }

  render(view) {
    this.last = view;
    const { excerpts, codesById, map, chosen } = view;
    const listed = chosen ? excerpts.filter((e) => e.codes.some((coding) => coding.code_id === chosen)) : excerpts;
    this.count.textContent = String(listed.length);
    this.count.title = this.strings.count_label.replace("%s", listed.length);
    this.renderNote(chosen ? codesById.get(chosen) : null);
    const items = listed.slice(0, this.shown).map((excerpt) => this.item(excerpt, codesById, map));
    if (!items.length) {
      items.push(element("li", "empty", this.strings.no_excerpts));
    }
    keepingFocus(this.list, "data-excerpt", () => this.list.replaceChildren(...items));
    const rest = listed.length - this.shown;
    this.more.hidden = rest <= 0;
    this.more.textContent = this.strings.show_more.replace("%s", Math.min(rest, PAGE));
  }

  renderNote(code) {
    this.note.hidden = !code;
    if (code) {
      const all = element("button", "linklike", this.strings.show_all);
      all.type = "button";
      this.note.replaceChildren(this.strings.filtered_by.replace("%s", code.path), " ", all);
    }
  }

  item(excerpt, codesById, map) {
    const li = element("li");
    const button = element("button", "ws-excerpt");
    button.type = "button";
    button.dataset.excerpt = excerpt.id;
    const swatches = element("span", "ws-excerpt__codes");
    const names = [];
    const coders = new Set();
    for (const coding of excerpt.codes) {
      const code = codesById.get(coding.code_id);
      coders.add(coding.coder);
      if (code && !names.includes(code.name)) {
        names.push(code.name);
        const swatch = element("span", "ws-swatch");
        swatch.style.background = code.colour;
        swatches.append(swatch);
      }
    }
    let text = map.textOf(excerpt.start, excerpt.end).replace(/\s+/g, " ").trim();
    if (text.length > SNIPPET) {
      text = `${text.slice(0, SNIPPET)}…`;
    }
    button.append(
      swatches,
      element("span", "ws-excerpt__quote", this.strings.quoted.replace("%s", () => text)),
      element("span", "ws-excerpt__meta", `${names.join(", ")} · ${[...coders].join(", ")}`),
    );
    li.append(button);
    return li;
  }
}
