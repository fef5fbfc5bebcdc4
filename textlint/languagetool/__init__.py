"""The LanguageTool backend: a managed local LanguageTool server checking French text.

`LanguageToolChecker` is what the engine uses; `register_commands` adds the
`textlint languagetool install|status|start|stop` commands.
"""

from textlint.languagetool.checker import LanguageToolChecker
from textlint.languagetool.commands import register_commands
from textlint.languagetool.errors import LanguageToolError
from textlint.languagetool.ruleset import COVERED_BY_YAML

__all__ = ["COVERED_BY_YAML", "LanguageToolChecker", "LanguageToolError", "register_commands"]
