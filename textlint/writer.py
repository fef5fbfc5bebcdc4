"""Writing fixed files atomically: a temporary file beside the original, then a rename."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from textlint.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, keeping its permissions; on any error the file is untouched."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"{path}: cannot write the fixed file ({error.strerror})") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write the fixed file ({error.strerror})") from None
