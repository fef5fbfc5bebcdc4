"""Writing files safely: a temporary file beside the target, then a rename.

A file being fixed is read and replaced under an exclusive lock, so two textlint runs fixing
the same file take turns (the second one reads what the first one wrote), and it is replaced
only if nothing else changed it since it was read: no write is ever torn or lost.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from textlint.document import open_regular
from textlint.errors import FileError

if sys.platform != "win32":
    import fcntl

NEW_FILE_MODE = 0o666  # before the umask, as open() would create it
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


@dataclass(frozen=True)
class Snapshot:
    """A file's content as read for fixing, and what identifies that version of it."""

    data: bytes
    inode: int
    device: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, data: bytes, status: os.stat_result) -> Snapshot:
        return cls(data, status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns)

    def same_file(self, status: os.stat_result) -> bool:
        return (status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns) == (
            self.inode,
            self.device,
            self.size,
            self.mtime_ns,
        )


@contextlib.contextmanager
def editing(path: Path) -> Iterator[Snapshot]:
    """The content of `path`, read and held under an exclusive lock until the block ends.

    `replace_file` inside the block writes the new version. A run that waited for the lock
    while another replaced the file locks and reads the new file instead.
    """
    while True:
        descriptor = open_regular(str(path))
        try:
            if sys.platform != "win32":  # Windows has no flock: runs there are not serialised
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            status = os.fstat(descriptor)
            if _current(path, status):
                yield Snapshot.of(_read_all(descriptor, path), status)
                return
        finally:
            os.close(descriptor)  # releases the lock


def _current(path: Path, status: os.stat_result) -> bool:
    """Whether the locked file is still the one at `path` (not replaced while we waited)."""
    try:
        now = path.stat()
    except OSError:
        return False
    return (now.st_ino, now.st_dev) == (status.st_ino, status.st_dev)


def _read_all(descriptor: int, path: Path) -> bytes:
    try:
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    except OSError as error:
        raise FileError(str(path), f"cannot read ({error.strerror})") from None


def replace_file(path: Path, data: bytes, snapshot: Snapshot) -> None:
    """Replace `path`, read as `snapshot` under `editing`, with `data`.

    A read-only file is not written (as an editor would refuse to), and a file changed since
    it was read (by a program that does not take the lock) is left as it now is.
    """
    try:
        status = path.stat()
    except OSError as error:
        raise FileError(str(path), f"cannot write the fixed file ({error.strerror})") from None
    if not snapshot.same_file(status):
        raise FileError(str(path), "changed while textlint was fixing it; run textlint again")
    # On a read-only file system, the write itself fails and says so.
    if not status.st_mode & WRITE_BITS or not (os.access(path, os.W_OK) or _on_read_only_file_system(path)):
        raise FileError(str(path), f"read-only file; make it writable to fix it (chmod u+w {path})")
    write_atomically(path, data)


def _on_read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def write_atomically(path: Path, data: bytes, what: str = "the fixed file") -> None:
    """Replace (or create) `path` with `data`, keeping its permissions; on error it is untouched."""
    try:
        mode = _mode_for(path)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileError(str(path), f"cannot write {what} ({error.strerror})") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        # Whatever stopped the write (a full disk, Ctrl-C), no temporary file is left behind.
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise FileError(str(path), f"cannot write {what} ({error.strerror})") from None
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: a crash right after it keeps the new file, not the old."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask
