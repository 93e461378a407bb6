"""Real upload files built in the tests: docx (python-docx), odt (odfpy), pdf (WeasyPrint), zip.

Shared by the importer tests and the interview view tests.
"""

import stat
import zipfile
from io import BytesIO


def make_docx(paragraphs, *, table=None, header=None) -> bytes:
    """A .docx whose body holds `paragraphs`, then an optional table (rows of cell texts) and page header."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_odt(paragraphs, *, heading=None) -> bytes:
    """An .odt with an optional text:h heading, then one text:p per paragraph (odfpy's addText keeps spaces)."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        element = P()
        _add_odf_text(element, paragraph)
        document.text.addElement(element)
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _add_odf_text(element, text):
    # odfpy's teletype spells out runs of spaces (text:s), tabs (text:tab) and "\n" (text:line-break).
    from odf import teletype

    teletype.addTextToElement(element, text)


def make_pdf(html: str) -> bytes:
    """A PDF rendered by WeasyPrint from `html` (fonts only; no network)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def make_image_pdf() -> bytes:
    """A PDF page that shows only a drawing: no text layer, like a scan."""
    svg = (
        "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
        "<rect x='10' y='10' width='180' height='80' fill='%23336'/></svg>"
    )
    return make_pdf(f'<img src="data:image/svg+xml;utf8,{svg}" style="width:8cm">')


def make_zip(members, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of (name, bytes) pairs (or a dict); names are written exactly as given, unsafe ones included."""
    items = members.items() if isinstance(members, dict) else members
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in items:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return buffer.getvalue()


def make_symlink_zip(name="link.txt", target="/etc/passwd") -> bytes:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, target)
    return buffer.getvalue()


def rewrite_zip(data: bytes, replace) -> bytes:
    """The same zip with some members' bytes replaced (e.g. a hostile word/document.xml); order is kept."""
    source = zipfile.ZipFile(BytesIO(data))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in replace:
                content = (
                    replace[info.filename](content) if callable(replace[info.filename]) else replace[info.filename]
                )
            archive.writestr(info, content)
    return buffer.getvalue()
