"""Uploaded transcript files → canonical text and speaker turns (pure: no models, no storage).

The real type is sniffed from the bytes and must agree with the extension. Hostile files are refused
before any parser sees them: size, zip limits (archives.py), and DOCTYPE/ENTITY declarations in any
member of a .docx/.odt (python-docx would silently drop entities; odfpy runs a SAX parser).
"""

import re
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

import docx
from defusedxml import ElementTree as SafeElementTree
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from docx.text.paragraph import Paragraph
from odf import opendocument
from odf.namespaces import TEXTNS
from pypdf import PdfReader

from interviews import captions
from interviews.archives import ImportRefused, is_zip, read_zip
from interviews.speakers import Turn, detect_turns

__all__ = ["SUPPORTED_EXTENSIONS", "ImportRefused", "ImportedText", "Turn", "canonical_text", "read_transcript"]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".docx", ".odt", ".pdf", ".vtt", ".srt")
FORMAT_OF_EXTENSION = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".odt": "odt", ".pdf": "pdf"}
FORMAT_OF_EXTENSION |= {".vtt": "vtt", ".srt": "srt"}
TEXT_FORMATS = frozenset({"txt", "md", "vtt", "srt"})
# An office document is read whole into memory: tighter limits than a batch zip.
DOCUMENT_LIMITS = {"max_members": 1000, "max_total_bytes": 100 * 1024 * 1024, "max_ratio": 100}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_FORBIDDEN_XML = tuple(
    marker.encode(encoding) for marker in ("<!doctype", "<!entity") for encoding in ("ascii", "utf-16-le", "utf-16-be")
)

# Runs of a paragraph, including tracked insertions, hyperlinks and content controls; not deleted runs
# nor the paragraphs of text boxes anchored in a run (those would be pasted mid-sentence).
_DOCX_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:r)]"
_ODT_PARAGRAPHS = frozenset({(TEXTNS, "p"), (TEXTNS, "h")})
# Footnotes, comments, tracked deletions and frames are not the spoken text.
_ODT_SKIPPED = frozenset(
    {(TEXTNS, "note"), (TEXTNS, "tracked-changes"), (TEXTNS, "soft-page-break")}
    | {("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation")}
    | {("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "frame")}
)
_ODF_WHITESPACE = re.compile("[ \t\r\n]+")

# Line separators of every kind become "\n"; other control characters, the BOM and lone surrogates go.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ud800-\udfff]")
_BLANK_RUNS = re.compile("\n{3,}")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ImportedText:
    text: str
    turns: tuple[Turn, ...]
    format: str


def canonical_text(raw: str) -> str:
    """NFC, "\\n" line ends, no trailing whitespace, at most one blank line in a row, no control characters."""
    text = _DROPPED.sub("", _LINE_BREAKS.sub("\n", raw))
    # NFC after the removals: dropping a character between a letter and its accent must still compose them.
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def read_transcript(name: str, data: bytes, *, max_bytes: int | None = None) -> ImportedText:
    """Canonical text and speaker turns of one uploaded file; raises ImportRefused with the reason."""
    limit = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise ImportRefused(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
        )
    extension = PurePath(name).suffix.lower()
    claimed = FORMAT_OF_EXTENSION.get(extension)
    if not extension:
        raise ImportRefused(
            _("This file has no extension. Supported: %(supported)s.") % {"supported": ", ".join(SUPPORTED_EXTENSIONS)}
        )
    if claimed is None:
        raise ImportRefused(
            _("Files ending in “%(extension)s” cannot be imported. Supported: %(supported)s.")
            % {"extension": extension, "supported": ", ".join(SUPPORTED_EXTENSIONS)}
        )
    members = read_zip(data, **DOCUMENT_LIMITS) if is_zip(data) else None
    actual = _sniff(data, members)
    if actual != claimed and not (actual == "text" and claimed in TEXT_FORMATS):
        raise ImportRefused(
            _("This file is named %(extension)s but it is %(actual)s.")
            % {"extension": extension, "actual": _describe(actual)}
        )
    if claimed in ("docx", "odt"):
        _refuse_xml_declarations(members)
        paragraphs = _docx_paragraphs(data) if claimed == "docx" else _odt_paragraphs(data, members)
        return _from_text("\n".join(paragraphs), claimed)
    if claimed == "pdf":
        return _from_text(_pdf_text(data), claimed)
    decoded = _decode(data)
    if claimed in ("vtt", "srt"):
        lines = captions.parse_vtt(decoded) if claimed == "vtt" else captions.parse_srt(decoded)
        return _from_caption_lines(lines, claimed)
    return _from_text(decoded, claimed)


def _from_text(raw: str, format_: str) -> ImportedText:
    text = canonical_text(raw)
    if not text.strip():
        if format_ == "pdf":
            raise ImportRefused(
                _(
                    "This PDF has no text layer (it is probably a scanned document). "
                    "Run it through OCR (text recognition) first, then import the result."
                )
            )
        raise ImportRefused(_("This file contains no text."))
    return ImportedText(text=text, turns=tuple(detect_turns(text)), format=format_)


def _from_caption_lines(lines: list[captions.CaptionTurn], format_: str) -> ImportedText:
    """One line per merged cue run, "Label : speech"; turns come from the cues, not from detect_turns."""
    parts, turns, position = [], [], 0
    for line in lines:
        label = canonical_text(" ".join(line.label.split()))
        speech = canonical_text(" ".join(line.speech.split()))
        if not speech:
            continue
        prefix = f"{label} : " if label else ""
        if parts:
            position += 1  # the "\n" before this line
        turns.append(
            Turn(
                start=position,
                end=position + len(prefix) + len(speech),
                body_start=position + len(prefix),
                label=label,
                started_at=line.started_at,
                ended_at=line.ended_at,
            )
        )
        parts.append(prefix + speech)
        position += len(prefix) + len(speech)
    text = "\n".join(parts)
    if not text:
        raise ImportRefused(_("This file contains no text."))
    return ImportedText(text=text, turns=tuple(turns), format=format_)


def _sniff(data: bytes, members: dict[str, bytes] | None) -> str:
    if data.lstrip(b"\t\n\r\x0c ").startswith(b"%PDF-"):
        return "pdf"
    if members is not None:
        if members.get("mimetype", b"").strip() == ODT_MIMETYPE:
            return "odt"
        if b"wordprocessingml" in members.get("[Content_Types].xml", b""):
            return "docx"
        return "zip"
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or b"\x00" not in data[:8192]:
        return "text"
    return "binary"


def _describe(kind: str) -> str:
    return {
        "pdf": _("a PDF document"),
        "docx": _("a Word document (.docx)"),
        "odt": _("an OpenDocument text (.odt)"),
        "zip": _("a zip archive or another kind of office document"),
        "text": _("a plain text file"),
        "binary": _("binary data, not text"),
    }[kind]


def _refuse_xml_declarations(members: dict[str, bytes]) -> None:
    # Checked on the raw bytes of every member (in UTF-8 and UTF-16 spellings) before any XML parser runs.
    for name, content in members.items():
        lowered = content.lower()
        if any(marker in lowered for marker in _FORBIDDEN_XML):
            raise ImportRefused(
                _("This document contains XML declarations (DOCTYPE or ENTITY) that are not allowed (%(name)s).")
                % {"name": name[:80]}
            )


def _decode(data: bytes) -> str:
    """Text by BOM, else strict UTF-8, else Windows-1252; refuses what decodes to control-character soup."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding))
    if b"\x00" in data:
        raise _unreadable()
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _checked(_strict(data, "cp1252"))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _unreadable()


def _checked(text: str) -> str:
    # Binary junk decodes as cp1252 too; real text has almost no control characters.
    if len(_CONTROLS.findall(text)) > max(8, len(text) // 100):
        raise _unreadable()
    return text


def _unreadable() -> ImportRefused:
    return ImportRefused(_("This file is not readable text (unknown encoding or binary data)."))


def _damaged(kind: str) -> ImportRefused:
    return ImportRefused(_("This %(kind)s file is damaged and cannot be read.") % {"kind": kind})


def _docx_paragraphs(data: bytes) -> list[str]:
    """Body paragraphs and table cells, in document order; headers and footers are not the transcript."""
    try:
        document = docx.Document(BytesIO(data))
        return list(_docx_blocks(document))
    except Exception:  # any parser failure on an uploaded file is a refusal, never a server error
        raise _damaged("Word")


def _docx_blocks(container):
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield "".join(run.text for run in block._p.xpath(_DOCX_RUNS))
            continue
        seen = set()
        for row in block.rows:
            for cell in row.cells:
                if cell._tc not in seen:  # a merged cell is listed once per grid column it spans
                    seen.add(cell._tc)
                    yield from _docx_blocks(cell)


def _odt_paragraphs(data: bytes, members: dict[str, bytes]) -> list[str]:
    """text:p and text:h in order, with text:s, text:tab and text:line-break spelled out."""
    # odfpy prints a part it fails to parse to stdout: make sure every part parses (safely) first.
    for name, content in members.items():
        if name.endswith(".xml"):
            try:
                SafeElementTree.fromstring(content, forbid_dtd=True)
            except Exception:
                raise _damaged("OpenDocument")
    if "content.xml" not in members or "META-INF/manifest.xml" not in members:
        raise _damaged("OpenDocument")
    try:
        document = opendocument.load(BytesIO(data))
        paragraphs = []
        _odt_blocks(document.text, paragraphs)
        return paragraphs
    except Exception:  # a parser failure (or absurd nesting) is a refusal, never a server error
        raise _damaged("OpenDocument")


def _odt_blocks(node, paragraphs: list[str]) -> None:
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname in _ODT_SKIPPED:
            continue
        if child.qname in _ODT_PARAGRAPHS:
            paragraphs.append("".join(_odt_inline(child)))
        else:
            _odt_blocks(child, paragraphs)


def _odt_inline(node):
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            yield _ODF_WHITESPACE.sub(" ", child.data)
        elif child.qname in _ODT_SKIPPED:
            continue
        elif child.qname == (TEXTNS, "s"):
            yield " " * min(int(child.attributes.get((TEXTNS, "c"), 1)), 1000)
        elif child.qname == (TEXTNS, "tab"):
            yield "\t"
        elif child.qname == (TEXTNS, "line-break"):
            yield "\n"
        else:
            yield from _odt_inline(child)


def _pdf_text(data: bytes) -> str:
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportRefused(_("This PDF is protected by a password; remove the protection and import it again."))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ImportRefused:
        raise
    except Exception:  # pypdf raises many kinds of errors on broken files
        raise _damaged("PDF")
