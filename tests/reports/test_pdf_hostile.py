"""reports/pdf.py renders what people wrote without reading local files, embedding them, or connecting anywhere."""

import io
import socket
import subprocess

import pytest
from pypdf import PdfReader

from reports.pdf import RefusedURL, StaticOnlyFetcher, render_pdf

SECRET_LINE = "root:x:0:0"  # the first line of /etc/passwd on every Debian


def _text(pdf):
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _embedded_files(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    names = reader.trailer["/Root"].get("/Names")
    files = names.get_object().get("/EmbeddedFiles") if names else None
    annotations = [
        annotation.get_object().get("/Subtype") for page in reader.pages for annotation in (page.get("/Annots") or [])
    ]
    return files, [subtype for subtype in annotations if subtype == "/FileAttachment"]


@pytest.fixture
def listener():
    """A loopback socket that records whether anything tried to connect to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _connections(server):
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_the_pdf_carries_its_title_and_language_and_is_tagged():
    pdf = render_pdf("<h1>Fiche synthèse</h1><p>Intervention de proximité.</p>", title="Fiche synthèse", lang="fr-CA")

    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert reader.metadata.title == "Fiche synthèse"
    assert catalog["/Lang"] == "fr-CA"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert "Intervention de proximité." in _text(pdf)


def test_local_files_named_as_images_or_attachments_are_neither_read_nor_embedded():
    hostile = """
        <link rel="attachment" href="file:///etc/passwd">
        <p>Avant</p>
        <img src="file:///etc/passwd" alt="x">
        <img src="/etc/passwd" alt="y">
        <a rel="attachment" href="file:///etc/passwd">pièce jointe</a>
        <a rel="attachment" href="/static/../../../../etc/passwd">relative</a>
        <iframe src="file:///etc/passwd"></iframe>
        <object data="file:///etc/passwd"></object>
        <p>Après</p>
    """
    pdf = render_pdf(hostile, title="t", lang="fr")

    files, attachments = _embedded_files(pdf)
    assert files is None and attachments == []
    assert b"/EmbeddedFile" not in pdf
    text = _text(pdf)
    assert "Avant" in text and "Après" in text
    assert SECRET_LINE not in text


def test_loopback_addresses_in_html_and_css_get_no_connection(listener):
    port = listener.getsockname()[1]
    hostile = f"""
        <style>@import url("http://127.0.0.1:{port}/a.css");
               p {{ background: url("http://127.0.0.1:{port}/b.png"); }}
               @font-face {{ font-family: X; src: url("http://127.0.0.1:{port}/f.woff"); }}</style>
        <link rel="stylesheet" href="http://127.0.0.1:{port}/c.css">
        <p style="background-image: url(http://localhost:{port}/d.png)">Texte</p>
        <img src="http://127.0.0.1:{port}/e.png" alt="e">
        <a rel="attachment" href="http://127.0.0.1:{port}/f.txt">f</a>
        <img src="https://127.0.0.1:{port}/g.png" alt="g">
        <img src="ftp://127.0.0.1:{port}/h.png" alt="h">
    """
    pdf = render_pdf(hostile, title="t", lang="fr", stylesheets=[f'@import "http://127.0.0.1:{port}/i.css";'])

    assert _connections(listener) == 0
    assert b"/EmbeddedFile" not in pdf
    assert "Texte" in _text(pdf)


def test_data_urls_and_the_apps_static_files_are_allowed():
    svg = (
        "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='300' height='300'>"
        "<rect width='300' height='300'/></svg>"
    )
    fetcher = StaticOnlyFetcher()

    assert fetcher.fetch(svg).read().startswith(b"<svg")
    response = fetcher.fetch("https://hlmstudy.invalid/static/css/app.css")
    assert response.content_type == "text/css" and len(response.read()) > 0
    pdf = render_pdf(f'<p>Image</p><img src="{svg}" alt="carré">', title="t", lang="fr")
    assert _dark_share(pdf) > 0.05  # the black square is drawn


def _dark_share(pdf):
    """The share of dark pixels on the first page, rendered in grey at 20 dpi."""
    pgm = subprocess.run(
        ["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1"], input=pdf, capture_output=True, check=True
    ).stdout
    header = pgm.split(b"\n", 3)
    width, height = map(int, header[1].split())
    pixels = header[3][: width * height]
    return sum(1 for value in pixels if value < 64) / len(pixels)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://hlmstudy.invalid/static/../../etc/passwd",
        "https://hlmstudy.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://hlmstudy.invalid/etc/passwd",
        "https://127.0.0.1/static/css/app.css",
        "http://hlmstudy.invalid/static/css/app.css",
        "https://hlmstudy.invalid/static/no-such-file.css",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files_and_data(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_a_refusal_is_a_value_error_weasyprint_catches():
    assert issubclass(RefusedURL, ValueError)
