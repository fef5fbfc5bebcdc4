"""The Python API: lint or fix a string or a file with the same engine as the command line.

`lint_text` and `lint_file` return the issues; a grammar check that could not run is a
`RuntimeWarning` (or a `CheckUnavailableError` when the configuration requires LanguageTool),
never silence. `check_text` returns the whole `FileResult`, with what could not be checked.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from textlint.config import Config, LintOptions, find_config
from textlint.document import Document, read_document
from textlint.errors import CheckUnavailableError
from textlint.issues import Issue, Safety
from textlint.linter import Linter
from textlint.results import FileResult


def _config(config: Config | None, language: str | None, languagetool: bool | None) -> Config:
    return LintOptions(language=language, languagetool=languagetool).apply(config or Config())


def _issues(linter: Linter, result: FileResult) -> list[Issue]:
    """The issues of a result; checks that could not run are raised or warned about."""
    for unchecked in result.unchecked:
        message = f"textlint: {result.document.path}: {unchecked.check} not checked: {unchecked.reason}"
        if linter.config.languagetool.require:
            raise CheckUnavailableError(message)
        warnings.warn(message, RuntimeWarning, stacklevel=3)
    return list(result.issues)


def check_text(
    text: str,
    *,
    config: Config | None = None,
    language: str | None = None,
    languagetool: bool | None = None,
    path: str = "<string>",
) -> FileResult:
    """Everything found in `text`: issues (sorted, code-point offsets) and unchecked checks.

    `path` names the text: a `.md` or `.html` extension checks it as Markdown or HTML.
    """
    linter = Linter(_config(config, language, languagetool))
    return linter.lint(Document(text, path=path))


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
    return _issues(linter, linter.lint(Document(text, path=path)))


def lint_file(path: str | Path, *, languagetool: bool | None = None) -> list[Issue]:
    """Issues in a UTF-8 file, with the configuration found upward from it."""
    file = Path(path)
    doc = read_document(str(file))
    linter = Linter(_config(find_config(file.resolve().parent), None, languagetool))
    return _issues(linter, linter.lint(doc))


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
