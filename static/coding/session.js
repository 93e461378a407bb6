// What the workspace knows: the server's last answer (excerpts, codebook, coders), the local changes made
// since, the pinned codes, and the poll that keeps it current (a cheap 304 while nothing changes).

import { Api } from "./api.js";
import { folded } from "./picker.js";
import { TextMap } from "./textmap.js";

const POLL_MS = 2000;
const MAX_PINS = 9;

function byPlace(a, b) {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

export class Session {
  constructor(root, data, { strings, view, onChange, announce }) {
    this.root = root;
    this.map = new TextMap(root.querySelector("#ws-text"));
    this.api = new Api(root);
    this.strings = strings;
    this.view = view;
    this.onChange = onChange;
    this.announce = announce;
    this.etag = `"${data.token}"`;
    this.generation = 0;
    this.pinKey = `hlmstudy:pins:${root.dataset.study}`;
    this.pins = this.loadPins();
    this.chosen = null; // a code whose excerpts alone are listed
    this.pending = null; // the {start, end} the picker is about
    this.extentFor = null; // the excerpt whose new extent is being selected
    this.rangesOf = new Map();
    this.accept(data);
  }

  accept(data) {
    this.data = data;
    this.codesById = new Map(data.codebook.map((code) => [code.id, code]));
    this.excerptsById = new Map(data.excerpts.map((excerpt) => [excerpt.id, excerpt]));
    this.active = null;
    // Offsets refer to the version the page shows: after a new version they would land in the wrong place.
    this.stale = String(data.version) !== this.root.dataset.version;
    if (this.stale) {
      this.root.classList.add("is-stale");
      this.announce(this.strings.new_version);
    }
  }

  paint(paintHighlights) {
    const painted = paintHighlights(this.map, this.shownExcerpts(), this.codesById);
    this.rangesOf = painted.rangesOf;
    return painted;
  }

  shownExcerpts() {
    return this.stale ? [] : this.data.excerpts;
  }

  excerptById(id) {
    return this.excerptsById.get(id);
  }

  /** The current user's excerpt covering exactly {start, end}, if the page knows one. */
  ownExcerptAt({ start, end }) {
    const me = this.data.me;
    return this.data.excerpts.find((e) => e.start === start && e.end === end && e.created_by === me);
  }

  codingById(codingId) {
    for (const excerpt of this.data.excerpts) {
      const coding = excerpt.codes.find((item) => item.coding_id === codingId);
      if (coding) {
        return coding;
      }
    }
    return null;
  }

  codeOf(codeId) {
    return this.codesById.get(codeId) || { id: codeId, name: "?", path: "?", colour: "#888888" };
  }

  codeNames(codeIds) {
    return codeIds.map((codeId) => this.strings.quoted.replace("%s", () => this.codeOf(codeId).path)).join(", ");
  }

  /** The codes the picker offers: active ones, in tree order, with a folded search key. */
  activeCodes() {
    if (!this.active) {
      this.active = this.data.codebook
        .filter((code) => code.active)
        .map((code) => ({ ...code, search: folded(code.path) }));
    }
    return this.active;
  }

  upsertExcerpt(excerpt) {
    const excerpts = this.data.excerpts.filter((item) => item.id !== excerpt.id);
    excerpts.push(excerpt);
    excerpts.sort(byPlace);
    this.accept({ ...this.data, excerpts });
    this.onChange();
  }

  upsertCode(code) {
    if (!this.codesById.has(code.id)) {
      const entry = { ...code, path: code.name, depth: 0 };
      this.accept({ ...this.data, codebook: [...this.data.codebook, entry] });
    }
  }

  dropCoding(codingId) {
    const excerpts = this.data.excerpts
      .map((excerpt) => ({ ...excerpt, codes: excerpt.codes.filter((coding) => coding.coding_id !== codingId) }))
      .filter((excerpt) => excerpt.codes.length);
    this.accept({ ...this.data, excerpts });
    this.onChange();
  }

  failure(error) {
    if (error.kind === "signed_out") {
      return this.strings.signed_out;
    }
    if (error.kind === "offline") {
      return this.strings.offline;
    }
    return this.strings.failed.replace("%s", error.message);
  }

  // Pins: up to nine codes per study, in this browser, applied with the keys 1–9.

  loadPins() {
    try {
      const pins = JSON.parse(localStorage.getItem(this.pinKey) || "[]");
      return Array.isArray(pins) ? pins.filter(Number.isInteger).slice(0, MAX_PINS) : [];
    } catch {
      return [];
    }
  }

  togglePin(codeId) {
    if (this.pins.includes(codeId)) {
      this.pins = this.pins.filter((pin) => pin !== codeId);
    } else if (this.pins.length >= MAX_PINS) {
      this.announce(this.strings.pins_full);
      return;
    } else {
      this.pins = [...this.pins, codeId];
    }
    localStorage.setItem(this.pinKey, JSON.stringify(this.pins));
  }

  // The poll: the newest request wins; an answer to an older one is dropped.

  async refresh({ fresh = false } = {}) {
    const generation = ++this.generation;
    try {
      const answer = await this.api.codings(this.view, fresh ? null : this.etag);
      if (answer && generation === this.generation) {
        this.etag = answer.etag;
        this.accept(answer.data);
        this.onChange();
      }
    } catch (error) {
      if (generation === this.generation && error.kind === "signed_out") {
        this.announce(this.strings.signed_out);
      }
    }
  }

  setView(view) {
    this.view = view;
    const url = new URL(window.location.href);
    if (view === "all") {
      url.searchParams.delete("coder");
    } else {
      url.searchParams.set("coder", view);
    }
    window.history.replaceState(null, "", url);
    this.refresh({ fresh: true });
  }

  startPolling() {
    const tick = async () => {
      if (!document.hidden) {
        await this.refresh();
      }
      setTimeout(tick, POLL_MS);
    };
    setTimeout(tick, POLL_MS);
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) {
        this.refresh();
      }
    });
  }
}
