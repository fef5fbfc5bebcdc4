"""The LanguageTool backend: a managed local LanguageTool server checking French text.

`LanguageToolChecker` is what the linter uses; `install` fetches LanguageTool from Maven
Central, `process` runs the shared local server, `client` talks to it, `mapping` turns its
answers into issues and `cache` keeps them per paragraph.
"""

from textlint.languagetool.checker import LanguageToolChecker
from textlint.languagetool.errors import LanguageToolError

__all__ = ["LanguageToolChecker", "LanguageToolError"]
