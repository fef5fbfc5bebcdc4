"""Which files a `textlint check PATH...` run covers.

Like ruff, a folder is walked with the configuration's include and exclude globs and, unless
`respect-gitignore` is false, without what git ignores: every `.gitignore` from the
repository's root down to each folder applies to the files below it (pathspec reads them
with git's own rules).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from textlint.config import Config

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@dataclass(frozen=True)
class _Ignore:
    """The patterns of one `.gitignore`, relative to its folder."""

    base: Path
    spec: GitIgnoreSpec

    def ignores(self, path: Path, folder: bool) -> bool:
        try:
            relative = Path(os.path.abspath(path)).relative_to(self.base).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(relative + "/" if folder else relative)


def _matches(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(name, pattern) or fnmatch(relative, pattern) for pattern in patterns)


def walk(directory: Path, config: Config) -> Iterator[Path]:
    """Files under `directory` matching the config's include globs and none of its excludes.

    Globs match a file's name or its path relative to the config's folder; an excluded
    folder is not entered.
    """
    inherited = _ancestor_ignores(Path(os.path.abspath(directory))) if config.respect_gitignore else []
    ignores: dict[Path, list[_Ignore]] = {directory: inherited}
    for folder, subfolders, files in os.walk(directory):
        here = Path(folder)
        active = ignores.pop(here, [])
        if config.respect_gitignore:
            active = active + _read_ignore(here)
        kept = []
        for name in sorted(subfolders):
            path = here / name
            if _matches(_relative(path, config), name, config.exclude) or _ignored(active, path, True):
                continue
            kept.append(name)
            ignores[path] = active
        subfolders[:] = kept
        for name in sorted(files):
            path = here / name
            relative = _relative(path, config)
            if not _matches(relative, name, config.include) or _matches(relative, name, config.exclude):
                continue
            if not _ignored(active, path, False):
                yield path


def _ignored(ignores: list[_Ignore], path: Path, folder: bool) -> bool:
    return any(ignore.ignores(path, folder) for ignore in ignores)


def _read_ignore(folder: Path) -> list[_Ignore]:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    from pathspec import GitIgnoreSpec  # only for folders holding an ignore file

    return [_Ignore(Path(os.path.abspath(folder)), GitIgnoreSpec.from_lines(lines))]


def _ancestor_ignores(folder: Path) -> list[_Ignore]:
    """The `.gitignore` files above `folder`, up to its repository's root (none outside one)."""
    found: list[_Ignore] = []
    for parent in folder.parents:
        found = _read_ignore(parent) + found
        if (parent / ".git").exists():
            return found
    return []


def _relative(path: Path, config: Config) -> str:
    # realpath, not Path.resolve: a symbolic link loop is a file that will fail to read with
    # a clear message, not a crash of the walk.
    try:
        return Path(os.path.realpath(path)).relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()
