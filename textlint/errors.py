"""The exceptions textlint raises on purpose; the CLI turns each into one line and exit code 2."""


class TextlintError(Exception):
    """Root of every error textlint reports to the user as one line."""


class InputError(TextlintError):
    """A file that cannot be read or decoded."""


class FileError(InputError):
    """One file that cannot be read, decoded or written: its path, and what went wrong with it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(TextlintError):
    """A configuration file or option with an unknown key or a bad value."""


class RuleError(TextlintError):
    """A rule file that does not follow the rule format."""


class FixError(TextlintError):
    """Fixes that cannot be applied (they do not converge)."""


class UsageError(TextlintError):
    """Command-line options that do not go together."""


class CheckUnavailableError(TextlintError):
    """A checker could not run on one document (its server is down, its request was refused).

    The document's other checks still count: the result names what was not checked and why,
    and the run decides whether that fails it (`--require-languagetool`).
    """

    check = "grammar"


class EngineError(TextlintError):
    """The engine asked for cannot run: Ray is not installed, or no cluster answers."""
