"""Hostile or broken uploads are refused before any parser sees them, with a message the user can act on."""

import zipfile
from io import BytesIO

import pytest
from django.test import override_settings
from django.utils import translation

from interviews.importing import ImportRefused, read_transcript
from tests.interviews.files import make_docx, make_odt, make_pdf, make_symlink_zip, make_zip, rewrite_zip


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refusal(name, data, **options):
    with pytest.raises(ImportRefused) as caught:
        read_transcript(name, data, **options)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def test_a_file_over_the_size_limit_is_refused():
    assert refusal("long.txt", b"x" * 11, max_bytes=10) == "This file is 11\xa0bytes; the limit is 10\xa0bytes."


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_the_size_limit_defaults_to_the_upload_setting():
    assert refusal("long.txt", b"x" * 2048) == "This file is 2.0\xa0KB; the limit is 1.0\xa0KB."


def test_an_unknown_extension_is_refused_with_the_supported_list():
    assert refusal("entrevue.rtf", b"{\\rtf1 Bonjour}") == (
        "Files ending in “.rtf” cannot be imported. Supported: .txt, .md, .docx, .odt, .pdf, .vtt, .srt."
    )


def test_a_file_without_extension_is_refused_with_the_supported_list():
    assert (
        refusal("entrevue", b"Bonjour")
        == "This file has no extension. Supported: .txt, .md, .docx, .odt, .pdf, .vtt, .srt."
    )


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("entrevue.docx", lambda: make_pdf("<p>Bonjour</p>"), "This file is named .docx but it is a PDF document."),
        ("entrevue.pdf", lambda: make_docx(["Bonjour"]), "This file is named .pdf but it is a Word document (.docx)."),
        (
            "entrevue.docx",
            lambda: make_odt(["Bonjour"]),
            "This file is named .docx but it is an OpenDocument text (.odt).",
        ),
        ("entrevue.txt", lambda: make_docx(["Bonjour"]), "This file is named .txt but it is a Word document (.docx)."),
        ("entrevue.odt", lambda: b"Bonjour", "This file is named .odt but it is a plain text file."),
        (
            "entrevue.docx",
            lambda: make_zip([("xl/workbook.xml", b"<workbook/>")]),
            "This file is named .docx but it is a zip archive or another kind of office document.",
        ),
        (
            "notes.txt",
            lambda: b"Bonjour\x00\x01\x02 binaire",
            "This file is named .txt but it is binary data, not text.",
        ),
        (
            "photo.txt",
            lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "This file is named .txt but it is binary data, not text.",
        ),
    ],
)
def test_a_file_whose_content_disagrees_with_its_extension_is_refused(name, data, expected):
    assert refusal(name, data()) == expected


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _with_prolog(prolog: bytes):
    return lambda xml: prolog + xml.split(b"?>", 1)[1].replace(b"<w:t>Bonjour", b"<w:t>&lol3;Bonjour", 1)


def test_a_docx_with_an_entity_declaration_is_refused():
    data = rewrite_zip(make_docx(["Bonjour"]), {"word/document.xml": _with_prolog(BILLION_LAUGHS)})
    assert refusal("lol.docx", data) == (
        "This document contains XML declarations (DOCTYPE or ENTITY) that are not allowed (word/document.xml)."
    )


def test_a_docx_with_a_doctype_in_utf16_is_refused_too():
    def to_utf16(xml):
        text = _with_prolog(BILLION_LAUGHS)(xml).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return text.encode("utf-16")

    data = rewrite_zip(make_docx(["Bonjour"]), {"word/document.xml": to_utf16})
    assert "DOCTYPE or ENTITY" in refusal("lol16.docx", data)


def test_an_odt_with_an_external_entity_is_refused_and_never_reads_the_target(capsys):
    xxe = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def inject(xml):
        return xxe + xml.split(b"?>", 1)[1].replace(b"<text:p>", b"<text:p>&xxe;", 1)

    data = rewrite_zip(make_odt(["Bonjour"]), {"content.xml": inject})
    assert b"&xxe;" in zipfile.ZipFile(BytesIO(data)).read("content.xml")
    message = refusal("xxe.odt", data)
    assert message == (
        "This document contains XML declarations (DOCTYPE or ENTITY) that are not allowed (content.xml)."
    )
    assert "root:" not in message + capsys.readouterr().out


def test_a_docx_holding_a_zip_bomb_is_refused():
    data = rewrite_zip(make_docx(["Bonjour"]), {})
    buffer = BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.png", b"\0" * (20 * 1024 * 1024))
    assert refusal("bombe.docx", buffer.getvalue()) == (
        "This archive expands far beyond its size (a zip bomb); it was refused."
    )


def test_a_docx_with_a_zip_slip_member_is_refused():
    buffer = BytesIO(make_docx(["Bonjour"]))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("../../evil.sh", b"#!/bin/sh")
    assert refusal("slip.docx", buffer.getvalue()) == "This archive contains an unsafe file name (../../evil.sh)."


def test_an_odt_with_a_symlink_member_is_refused():
    assert refusal("lien.odt", make_symlink_zip("content.xml")) == (
        "This archive contains a symbolic link (content.xml)."
    )


def test_a_docx_with_too_many_members_is_refused():
    buffer = BytesIO(make_docx(["Bonjour"]))
    with zipfile.ZipFile(buffer, "a") as archive:
        for index in range(1000):
            archive.writestr(f"customXml/extra{index}.xml", b"<a/>")
    assert refusal("nombreux.docx", buffer.getvalue()).startswith("This archive holds 10")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("vide.txt", b""),
        ("blanc.txt", b" \r\n\t\r\n\xc2\xa0\n"),
        ("vide.docx", make_docx(["", "   ", ""])),
        ("vide.odt", make_odt([" "])),
    ],
)
def test_a_file_without_text_is_refused(name, data):
    assert refusal(name, data) == "This file contains no text."


@pytest.mark.parametrize(
    "data",
    [b"\x81\x8d\x8f invalid UTF-8 and cp1252", b"\xff\xfe\x00\xd8", bytes(range(1, 32)) * 4],
)
def test_undecodable_text_is_refused(data):
    assert refusal("illisible.txt", data) == "This file is not readable text (unknown encoding or binary data)."


def test_a_damaged_docx_is_refused():
    data = make_zip([("[Content_Types].xml", b"<Types>wordprocessingml</Types>")])
    assert refusal("abime.docx", data) == "This Word file is damaged and cannot be read."


def test_a_malformed_odt_part_is_refused_without_printing_it(capsys):
    data = rewrite_zip(make_odt(["Bonjour secret"]), {"content.xml": lambda xml: xml[:-20]})
    assert refusal("abime.odt", data) == "This OpenDocument file is damaged and cannot be read."
    assert "secret" not in capsys.readouterr().out


def test_a_damaged_pdf_is_refused():
    assert refusal("abime.pdf", b"%PDF-1.7\n garbage") == "This PDF file is damaged and cannot be read."
