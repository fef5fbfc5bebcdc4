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
from textlint.corpus import DEFAULT_THRESHOLD, CorpusOptions, run_corpus
from textlint.errors import TextlintError, UsageError
from textlint.formats import MARKUPS
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
    _rule_options(check)
    check.add_argument("--statistics", action="store_true", help="count issues per rule")
    check.add_argument("--quiet", action="store_true", help="print issues only, one line each")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--report-unused-suppressions", action="store_true", help="flag suppressions that hid nothing"
    )
    _languagetool_options(check)
    check.add_argument("--stdin-filename", help="path to report (and match per-file config) for stdin")
    check.set_defaults(func=_run_check)


def _rule_options(parser: argparse.ArgumentParser) -> None:
    """Rule selection and severity options, the same for `check` and `corpus`."""
    parser.add_argument("--select", type=_ids, help="only these rule ids or prefixes (comma-separated)")
    parser.add_argument("--extend-select", type=_ids, help="also these rules, even if off by default")
    parser.add_argument("--ignore", type=_ids, help="skip these rule ids or prefixes (comma-separated)")
    parser.add_argument("--config", help="configuration file (default: found upward from each file)")
    parser.add_argument("--language", choices=LANGUAGES, help="language variant (default fr-FR)")
    parser.add_argument(
        "--fail-level", choices=("error", "warning", "info"), help="lowest severity that fails"
    )


def _languagetool_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-languagetool", action="store_true", help="skip grammar checks")
    parser.add_argument(
        "--require-languagetool", action="store_true", help="fail (exit 2) if grammar checks cannot run"
    )
    parser.add_argument("--picky", action="store_true", help="LanguageTool's picky mode")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the grammar cache")


def _corpus_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    corpus = subparsers.add_parser("corpus", help="lint the text fields of a JSONL, CSV or Parquet dataset")
    corpus.add_argument("data", metavar="DATA", help=".jsonl, .csv (also .gz) or .parquet file")
    corpus.add_argument(
        "--field",
        dest="fields",
        action="append",
        required=True,
        metavar="NAME",
        help="a text field to lint (repeatable)",
    )
    corpus.add_argument(
        "--id-field", metavar="NAME", help="the field holding each record's id (default: line number)"
    )
    corpus.add_argument(
        "--markup",
        choices=MARKUPS,
        default="text",
        help="read the fields as plain text (default), Markdown or HTML: prose only",
    )
    corpus.add_argument(
        "--output", metavar="FILE", help="JSONL results (default: standard output); resumable"
    )
    corpus.add_argument(
        "--keep-below",
        type=_score,
        metavar="SCORE",
        help="with --output-clean: keep records scoring below SCORE",
    )
    corpus.add_argument(
        "--output-clean", metavar="FILE", help="write the kept records, unchanged, to FILE (JSONL)"
    )
    picking = corpus.add_mutually_exclusive_group()
    picking.add_argument("--limit", type=_count, metavar="N", help="only the first N records")
    picking.add_argument("--sample", type=_count, metavar="N", help="N records drawn at random (see --seed)")
    corpus.add_argument("--seed", type=int, default=0, help="random seed for --sample (default 0)")
    corpus.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    corpus.add_argument(
        "--threshold",
        type=_score,
        default=DEFAULT_THRESHOLD,
        metavar="SCORE",
        help=f"artifacts per 1,000 words above which a record is suspect (default {DEFAULT_THRESHOLD:g})",
    )
    corpus.add_argument(
        "--summary", metavar="FILE", help="write the summary to FILE (default: standard error)"
    )
    corpus.add_argument("--summary-format", choices=("text", "json"), default="text")
    corpus.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="progress bar on standard error (default: when it is a terminal)",
    )
    _rule_options(corpus)
    _languagetool_options(corpus)
    corpus.set_defaults(func=_run_corpus)


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


def _count(value: str) -> int:
    number = int(value) if value.isdigit() else -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}")
    return number


def _positive(value: str) -> int:
    number = _count(value)
    if number == 0:
        raise argparse.ArgumentTypeError("expected at least 1")
    return number


def _score(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a score of 0 or more, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textlint",
        description="Lint French news text: typography, names, machine-translation artifacts, grammar.",
    )
    parser.add_argument("--version", action="version", version=f"textlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _check_parser(subparsers)
    _corpus_parser(subparsers)
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


def _run_corpus(args: argparse.Namespace) -> int:
    if (args.keep_below is None) != (args.output_clean is None):
        raise UsageError("--keep-below and --output-clean go together")
    lint = CheckOptions(
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        config=args.config,
        language=args.language,
        fail_level=args.fail_level,
        no_languagetool=args.no_languagetool,
        require_languagetool=args.require_languagetool,
        picky=args.picky,
        no_cache=args.no_cache,
    )
    options = CorpusOptions(
        data=args.data,
        fields=tuple(dict.fromkeys(args.fields)),
        id_field=args.id_field,
        markup=args.markup,
        output=args.output,
        output_clean=args.output_clean,
        keep_below=args.keep_below,
        limit=args.limit,
        sample=args.sample,
        seed=args.seed,
        jobs=args.jobs,
        threshold=args.threshold,
        summary=args.summary,
        summary_format=args.summary_format,
        progress=args.progress,
        lint=lint,
    )
    return run_corpus(options)


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
