// The workspace's writes. Each is one request with its own idempotency key where it creates; the answer is
// painted at once and the next poll brings everyone's state. A failure says why and puts the selection back.

import { newKey } from "./api.js";

export class Writes {
  constructor({ session, map, text, strings, announce, onStart }) {
    Object.assign(this, { session, map, text, strings, announce, onStart });
  }

  async write(action, target) {
    this.onStart();
    try {
      await action();
    } catch (error) {
      this.announce(this.session.failure(error));
      if (target) {
        this.text.focus({ preventScroll: true });
        this.map.select(target);
      }
    }
    this.session.refresh();
  }

  /** Code [target.start, target.end) with the codes; one excerpt however often the request is sent. */
  apply(codeIds, target) {
    if (!target) {
      this.announce(this.strings.select_first);
      return;
    }
    const body = { start: target.start, end: target.end, code_ids: codeIds, idempotency_key: newKey() };
    const mine = this.session.ownExcerptAt(target);
    if (mine) {
      body.excerpt_id = mine.id; // the codes join it rather than making a twin of the same words
    }
    this.write(async () => {
      const { excerpt } = await this.session.api.createExcerpt(body);
      this.session.upsertExcerpt(excerpt);
      this.announce(this.strings.applied.replace("%s", this.session.codeNames(codeIds)));
      this.text.focus({ preventScroll: true });
      this.map.collapseAt(target.end);
    }, target);
  }

  /** A new code ({name}, or in vivo: {start, end}, named by the server after its own text), then applied. */
  createAndApply(body, target) {
    if (!target) {
      this.announce(this.strings.select_first);
      return;
    }
    this.write(async () => {
      const { code } = await this.session.api.createCode(body);
      this.session.upsertCode(code);
      this.apply([code.id], target);
    }, target);
  }

  inVivo(target) {
    this.createAndApply(target ? { start: target.start, end: target.end } : {}, target);
  }

  remove(codingId) {
    const name = this.session.codeNames([this.session.codingById(codingId)?.code_id]);
    this.write(async () => {
      await this.session.api.removeCoding(codingId);
      this.session.dropCoding(codingId);
      this.announce(this.strings.removed.replace("%s", name));
    });
  }

  changeExtent(excerptId, target) {
    this.write(async () => {
      const { excerpt } = await this.session.api.changeExtent(excerptId, target.start, target.end);
      this.session.upsertExcerpt(excerpt);
      this.announce(this.strings.extent_changed);
      this.map.collapseAt(target.end);
    }, target);
  }
}
