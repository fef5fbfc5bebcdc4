"""The Python API: lint or fix a string or a file with the same engine as the command line."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textlint.config import Config, find_config, with_environment
from textlint.document import Document, read_document
from textlint.issues import Issue, Safety
from textlint.linter import Linter


def _config(config: Config | None, language: str | None, languagetool: bool | None) -> Config:
    config = with_environment(config or Config())
    if language:
        config = replace(config, language=language)
    if languagetool is not None:
        config = replace(config, languagetool=replace(config.languagetool, enabled=languagetool))
    return config


def _warned(linter: Linter, issues: Iterable[Issue]) -> list[Issue]:
    """Issues as a list; grammar checks that were skipped become a Python warning, never silence."""
    result = list(issues)
    for message in linter.warnings:
        warnings.warn(f"textlint: {message}", RuntimeWarning, stacklevel=3)
    return result


def lint_text(
    text: str,
    *,
    config: Config | None = None,
    language: str | None = None,
    languagetool: bool | None = None,
    path: str = "<string>",
) -> list[Issue]:
    """Issues in `text`, sorted by offset (code points into `text`).

    `languagetool=False` skips grammar checks; None follows the configuration (on by default).
    """
    linter = Linter(_config(config, language, languagetool))
    return _warned(linter, linter.issues(Document(text, path=path)))


def lint_file(path: str | Path, *, languagetool: bool | None = None) -> list[Issue]:
    """Issues in a UTF-8 file, with the configuration found upward from it."""
    file = Path(path)
    doc = read_document(str(file))
    linter = Linter(_config(find_config(file.resolve().parent), None, languagetool))
    return _warned(linter, linter.issues(doc))


def fix_text(
    text: str,
    *,
    unsafe: bool = False,
    config: Config | None = None,
    language: str | None = None,
    languagetool: bool | None = None,
    path: str = "<string>",
) -> str:
    """`text` with its safe fixes applied (and unsafe ones with `unsafe=True`).

    `path` names the text: a `.md` or `.html` extension fixes it as Markdown or HTML.
    """
    linter = Linter(_config(config, language, languagetool))
    level = Safety.UNSAFE if unsafe else Safety.SAFE
    return linter.fix(Document(text, path=path), level).text
