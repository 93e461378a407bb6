// The code picker: opens near the selection; type to filter, ↑ ↓ to move, Space (after moving, or with an
// empty filter) or a click ticks several codes, Enter applies the ticked codes (or the highlighted one).

import { placeNear } from "./popover.js";

/** Lower case without accents, so "educ" finds "Éducation". */
export function folded(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export class Picker {
  constructor(el, { strings, canRestructure, onApply, onCreate, onInVivo, onClose }) {
    this.el = el;
    this.input = el.querySelector("#ws-picker-filter");
    this.list = el.querySelector("#ws-picker-list");
    this.applyButton = el.querySelector("#ws-picker-apply");
    this.strings = strings;
    this.canRestructure = canRestructure;
    this.handlers = { onApply, onCreate, onClose };
    this.codes = [];
    this.pins = [];
    this.ticked = new Set();
    this.options = [];
    this.active = 0;
    this.moved = false; // Space ticks after an arrow move; otherwise it types a space
    this.input.addEventListener("input", () => this.filter());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.list.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the filter
    this.list.addEventListener("click", (event) => this.click(event));
    this.applyButton.addEventListener("click", () => this.apply());
    el.querySelector("#ws-picker-close").addEventListener("click", () => this.close());
    el.querySelector("#ws-picker-invivo")?.addEventListener("click", () => onInVivo());
    el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
  }

  get isOpen() {
    return !this.el.hidden;
  }

  open(rect, codes, pins) {
    this.codes = codes;
    this.pins = pins;
    this.ticked.clear();
    this.input.value = "";
    this.el.hidden = false;
    placeNear(this.el, rect);
    this.filter();
    this.input.focus({ preventScroll: true });
  }

  /** reason: "applied", "outside" (a click elsewhere) or "cancel" (Escape, the Close button). */
  close(reason = "cancel") {
    if (this.isOpen) {
      this.el.hidden = true;
      this.handlers.onClose(reason);
    }
  }

  filter() {
    const words = folded(this.input.value).split(/\s+/).filter(Boolean);
    const matches = this.codes.filter((code) => words.every((word) => code.search.includes(word)));
    const pinned = matches.filter((code) => this.pins.includes(code.id));
    pinned.sort((a, b) => this.pins.indexOf(a.id) - this.pins.indexOf(b.id));
    this.options = [...pinned, ...matches.filter((code) => !this.pins.includes(code.id))];
    const name = this.input.value.trim();
    if (this.canRestructure && name && !matches.some((code) => folded(code.name) === folded(name))) {
      this.options.push({ create: name });
    }
    this.active = 0;
    this.moved = false;
    this.render();
  }

  render() {
    const items = this.options.map((option, index) => this.item(option, index));
    if (!items.length) {
      const empty = document.createElement("li");
      empty.className = "ws-option ws-option--empty";
      empty.textContent = this.strings.no_codes;
      items.push(empty);
    }
    this.list.replaceChildren(...items);
    this.focusActive();
    this.applyButton.textContent = this.ticked.size
      ? this.strings.apply_n.replace("%s", this.ticked.size)
      : this.strings.apply;
  }

  item(option, index) {
    const li = document.createElement("li");
    li.id = `ws-option-${index}`;
    li.dataset.index = index;
    li.setAttribute("role", "option");
    if (option.create) {
      li.className = "ws-option ws-option--create";
      li.textContent = this.strings.create_code.replace("%s", option.create);
      return li;
    }
    const ticked = this.ticked.has(option.id);
    li.className = "ws-option";
    li.setAttribute("aria-selected", String(ticked));
    const box = document.createElement("span");
    box.className = "ws-check";
    box.setAttribute("aria-hidden", "true");
    const swatch = document.createElement("span");
    swatch.className = "ws-swatch";
    swatch.style.background = option.colour;
    const label = document.createElement("span");
    label.className = "ws-option__name";
    label.textContent = option.name;
    li.append(box, swatch, label);
    if (option.depth) {
      const path = document.createElement("span");
      path.className = "ws-option__path";
      path.textContent = option.path.slice(0, option.path.length - option.name.length - 3);
      li.append(path);
    }
    const pin = this.pins.indexOf(option.id);
    if (pin >= 0) {
      const key = document.createElement("kbd");
      key.textContent = String(pin + 1);
      li.append(key);
    }
    return li;
  }

  focusActive() {
    const current = this.list.querySelector(".is-active");
    current?.classList.remove("is-active");
    const item = this.list.children[this.active];
    if (item && this.options.length) {
      item.classList.add("is-active");
      this.input.setAttribute("aria-activedescendant", item.id);
      // Scroll the list only (scrollIntoView would scroll the page as well).
      const list = this.list;
      if (item.offsetTop < list.scrollTop) {
        list.scrollTop = item.offsetTop;
      } else if (item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = item.offsetTop + item.offsetHeight - list.clientHeight;
      }
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  key(event) {
    const count = this.options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (count) {
        this.active = (this.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count;
        this.moved = true;
        this.focusActive();
      }
    } else if (event.key === " " && (this.moved || !this.input.value)) {
      event.preventDefault();
      this.toggle(this.active);
    } else if (event.key === "Enter") {
      event.preventDefault();
      this.apply();
    }
  }

  click(event) {
    const item = event.target.closest(".ws-option");
    if (!item || item.dataset.index === undefined) {
      return;
    }
    this.active = Number(item.dataset.index);
    if (this.options[this.active]?.create) {
      this.apply();
    } else {
      this.toggle(this.active);
    }
  }

  toggle(index) {
    const option = this.options[index];
    if (!option || option.create) {
      return;
    }
    if (this.ticked.has(option.id)) {
      this.ticked.delete(option.id);
    } else {
      this.ticked.add(option.id);
    }
    this.active = index;
    this.render();
  }

  apply() {
    const option = this.options[this.active];
    if (!this.ticked.size && option?.create) {
      this.handlers.onCreate(option.create);
      return;
    }
    const ids = this.ticked.size ? [...this.ticked] : option && !option.create ? [option.id] : [];
    if (ids.length) {
      this.handlers.onApply(ids);
    }
  }
}
