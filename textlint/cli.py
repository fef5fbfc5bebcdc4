"""The `textlint` command: argument parsing and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import fields

from textlint import __version__
from textlint.check import EXIT_ERROR, CheckOptions, run_check
from textlint.config import LANGUAGES
from textlint.errors import TextlintError
from textlint.reporters import REPORTERS
from textlint.rulecommands import explain_rule, list_rules, test_rules


def _check_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser("check", help="lint files, folders or stdin (-)")
    check.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files, folders, or - for stdin"
    )
    check.add_argument(
        "--format", dest="output_format", choices=sorted(REPORTERS), default="text", help="output format"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    check.add_argument("--diff", action="store_true", help="print fixes as a unified diff, write nothing")
    check.add_argument("--select", type=_ids, help="only these rule ids or prefixes (comma-separated)")
    check.add_argument("--extend-select", type=_ids, help="also these rules, even if off by default")
    check.add_argument("--ignore", type=_ids, help="skip these rule ids or prefixes (comma-separated)")
    check.add_argument("--config", help="configuration file (default: found upward from each file)")
    check.add_argument("--language", choices=LANGUAGES, help="language variant (default fr-FR)")
    check.add_argument(
        "--fail-level", choices=("error", "warning", "info"), help="lowest severity that fails"
    )
    check.add_argument("--statistics", action="store_true", help="count issues per rule")
    check.add_argument("--quiet", action="store_true", help="print issues only, one line each")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--report-unused-suppressions", action="store_true", help="flag suppressions that hid nothing"
    )
    check.add_argument("--no-languagetool", action="store_true", help="skip grammar checks")
    check.add_argument(
        "--require-languagetool", action="store_true", help="fail (exit 2) if grammar checks cannot run"
    )
    check.add_argument("--picky", action="store_true", help="LanguageTool's picky mode")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the grammar cache")
    check.add_argument("--stdin-filename", help="path to report (and match per-file config) for stdin")
    check.set_defaults(func=_run_check)


def _rules_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = subparsers.add_parser("rules", help="list, explain and test rules")
    actions = rules.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="list the rules in force")
    listing.add_argument("--config", help="configuration file")
    listing.set_defaults(func=lambda args: list_rules(args.config))
    explain = actions.add_parser("explain", help="show a rule's message, rationale and examples")
    explain.add_argument("rule", metavar="ID")
    explain.add_argument("--config", help="configuration file")
    explain.set_defaults(func=lambda args: explain_rule(args.rule, args.config))
    test = actions.add_parser("test", help="check rule files against their own examples")
    test.add_argument("paths", nargs="+", metavar="PATH", help="rule files or folders")
    test.set_defaults(func=lambda args: test_rules(args.paths))


def _ids(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textlint",
        description="Lint French news text: typography, names, machine-translation artifacts, grammar.",
    )
    parser.add_argument("--version", action="version", version=f"textlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _check_parser(subparsers)
    _rules_parser(subparsers)
    from textlint.languagetool import register_commands

    register_commands(subparsers)
    return parser


def _run_check(args: argparse.Namespace) -> int:
    # Every `check` option has the name of its CheckOptions field; only colour is derived.
    values = {f.name: getattr(args, f.name) for f in fields(CheckOptions) if f.name not in ("paths", "color")}
    stream_is_tty = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    color = args.color == "always" or (args.color == "auto" and stream_is_tty)
    return run_check(CheckOptions(paths=tuple(args.paths), color=color, **values))


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
        return 130
    except BrokenPipeError:
        # The reader went away (`textlint check | head`); nothing more to say.
        sys.stderr.close()
        return EXIT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
