"""Where rule files are: the shipped rule sets, and the YAML files under a folder.

Kept apart from the loader so that finding and hashing the rule files (`compiled`) does not
import the YAML parser and every rule kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textlint.errors import RuleError

RULE_FILE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """The shipped rule sets: inside the installed package, or `rules/` in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in RULE_FILE_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise RuleError(f"{path}: no such rule file or folder")
    return found
