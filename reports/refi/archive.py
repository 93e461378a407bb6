"""The .qdpx zip: which member is the project file, and the plain texts its sources name (pure).

Tolerant of how producers pack it (the project file under another name or inside a folder, `Sources/` or
`sources/`, a byte-order mark); never follows a path out of the archive.
"""

import re
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from interviews.archives import ImportRefused

# A whole study: hundreds of sources and a project file of tens of megabytes are normal.
LIMITS = {"max_members": 20000, "max_total_bytes": 1024 * 1024 * 1024, "max_ratio": 100}
INTERNAL = "internal://"
_DRIVE = re.compile(r"^[A-Za-z]:")


def open_archive(members, warnings):
    """(project file bytes, SourceFiles) of an archive's members; a single .qde file is the project."""
    kept = {path: content for path, content in members.items() if not _hidden(path)}
    projects = sorted(path for path in kept if path.lower().endswith(".qde"))
    if not projects:
        raise ImportRefused(_("This archive holds no project file (project.qde)."))
    standard = [path for path in projects if path.lower() == "project.qde"]
    if not standard and len(projects) > 1:
        raise ImportRefused(_("This archive holds several project files; a .qdpx holds one."))
    chosen = (standard or projects)[0]
    if chosen != "project.qde":
        warnings.append(
            _("The project file is “%(name)s” instead of project.qde; it was read.") % {"name": chosen[:100]}
        )
    parent = str(PurePosixPath(chosen.replace("\\", "/")).parent)
    folder = "" if parent == "." else parent
    return kept[chosen], SourceFiles(kept, folder)


def _hidden(path):
    parts = [part for part in path.replace("\\", "/").split("/") if part]
    return "__MACOSX" in parts or any(part.startswith(".") for part in parts)


class SourceFiles:
    """The files of the archive a project refers to, found by name in its sources folder (any case) or beside it."""

    def __init__(self, members, folder):
        self._by_name = {}
        prefix = f"{folder}/" if folder else ""
        for path, content in members.items():
            unified = path.replace("\\", "/")
            if not unified.startswith(prefix):
                continue
            parts = unified[len(prefix) :].split("/")
            if len(parts) == 1 or (len(parts) == 2 and parts[0].lower() == "sources"):
                self._by_name.setdefault(parts[-1].lower(), content)

    def text(self, path):
        """(text, problem): the decoded text of an internal path, or None and why it was not read."""
        name = _internal_name(path)
        if name is None:
            return None, _("its text is outside the file (%(path)s), which is never read") % {"path": path[:120]}
        content = self._by_name.get(name.lower())
        if content is None:
            return None, _("its text file %(name)s is missing from the archive") % {"name": name[:120]}
        return _decode(content)


def _internal_name(path):
    """The file name an internal (or plainly relative) path names, or None for anything that leaves the archive."""
    path = path.strip()
    if path.lower().startswith(INTERNAL):
        path = path[len(INTERNAL) :]
    elif "://" in path or path.startswith(("/", "\\")) or _DRIVE.match(path):
        return None
    parts = [part for part in path.replace("\\", "/").split("/") if part]
    if not parts or any(part in (".", "..") for part in parts):
        return None
    if len(parts) == 2 and parts[0].lower() == "sources":
        parts = parts[1:]
    return parts[0] if len(parts) == 1 else None


def _decode(content):
    """(text, problem) of a plain-text source: UTF-8 by the standard; a BOM (UTF-8 or UTF-16) is honoured."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if content.startswith(bom):
            try:
                return content[len(bom) :].decode(encoding), ""
            except UnicodeDecodeError:
                return None, _("its text file cannot be decoded as %(encoding)s") % {"encoding": encoding}
    try:
        return content.decode("utf-8"), ""
    except UnicodeDecodeError:
        return None, _("its text file is not UTF-8, as the standard requires")
