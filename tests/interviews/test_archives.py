import os
import struct
import zipfile
from io import BytesIO

import pytest
from django.utils import translation

from interviews.archives import ImportRefused, zip_members
from tests.interviews.files import make_symlink_zip, make_zip


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refusal(data, **limits):
    with pytest.raises(ImportRefused) as caught:
        zip_members(data, **limits)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def test_regular_files_come_back_by_basename_without_folders_mac_junk_or_dotfiles():
    data = make_zip(
        [
            ("lot/", b""),
            ("lot/entrevue-1.docx", b"docx bytes"),
            ("lot/sous-dossier/notes.txt", "Été 🙂".encode()),
            ("__MACOSX/lot/._entrevue-1.docx", b"resource fork"),
            ("lot/.DS_Store", b"finder"),
            ("windows\\entrevue-2.txt", b"deux"),
        ]
    )
    assert zip_members(data) == [
        ("entrevue-1.docx", b"docx bytes"),
        ("notes.txt", "Été 🙂".encode()),
        ("entrevue-2.txt", b"deux"),
    ]


def test_a_file_that_is_not_a_zip_is_refused():
    assert refusal(b"%PDF-1.7 not a zip") == "This file is not a zip archive."
    assert refusal(b"PK\x03\x04 truncated") == "This zip archive is damaged and cannot be read."


def test_too_many_entries_are_refused():
    data = make_zip([(f"f{index}.txt", b"x") for index in range(501)])
    assert refusal(data) == "This archive holds 501 entries; at most 500 are accepted."
    assert refusal(make_zip([("a.txt", b"a"), ("b.txt", b"b")]), max_members=1).startswith("This archive holds 2")


def test_a_highly_compressible_member_is_refused_as_a_zip_bomb():
    data = make_zip([("bombe.txt", b"\0" * (20 * 1024 * 1024))])
    assert len(data) < 100 * 1024
    assert refusal(data) == "This archive expands far beyond its size (a zip bomb); it was refused."


def test_a_member_over_the_total_size_limit_is_refused_before_reading():
    data = make_zip([("gros.bin", os.urandom(2 * 1024 * 1024))])
    assert (
        refusal(data, max_total_bytes=1024 * 1024)
        == "This archive would unpack to 2.0\u00a0MB; the limit is 1.0\u00a0MB."
    )


def _declare_size(data: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size of the only member, in its local header and the central directory."""
    patched = bytearray(data)
    local = patched.index(b"PK\x03\x04")
    central = patched.index(b"PK\x01\x02")
    struct.pack_into("<I", patched, local + 22, size)
    struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


def test_a_member_that_lies_about_its_size_is_caught_while_reading():
    honest = make_zip([("mensonge.txt", b"\0" * (3 * 1024 * 1024))])
    assert zipfile.ZipFile(BytesIO(_declare_size(honest, 1000))).infolist()[0].file_size == 1000
    expected = "This archive is damaged or misstates its sizes (mensonge.txt)."
    assert refusal(_declare_size(honest, 1000)) == expected
    assert refusal(_declare_size(make_zip([("mensonge.txt", b"court")]), 4)) == expected
    assert refusal(_declare_size(make_zip([("mensonge.txt", b"court")]), 9)) == expected


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/x", "C:\\x", "C:/x", "lot/../../evil.txt", "..\\evil.txt", "\\x"]
)
def test_zip_slip_names_are_refused(name):
    data = make_zip([("ok.txt", b"ok"), (name, b"evil")])
    assert refusal(data) == f"This archive contains an unsafe file name ({name})."


def test_a_symbolic_link_entry_is_refused():
    assert refusal(make_symlink_zip("lien.txt")) == "This archive contains a symbolic link (lien.txt)."


def test_an_encrypted_entry_is_refused():
    # zipfile cannot write encrypted entries: set the "encrypted" flag bit in both headers.
    patched = bytearray(make_zip([("secret.txt", b"pretend ciphertext")]))
    patched[patched.index(b"PK\x03\x04") + 6] |= 0x1
    patched[patched.index(b"PK\x01\x02") + 8] |= 0x1
    assert refusal(bytes(patched)) == "This archive contains encrypted files, which cannot be imported."


def test_an_archive_with_the_same_name_twice_is_refused():
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = make_zip([("entrevue.txt", b"un"), ("entrevue.txt", b"deux")])
    assert refusal(data) == "This archive contains the same file name twice."
