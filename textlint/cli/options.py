"""Command-line options every linting command shares, and the `LintOptions` they make."""

from __future__ import annotations

import argparse

from textlint.config import LANGUAGES, LintOptions


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """Rule selection, configuration and severity options (`check`, `corpus`, `rules list`)."""
    parser.add_argument("--select", type=ids, help="only these rule ids or prefixes (comma-separated)")
    parser.add_argument("--extend-select", type=ids, help="also these rules, even if off by default")
    parser.add_argument("--ignore", type=ids, help="skip these rule ids or prefixes (comma-separated)")
    parser.add_argument("--language", choices=LANGUAGES, help="language variant (default fr-FR)")


def add_lint_options(parser: argparse.ArgumentParser, config_help: str, *, outcome: bool = True) -> None:
    """Everything `LintOptions` holds: rules, configuration, fail level and LanguageTool.

    `outcome=False` leaves out the options that decide a run's exit code (`--fail-level`,
    `--require-languagetool`): a server has no exit code for them to decide.
    """
    add_rule_options(parser)
    parser.add_argument("--config", help=config_help)
    if outcome:
        parser.add_argument(
            "--fail-level", choices=("error", "warning", "info"), help="lowest severity that fails"
        )
    parser.add_argument("--no-languagetool", action="store_true", help="skip grammar checks")
    if outcome:
        parser.add_argument(
            "--require-languagetool",
            action="store_true",
            help="fail (exit 2) if grammar could not be checked in some file",
        )
    parser.add_argument("--picky", action="store_true", help="LanguageTool's picky mode")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the grammar cache")


def lint_options(args: argparse.Namespace) -> LintOptions:
    """The `LintOptions` of parsed arguments; options a command lacks keep their defaults."""
    return LintOptions(
        config=getattr(args, "config", None),
        select=args.select,
        extend_select=args.extend_select or (),
        ignore=args.ignore or (),
        language=args.language,
        fail_level=getattr(args, "fail_level", None),
        languagetool=False if getattr(args, "no_languagetool", False) else None,
        require_languagetool=getattr(args, "require_languagetool", False),
        picky=getattr(args, "picky", False),
        cache=not getattr(args, "no_cache", False),
    )


def ids(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def count(value: str) -> int:
    number = int(value) if value.isdigit() else -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}")
    return number


def positive(value: str) -> int:
    number = count(value)
    if number == 0:
        raise argparse.ArgumentTypeError("expected at least 1")
    return number


def score(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a score of 0 or more, got {value!r}")
    return number
