"""Where the LanguageTool backend keeps its files: jars, server state, log, result cache.

Everything lives under one cache folder so that `rm -rf` of it is a complete reset, and so
that tests and CI can point the whole backend elsewhere with `TEXTLINT_CACHE_DIR`.
"""

from __future__ import annotations

from pathlib import Path

from textlint import cachestore
from textlint.cachestore import cache_root

LT_VERSION = "6.8"
CACHE_ENV = cachestore.CACHE_ENV  # where tests and CI point the whole backend


def lt_root() -> Path:
    return cache_root() / "languagetool"


def version_dir(version: str = LT_VERSION) -> Path:
    return lt_root() / version


def libs_dir(version: str = LT_VERSION) -> Path:
    return version_dir(version) / "libs"


def install_marker(version: str = LT_VERSION) -> Path:
    # Written last by the installer: a folder without it is a half download.
    return version_dir(version) / "installed.json"


def state_file() -> Path:
    return lt_root() / "server.json"


def lock_file() -> Path:
    return lt_root() / "server.lock"


def log_file() -> Path:
    return lt_root() / "server.log"


def properties_file() -> Path:
    return lt_root() / "server.properties"


def results_db() -> Path:
    return lt_root() / "results.sqlite3"
