"""The one exception the LanguageTool backend raises on purpose."""

from textlint.errors import CheckUnavailableError


class LanguageToolError(CheckUnavailableError):
    """LanguageTool could not be installed, started or asked; the message is one line.

    The engine records it for the document being checked (grammar not checked, and why) and
    goes on; the run decides whether that fails it (`--require-languagetool`).
    """
