"""Where textlint's cache folder is: `$TEXTLINT_CACHE_DIR`, else the platform's user cache.

On its own, with nothing heavier than `os` to import: the resident process's client asks it
before anything else (`resident/protocol.py`), and so does every cache (`cachestore`).
"""

from __future__ import annotations

import os
import sys

CACHE_ENV = "TEXTLINT_CACHE_DIR"


def cache_folder() -> str:
    """textlint's cache folder, as a path string."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return override
    if sys.platform == "linux":
        # The XDG rule platformdirs follows on Linux, without importing it (a few
        # milliseconds, a tenth of answering an unchanged file from the result cache).
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return os.path.join(base, "textlint")
    import platformdirs

    return str(platformdirs.user_cache_dir("textlint"))
