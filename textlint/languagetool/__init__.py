"""The LanguageTool backend: a managed local LanguageTool server checking French text.

`LanguageToolChecker` is what the linter uses; `install` fetches LanguageTool from Maven
Central, `process` runs the shared local server, `client` talks to it, `mapping` turns its
answers into issues and `cache` keeps them per paragraph.

The two names below are imported on first use, so that a light module of the package
(`paths`) can be imported without the checker and everything it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textlint.languagetool.checker import LanguageToolChecker
    from textlint.languagetool.errors import LanguageToolError

_HOMES = {
    "LanguageToolChecker": "textlint.languagetool.checker",
    "LanguageToolError": "textlint.languagetool.errors",
}

__all__ = ["LanguageToolChecker", "LanguageToolError"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'textlint.languagetool' has no attribute {name!r}")
    return getattr(import_module(home), name)
