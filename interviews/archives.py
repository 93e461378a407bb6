"""Safe reading of zip archives: batch uploads, and the insides of .docx/.odt files.

Nothing here trusts what an archive says about itself: names are checked for zip-slip, symlinks and
encrypted entries are refused, declared sizes and ratios are checked, and every member is decompressed
with a byte budget so a size lie is caught while reading.
"""

import stat
import zipfile
from io import BytesIO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_MEMBERS = 500
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
# Small members (an XML manifest, a short text) compress far beyond MAX_RATIO without being bombs.
RATIO_FLOOR_BYTES = 1024 * 1024
READ_CHUNK = 64 * 1024
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")


class ImportRefused(Exception):
    """A file we will not import; .message is the translated reason shown to the user.

    Defined here, the lowest of the importing modules, so that importing.py can build on archives.py;
    importing.py re-exports it.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)

    def __str__(self):
        return self.message


def is_zip(data: bytes) -> bool:
    return data[:4] in ZIP_MAGICS


def zip_members(
    data: bytes, *, max_members=MAX_MEMBERS, max_total_bytes=MAX_TOTAL_BYTES, max_ratio=MAX_RATIO
) -> list[tuple[str, bytes]]:
    """(basename, bytes) of the regular files of a zip worth importing; refuses hostile archives whole."""
    members = read_zip(data, max_members=max_members, max_total_bytes=max_total_bytes, max_ratio=max_ratio)
    kept = []
    for name, content in members.items():
        parts = _name_parts(name)
        if "__MACOSX" in parts or any(part.startswith(".") for part in parts):
            continue
        kept.append((parts[-1], content))
    return kept


def read_zip(
    data: bytes, *, max_members=MAX_MEMBERS, max_total_bytes=MAX_TOTAL_BYTES, max_ratio=MAX_RATIO
) -> dict[str, bytes]:
    """Every regular member of a zip by its full name, after all the safety checks, read with a byte budget."""
    if not is_zip(data):
        raise ImportRefused(_("This file is not a zip archive."))
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise ImportRefused(_("This zip archive is damaged and cannot be read."))
    if len(infos) > max_members:
        raise ImportRefused(
            _("This archive holds %(count)d entries; at most %(limit)d are accepted.")
            % {"count": len(infos), "limit": max_members}
        )
    files = [info for info in infos if not info.is_dir()]
    for info in infos:
        _check_entry(info)
    if len({info.filename for info in infos}) != len(infos):
        # Readers disagree on which of two same-named entries counts: what we check must be what they read.
        raise ImportRefused(_("This archive contains the same file name twice."))
    _check_declared_sizes(files, max_total_bytes=max_total_bytes, max_ratio=max_ratio)
    budget = max_total_bytes
    members = {}
    with archive:
        for info in files:
            content = _bounded_read(archive, info, budget)
            budget -= len(content)
            members[info.filename] = content
    return members


def _name_parts(name: str) -> list[str]:
    # Zips written on Windows may use backslashes as separators: treat both as separators everywhere.
    return [part for part in name.replace("\\", "/").split("/") if part]


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    unified = name.replace("\\", "/")
    parts = _name_parts(name)
    escapes = (
        unified.startswith("/")
        or (len(unified) >= 2 and unified[1] == ":" and unified[0].isalpha())
        or ".." in parts
        or not parts
        or "\x00" in name
    )
    if escapes:
        raise ImportRefused(_("This archive contains an unsafe file name (%(name)s).") % {"name": name[:80]})
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ImportRefused(_("This archive contains a symbolic link (%(name)s).") % {"name": name[:80]})
    if info.flag_bits & 0x1:
        raise ImportRefused(_("This archive contains encrypted files, which cannot be imported."))


def _check_declared_sizes(files, *, max_total_bytes, max_ratio) -> None:
    declared = sum(info.file_size for info in files)
    if declared > max_total_bytes:
        raise ImportRefused(
            _("This archive would unpack to %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(declared), "limit": filesizeformat(max_total_bytes)}
        )
    for info in files:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
            raise _bomb()


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Decompress one member, never past its declared size nor the remaining budget (zipfile checks the CRC)."""
    limit = min(info.file_size, budget)
    chunks, total = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(READ_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise _bomb()
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
        raise ImportRefused(
            _("This archive is damaged or misstates its sizes (%(name)s).") % {"name": info.filename[:80]}
        )
    if total != info.file_size:
        raise ImportRefused(
            _("This archive is damaged or misstates its sizes (%(name)s).") % {"name": info.filename[:80]}
        )
    return b"".join(chunks)


def _bomb() -> ImportRefused:
    return ImportRefused(_("This archive expands far beyond its size (a zip bomb); it was refused."))
