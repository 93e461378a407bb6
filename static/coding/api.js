// The workspace's requests: a conditional GET of the codings (304 when nothing changed) and JSON POSTs
// carrying the CSRF token. Each write is its own request; the server's answer is the truth.

/** A random idempotency key (crypto.randomUUID needs a secure context; the fallback does not). */
export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class ApiError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.kind = kind; // "refused" (the server said no, with a reason), "signed_out", "offline"
    this.status = status;
  }
}

function withId(template, id) {
  const at = template.lastIndexOf("/0/");
  return `${template.slice(0, at)}/${id}/${template.slice(at + 3)}`;
}

export class Api {
  constructor(root) {
    this.urls = root.dataset;
    this.csrf = document.querySelector('meta[name="csrf-token"]').content;
  }

  /** The codings for a view ("all", "me" or a coder id): {data, etag}, or null when `etag` is still current. */
  async codings(view, etag = null) {
    const headers = { Accept: "application/json" };
    if (etag) {
      headers["If-None-Match"] = etag;
    }
    const url = `${this.urls.codingsUrl}?coder=${encodeURIComponent(view)}`;
    const response = await this.send(url, { headers, cache: "no-store", credentials: "same-origin" });
    if (response.status === 304) {
      return null;
    }
    return { data: await this.json(response), etag: response.headers.get("ETag") };
  }

  createExcerpt(body) {
    return this.post(this.urls.createUrl, body);
  }

  removeCoding(codingId) {
    return this.post(withId(this.urls.removeUrl, codingId), {});
  }

  changeExtent(excerptId, start, end) {
    return this.post(withId(this.urls.extentUrl, excerptId), { start, end });
  }

  createCode(body) {
    return this.post(this.urls.codeCreateUrl, body);
  }

  /** POST JSON; a network failure is retried once with the same body (same idempotency key). */
  async post(url, body) {
    const init = {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": this.csrf },
      body: JSON.stringify(body),
    };
    let response;
    try {
      response = await this.send(url, init);
    } catch (error) {
      response = await this.send(url, init);
    }
    return this.json(response);
  }

  async send(url, init) {
    try {
      return await fetch(url, init);
    } catch (error) {
      throw new ApiError("offline", error.message);
    }
  }

  async json(response) {
    const type = response.headers.get("Content-Type") || "";
    if (response.redirected || !type.includes("application/json")) {
      if (response.redirected || response.status === 200) {
        throw new ApiError("signed_out", response.statusText, response.status);
      }
      throw new ApiError("refused", `${response.status} ${response.statusText}`, response.status);
    }
    const data = await response.json();
    if (!response.ok) {
      throw new ApiError("refused", data.error || response.statusText, response.status);
    }
    return data;
  }
}
