// The panel of a painted coding: its codes and coders, removing one code, changing the extent, a memo.

import { placeNear } from "./popover.js";

const QUOTE_LENGTH = 180;

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

export class Panel {
  constructor(el, { strings, memoUrl, onRemove, onExtent, onClose }) {
    this.el = el;
    this.body = el.querySelector("#ws-panel-body");
    this.strings = strings;
    this.memoUrl = memoUrl;
    this.handlers = { onClose };
    el.querySelector("#ws-panel-close").addEventListener("click", () => this.close());
    el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
    this.body.addEventListener("click", (event) => {
      const remove = event.target.closest("[data-coding]");
      const extent = event.target.closest("[data-extent]");
      if (remove) {
        onRemove(Number(remove.dataset.coding));
      } else if (extent) {
        onExtent(Number(extent.dataset.extent));
      }
    });
  }

  get isOpen() {
    return !this.el.hidden;
  }

  /** items: [{excerpt, quote, canExtent, codings: [{coding_id, code, coder, canRemove}]}] */
  open(rect, items) {
    this.el.hidden = false;
    this.update(items);
    placeNear(this.el, rect);
    (this.body.querySelector("button, a") || this.el.querySelector("#ws-panel-close")).focus({ preventScroll: true });
  }

  update(items) {
    if (!items.length) {
      this.close();
      return;
    }
    const refocus = this.body.contains(document.activeElement);
    this.body.replaceChildren(...items.map((item) => this.section(item)));
    if (refocus) {
      // The button pressed (a removed code's) is gone: keep the keyboard in the panel.
      (this.body.querySelector("button, a") || this.el.querySelector("#ws-panel-close")).focus({ preventScroll: true });
    }
  }

  close() {
    if (this.isOpen) {
      const hadFocus = this.el.contains(document.activeElement);
      this.el.hidden = true;
      this.handlers.onClose(hadFocus);
    }
  }

  section({ excerpt, quote, codings, canExtent }) {
    const section = element("section", "ws-panel__item");
    const shown = quote.length > QUOTE_LENGTH ? `${quote.slice(0, QUOTE_LENGTH)}…` : quote;
    section.append(element("blockquote", "ws-panel__quote", shown));
    const list = element("ul", "ws-panel__codes");
    for (const coding of codings) {
      const li = element("li");
      const swatch = element("span", "ws-swatch");
      swatch.style.background = coding.code.colour;
      li.append(swatch, element("span", "ws-panel__code", coding.code.path));
      li.append(element("span", "ws-panel__coder", this.strings.by.replace("%s", coding.coder)));
      if (coding.canRemove) {
        const remove = element("button", "linklike ws-panel__remove", this.strings.remove);
        remove.type = "button";
        remove.dataset.coding = coding.coding_id;
        remove.setAttribute("aria-label", this.strings.remove_label.replace("%s", coding.code.path));
        li.append(remove);
      }
      list.append(li);
    }
    section.append(list);
    const actions = element("p", "ws-panel__actions");
    if (canExtent) {
      const extent = element("button", "button button--secondary", this.strings.change_extent);
      extent.type = "button";
      extent.dataset.extent = excerpt.id;
      actions.append(extent);
    }
    if (this.memoUrl) {
      const memo = element("a", "", this.strings.memo);
      memo.href = `${this.memoUrl}?excerpt=${excerpt.id}`;
      actions.append(memo);
    }
    section.append(actions);
    return section;
  }
}
