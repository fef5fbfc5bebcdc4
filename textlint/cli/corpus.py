"""`textlint corpus`: the command-line front of the corpus engine (`textlint.corpus`)."""

from __future__ import annotations

import argparse

from textlint.cli import COMMANDS
from textlint.cli.exits import EXIT_ERROR, EXIT_ISSUES, EXIT_OK
from textlint.cli.options import add_lint_options, count, lint_options, positive, score
from textlint.corpus import DEFAULT_THRESHOLD, ENGINES, KINDS, CorpusOptions, run_corpus
from textlint.errors import UsageError
from textlint.formats import MARKUPS

DESCRIPTION = """\
Lint the text fields of every record of a JSONL, CSV or Parquet dataset: one JSON line per
record (to --output, which makes the run resumable, or standard output), then a summary of
the whole corpus (standard error, or --summary).

The configuration (rules, LanguageTool) is the one found upward from the data file's folder
(from the current folder for standard input or a URI), or the file given with --config.

With --engine ray the records are read and linted on a Ray cluster (pip install
'textlint[ray]'): a local one, or the one at --ray-address. The output and the summary are
the same as with the local engine."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    corpus = subparsers.add_parser(
        "corpus",
        help=COMMANDS["corpus"],
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    corpus.add_argument(
        "data",
        metavar="DATA",
        help=".jsonl, .csv (also .gz) or .parquet file, - for standard input (with --format); "
        "with --engine ray also a URI Ray reads (s3://…)",
    )
    corpus.add_argument(
        "--format", choices=KINDS, help="the data's format, when its name does not say (always with -)"
    )
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
        type=score,
        metavar="SCORE",
        help="with --output-clean: keep records scoring below SCORE",
    )
    corpus.add_argument(
        "--output-clean", metavar="FILE", help="write the kept records, unchanged, to FILE (JSONL)"
    )
    picking = corpus.add_mutually_exclusive_group()
    picking.add_argument("--limit", type=count, metavar="N", help="only the first N records")
    picking.add_argument("--sample", type=count, metavar="N", help="N records drawn at random (see --seed)")
    corpus.add_argument("--seed", type=int, default=0, help="random seed for --sample (default 0)")
    corpus.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help="worker processes (default 1); with --engine ray: actors (default: one per CPU of the cluster)",
    )
    corpus.add_argument(
        "--engine", choices=ENGINES, default="local", help="lint here (default) or on a Ray cluster"
    )
    corpus.add_argument(
        "--ray-address",
        metavar="ADDRESS",
        help="with --engine ray: the cluster to join (auto, HOST:PORT); default: start a local one",
    )
    corpus.add_argument(
        "--threshold",
        type=score,
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
    add_lint_options(corpus, "configuration file (default: found upward from the data file's folder)")
    corpus.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if (args.keep_below is None) != (args.output_clean is None):
        raise UsageError("--keep-below and --output-clean go together")
    if args.ray_address is not None and args.engine != "ray":
        raise UsageError("--ray-address goes with --engine ray")
    options = CorpusOptions(
        data=args.data,
        fields=tuple(dict.fromkeys(args.fields)),
        id_field=args.id_field,
        format=args.format,
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
        lint=lint_options(args),
        engine=args.engine,
        ray_address=args.ray_address,
    )
    from textlint.yamlrules.matching import time_rules_by_signal

    time_rules_by_signal()  # this process is textlint's from start to end (see matching)
    summary = run_corpus(options)
    if summary.malformed or (summary.unchecked and summary.settings.require_grammar):
        return EXIT_ERROR
    return EXIT_ISSUES if summary.failing else EXIT_OK
