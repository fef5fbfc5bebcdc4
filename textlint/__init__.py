"""textlint: a data-quality linter for French news text.

The Python API in one call::

    import textlint
    for issue in textlint.lint_text("Il a dit : oui.", languagetool=False):
        print(issue.rule, issue.message, issue.fix)

The names below are imported on first use, so that `import textlint` (and `textlint
--version`) costs almost nothing until the API is called.
"""

from __future__ import annotations

from importlib import import_module

from textlint.version import __version__

# Not `typing.TYPE_CHECKING`: importing `typing` (with `re`, `enum`…) costs more than the rest
# of a run the resident process answers (`textlint.resident`); type checkers treat any name
# `TYPE_CHECKING` alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from textlint.api import check_text, fix_text, lint_file, lint_text
    from textlint.config import Config, LanguageToolSettings
    from textlint.document import Document
    from textlint.issues import Fix, Issue, Safety, Severity
    from textlint.results import FileResult, Unchecked

# Each public name and the module that defines it.
_HOMES = {
    "check_text": "textlint.api",
    "fix_text": "textlint.api",
    "lint_file": "textlint.api",
    "lint_text": "textlint.api",
    "Config": "textlint.config",
    "LanguageToolSettings": "textlint.config",
    "Document": "textlint.document",
    "Fix": "textlint.issues",
    "Issue": "textlint.issues",
    "Safety": "textlint.issues",
    "Severity": "textlint.issues",
    "FileResult": "textlint.results",
    "Unchecked": "textlint.results",
}

__all__ = [
    "Config",
    "Document",
    "FileResult",
    "Fix",
    "Issue",
    "LanguageToolSettings",
    "Safety",
    "Severity",
    "Unchecked",
    "__version__",
    "check_text",
    "fix_text",
    "lint_file",
    "lint_text",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'textlint' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
