"""The `textlint` command: one module per command, and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

from textlint.cli.exits import EXIT_ERROR, EXIT_INTERRUPTED
from textlint.errors import TextlintError
from textlint.version import __version__

# Each command, its one-line help, and the module that registers its options and runs it.
COMMANDS = {
    "check": "lint files, folders or stdin (-)",
    "corpus": "lint the text fields of a JSONL, CSV or Parquet dataset",
    "rules": "list, explain and test rules",
    "languagetool": "install and manage the local LanguageTool server",
    "serve": "answer LanguageTool's HTTP API and serve a review page (docs/serve.md)",
    "resident": "show, stop or run the warm process that answers `check` (docs/cli.md)",
}


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal's width found as `shutil` finds it, without
    importing `shutil` (and the compression modules it imports): argparse makes a formatter
    for every option it registers, so every run would pay for it, not only `--help`."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def _terminal_width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """A parser using `_Formatter` unless told otherwise; its subcommands' parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line, or, given the arguments, only the command they name.

    A command's module (and what it imports: the rules, the reporters, LanguageTool's
    client) is loaded only when that command runs, so `textlint --version` and `textlint
    --help` start in a few milliseconds; the other commands appear in the help by name.
    """
    parser = _Parser(
        prog="textlint",
        description="Lint French news text: typography, names, machine-translation artifacts, grammar.",
    )
    parser.add_argument("--version", action="version", version=f"textlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = _command_named(argv)
    for name, summary in COMMANDS.items():
        if argv is None or name == chosen:
            import_module(f"textlint.cli.{name}").register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The command the arguments run: the first that is not an option (none takes a value)."""
    first = next((arg for arg in argv or () if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    try:
        code: int = args.func(args)
    except TextlintError as error:
        print(f"textlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("textlint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`textlint check | head`); nothing more to say.
        sys.stderr.close()
        return EXIT_ERROR
    except OSError as error:
        # What no command expected (the report's own output on a full disk…): one line, no traceback.
        where = f"{error.filename}: " if error.filename else ""
        print(f"textlint: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
