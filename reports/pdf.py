"""HTML to PDF with WeasyPrint, fetching nothing but the app's own static files and `data:` URLs.

WeasyPrint's default fetcher opens any URL an HTML or CSS file names: `file:///etc/passwd` as an image or
an attachment (`<a rel="attachment">` embeds the file in the PDF), `http://127.0.0.1/...` through an
`@import`. Sheets carry text written by people, so every fetch goes through `StaticOnlyFetcher`, which
answers from the static files on disk and refuses everything else before any connection is opened.
"""

import gc
import logging
import mimetypes
import types
import zlib
from contextlib import contextmanager
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# WeasyPrint logs every refused fetch and every ignored CSS property at INFO or above; the worker's log
# needs only its warnings (a refused URL in a hostile sheet is one).
logging.getLogger("weasyprint").setLevel(logging.WARNING)


def _page_references(pdf):
    """pydyf's `PDF.page_references`, built once per page count instead of on every read.

    pydyf rebuilds the tuple of every page's reference each time it is read, and WeasyPrint's PDF/UA tagging reads
    it once per tagged element: pages × elements, some 2.4 million strings (close to a second) for a thematic
    report of 160 pages. The pages only ever grow (`add_page`), so their count is a sound cache key.
    """
    kids = pdf.pages["Kids"]
    cached = getattr(pdf, "_hlm_page_references", None)
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), _PAGE_REFERENCES.fget(pdf))
        pdf._hlm_page_references = cached
    return cached[1]


_PAGE_REFERENCES = pydyf.PDF.page_references
pydyf.PDF.page_references = property(_page_references)

# pydyf deflates every stream at zlib's level 9, which spends more than half a second of a 160-page report for 4 %
# of its size over the default level 6. pydyf names no level anywhere else; this module stands in for `zlib` there.
PDF_ZLIB_LEVEL = 6
pydyf.zlib = types.SimpleNamespace(
    compress=zlib.compress,
    compressobj=lambda level=PDF_ZLIB_LEVEL, *args, **kwargs: zlib.compressobj(PDF_ZLIB_LEVEL, *args, **kwargs),
)


@contextmanager
def cyclic_gc_paused():
    """Python's cycle collector held off while WeasyPrint lays out and draws.

    A long document allocates millions of boxes, and the collector walks every live object of the process each time
    the oldest generation runs: in a worker that holds a loaded study, that is a tenth of a report's time. Reference
    counting still frees what is dropped; the cycles left wait for the next collection once it is back on (the peak
    memory of a 160-page report moved from 280 to 288 MB).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Relative URLs in the HTML resolve against this base, so `/static/x.css` becomes a URL the fetcher knows.
# The `.invalid` top-level domain never resolves (RFC 6761), should anything ever try.
BASE_URL = "https://hlmstudy.invalid/"


class RefusedURL(ValueError):
    """A URL the PDF may not fetch; WeasyPrint catches it, logs it and leaves the resource out."""


class StaticOnlyFetcher(URLFetcher):
    """A URL fetcher that serves `data:` URLs and the app's static files, and refuses the rest unopened."""

    def __init__(self):
        super().__init__(allowed_protocols=("data", "https"), allow_redirects=False, timeout=1)

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        return self._static_file(url)

    def _static_file(self, url):
        parts = urlsplit(url)
        prefix = urlsplit(BASE_URL + settings.STATIC_URL.lstrip("/")).path
        if parts.scheme != "https" or parts.netloc != urlsplit(BASE_URL).netloc or not parts.path.startswith(prefix):
            raise RefusedURL(f"not an app static file: {url[:200]}")
        relative = PurePosixPath(unquote(parts.path[len(prefix) :]))
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise RefusedURL(f"not an app static file: {url[:200]}")
        found = finders.find(str(relative))
        if not found:
            raise RefusedURL(f"no such static file: {relative}")
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        with open(found, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def render_pdf(html, *, title, lang, stylesheets=()):
    """The PDF of `html` (a full document or a fragment) as bytes: tagged PDF/UA-1 with its title and language.

    `stylesheets` are CSS source strings added after the document's own styles. No network, no file
    outside the static folders: see `StaticOnlyFetcher`.
    """
    fetcher = StaticOnlyFetcher()
    with cyclic_gc_paused():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
        sheets = [CSS(string=css, base_url=BASE_URL, url_fetcher=fetcher) for css in stylesheets]
        rendered = document.render(stylesheets=sheets, pdf_variant="pdf/ua-1")
        rendered.metadata.title = title
        rendered.metadata.lang = lang
        return rendered.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
