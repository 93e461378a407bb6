"""File storage that never shows a half-written file under a real name.

Django's FileSystemStorage writes straight into the final path, so a worker killed mid-write (or a disk
filling up) leaves a truncated file that a later reader takes for the real one. This storage writes into
a hidden temporary file in the same folder, syncs it, then renames it into place (atomic on one file
system); a crash leaves at most a `.partial-*` file that no record points to.
"""

import os
import tempfile
from contextlib import suppress

from django.core.files import File
from django.core.files.storage import FileSystemStorage

PARTIAL_PREFIX = ".partial-"


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=PARTIAL_PREFIX)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk.encode() if isinstance(chunk, str) else chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o644)  # mkstemp makes 0600; FILE_UPLOAD_PERMISSIONS, if set, applies after
            # FileSystemStorage moves a file that has a temporary path with a rename: its name rules
            # (a taken name gets a new one unless overwriting is allowed) and permissions still apply.
            return super()._save(name, _WrittenFile(temporary))
        finally:
            with suppress(FileNotFoundError):
                os.unlink(temporary)


class _WrittenFile(File):
    """A complete file on disk that FileSystemStorage can move into place instead of copying."""

    def __init__(self, path):
        super().__init__(None, name=path)
        self._path = path

    def temporary_file_path(self):
        return self._path
