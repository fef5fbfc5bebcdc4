"""Which files a `textlint check PATH...` run covers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from textlint.config import Config


def _matches(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(name, pattern) or fnmatch(relative, pattern) for pattern in patterns)


def walk(directory: Path, config: Config) -> Iterator[Path]:
    """Files under `directory` matching the config's include globs and none of its excludes.

    Globs match a file's name or its path relative to the config's folder; an excluded
    folder is not entered.
    """
    for folder, subfolders, files in os.walk(directory):
        here = Path(folder)
        subfolders[:] = sorted(
            name for name in subfolders if not _matches(_relative(here / name, config), name, config.exclude)
        )
        for name in sorted(files):
            path = here / name
            relative = _relative(path, config)
            if _matches(relative, name, config.include) and not _matches(relative, name, config.exclude):
                yield path


def _relative(path: Path, config: Config) -> str:
    try:
        return path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()
