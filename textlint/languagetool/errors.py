"""The one exception the LanguageTool backend raises on purpose."""

from textlint.errors import TextlintError


class LanguageToolError(TextlintError):
    """LanguageTool could not be installed, started or asked; the message is one line.

    The engine decides what it means: a warning when LanguageTool is optional, exit code 2
    when the configuration requires it.
    """
