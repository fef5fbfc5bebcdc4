"""The `textlint` command: one module per command, and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from textlint import __version__
from textlint.cli import check, corpus, languagetool, rules, serve
from textlint.cli.exits import EXIT_ERROR, EXIT_INTERRUPTED
from textlint.errors import TextlintError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textlint",
        description="Lint French news text: typography, names, machine-translation artifacts, grammar.",
    )
    parser.add_argument("--version", action="version", version=f"textlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (check, corpus, rules, languagetool, serve):
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
