"""Files textlint keeps only to go faster: the compiled rules, the results of unchanged documents.

Everything lives under one cache folder (`$TEXTLINT_CACHE_DIR`, else the platform's user
cache), so that `rm -rf` of it is a complete reset. A cache is an optimisation, never a
source of truth, and it is handled so that it can only cost time:

- each entry is one file named by the hash of everything its content depends on, so a
  change anywhere is a new key, never a stale answer;
- a file is written to a temporary name and renamed, so a reader sees a whole entry or
  none, and two processes writing the same entry at once both write the same bytes;
- each entry carries a digest of its content: a damaged or truncated file (a full disk, a
  crash mid-write) is deleted and rebuilt, not trusted;
- a folder that cannot be written (read-only, full, locked by another user) is skipped with
  one warning per run, and the work is done without it.

Entries are pickles: the folder belongs to the user running textlint, like their own
configuration, and is trusted as such.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import site
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from textlint import cachedir
from textlint.version import __version__

CACHE_ENV = cachedir.CACHE_ENV  # where every cache lives (tests and CI point it elsewhere)
_DIGEST_SIZE = 32  # sha256, written before the pickle it vouches for
_warned: set[str] = set()  # folders already reported unusable in this process


def cache_root() -> Path:
    """textlint's cache folder: `$TEXTLINT_CACHE_DIR`, else the platform's user cache."""
    return Path(cachedir.cache_folder())


def digest(*parts: bytes | str) -> str:
    """A key for an entry: the hash of everything its content depends on."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))  # so ("ab", "c") differs from ("a", "bc")
        hasher.update(data)
    return hasher.hexdigest()


class PickleStore:
    """Entries of one kind (`rules`, `results`) in a folder of the cache, by key."""

    def __init__(
        self, name: str, root: Path | None = None, dumps: Callable[[object], bytes] | None = None
    ) -> None:
        """`dumps`: how entries are pickled, when not by `pickle.dumps` (any pickle reads back)."""
        self.folder = (root or cache_root()) / name
        self._dumps = dumps or _dumps

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> object | None:
        """The entry under `key`, or None when there is none or it was damaged (then deleted)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        body = memoryview(data)[_DIGEST_SIZE:]  # not a copy: an entry may be megabytes
        if len(data) > _DIGEST_SIZE and hashlib.sha256(body).digest() == data[:_DIGEST_SIZE]:
            try:
                value: object = pickle.loads(body)
                return value
            except Exception:  # written by another version of a class: rebuild it
                pass
        print(f"textlint: warning: cache entry {path} was damaged; building it again", file=sys.stderr)
        with contextlib.suppress(OSError):
            path.unlink()
        return None

    def save(self, key: str, value: object) -> None:
        """Store `value` under `key`; a folder that cannot be written is skipped (warned once)."""
        import tempfile  # writing only: a run answered from the caches writes nothing

        path = self._path(key)
        body = self._dumps(value)
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(hashlib.sha256(body).digest())
                stream.write(body)
            os.replace(temporary, path)
        except OSError as error:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            self._warn(error)

    def _warn(self, error: OSError) -> None:
        if str(self.folder) in _warned:
            return
        _warned.add(str(self.folder))
        reason = error.strerror or str(error)
        print(f"textlint: warning: cache {self.folder} not written in this run ({reason})", file=sys.stderr)


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@lru_cache(maxsize=1)
def code_identity() -> str:
    """Which textlint code and which installed libraries an entry was made with.

    The version alone would not do: a source checkout changes its code without changing its
    version. Each module's size and modification time, and the modification time of the
    folder the libraries are installed in (installing or upgrading one adds a folder there),
    cost a millisecond to read and change whenever the code that made an entry does.
    """
    package = Path(__file__).resolve().parent
    modules = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                modules.append(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}")
    parts = [__version__, sys.version, *sorted(modules)]
    for folder in (*site.getsitepackages(), site.getusersitepackages()):
        with contextlib.suppress(OSError):
            parts.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
    return digest(*parts)
