"""textlint: a data-quality linter for French news text.

The Python API in one call::

    import textlint
    for issue in textlint.lint_text("Il a dit : oui.", languagetool=False):
        print(issue.rule, issue.message, issue.fix)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("textlint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

from textlint.api import check_text, fix_text, lint_file, lint_text
from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.issues import Fix, Issue, Safety, Severity
from textlint.results import FileResult, Unchecked

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
