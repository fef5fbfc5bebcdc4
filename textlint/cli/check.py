"""`textlint check`: find the files, lint or fix each one, report, and choose the exit code."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from textlint.cli import COMMANDS
from textlint.cli.discovery import walk
from textlint.cli.exits import EXIT_ERROR, EXIT_ISSUES, EXIT_OK
from textlint.cli.options import add_lint_options, lint_options
from textlint.config import LintOptions
from textlint.document import STDIN, Document, decode, read_document
from textlint.errors import FileError, FixError
from textlint.fixer import FixOutcome
from textlint.issues import Safety
from textlint.linter import Linter
from textlint.reporters import REPORTERS, ReportOptions
from textlint.reporters.common import plural
from textlint.results import Failure, RunResult
from textlint.writer import editing, replace_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser("check", help=COMMANDS["check"])
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
    add_lint_options(check, "configuration file (default: found upward from each file)")
    check.add_argument("--statistics", action="store_true", help="count issues per rule")
    check.add_argument("--quiet", action="store_true", help="print issues only, one line each")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--report-unused-suppressions", action="store_true", help="flag suppressions that hid nothing"
    )
    check.add_argument("--stdin-filename", help="path to report (and match per-file config) for stdin")
    check.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    stream_is_tty = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = CheckOptions(
        paths=tuple(args.paths),
        output_format=args.output_format,
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        statistics=args.statistics,
        quiet=args.quiet,
        color=args.color == "always" or (args.color == "auto" and stream_is_tty),
        report_unused_suppressions=args.report_unused_suppressions,
        stdin_filename=args.stdin_filename,
        lint=lint_options(args),
    )
    return run_check(options)


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked of `check`; `lint` holds the options every command shares."""

    paths: tuple[str, ...] = (".",)
    output_format: str = "text"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    statistics: bool = False
    quiet: bool = False
    color: bool = False
    report_unused_suppressions: bool = False
    stdin_filename: str | None = None
    lint: LintOptions = field(default_factory=LintOptions)


class _Run:
    """State of one run: linters per configuration, and what was found."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.linters: dict[str, Linter] = {}
        self.result = RunResult()
        self.failed = False  # an issue at or above its file's fail level
        self.fixed: dict[str, int] = {}  # fixes applied per file

    def linter_for(self, path: Path) -> Linter:
        config = self.options.lint.config_for(path.parent)
        key = config.source or str(config.root)
        if key not in self.linters:
            self.linters[key] = Linter(config, self.options.report_unused_suppressions, cache_results=True)
        return self.linters[key]

    def targets(self) -> Iterator[str]:
        for raw in self.options.paths:
            path = Path(raw)
            if raw != STDIN and path.is_dir():
                yield from (str(found) for found in walk(path, self.options.lint.config_for(path)))
            else:
                yield raw

    def check(self, target: str) -> None:
        shown = self.options.stdin_filename if target == STDIN and self.options.stdin_filename else target
        linter = self.linter_for(Path(shown))
        try:
            if self.options.fix and not self.options.diff and target != STDIN:
                doc = self.fix_in_place(target, linter)
            else:
                doc = read_document(target)
                if target == STDIN:
                    doc = replace(doc, path=shown if self.options.stdin_filename else "-")
                if self.options.fix or self.options.diff:
                    doc = self.fix_stream(doc, linter)
        except FileError as error:
            self.result.failures.append(Failure(shown, error.reason))
            return
        found = linter.lint(doc)
        self.result.files.append(found)
        if any(issue.severity >= linter.config.fail_level for issue in found.issues):
            self.failed = True

    @property
    def level(self) -> Safety:
        return Safety.UNSAFE if self.options.unsafe_fixes else Safety.SAFE

    def fix_in_place(self, target: str, linter: Linter) -> Document:
        """Fix a file and write it back; a file that cannot be fixed is reported as it is."""
        path = Path(target)
        with editing(path) as snapshot:
            doc = decode(snapshot.data, target)
            try:
                outcome = linter.fix(doc, self.level)
                if outcome.text != doc.text:
                    replace_file(path, doc.encode(outcome.text), snapshot)
            except (FixError, FileError) as error:
                reason = error.reason if isinstance(error, FileError) else str(error)
                self.result.failures.append(Failure(target, f"{reason}; the file was left unchanged", "fix"))
                return doc
        if outcome.applied:
            self.fixed[doc.path] = len(outcome.applied)
        return replace(doc, text=outcome.text)

    def fix_stream(self, doc: Document, linter: Linter) -> Document:
        """`--diff` (the fixes as a diff) or `--fix` on standard input (the fixed text on stdout)."""
        try:
            outcome = linter.fix(doc, self.level)
        except FixError as error:
            self.result.failures.append(Failure(doc.path, f"{error}; the text was left unchanged", "fix"))
            outcome = FixOutcome(doc.text, ())
        if self.options.diff:
            sys.stdout.write(_diff(doc, outcome.text))
            return doc
        sys.stdout.buffer.write(doc.encode(outcome.text))
        sys.stdout.flush()
        if outcome.applied:
            self.fixed[doc.path] = len(outcome.applied)
        return replace(doc, text=outcome.text)

    def grammar_required(self) -> bool:
        return any(linter.config.languagetool.require for linter in self.linters.values())


def _diff(doc: Document, fixed: str) -> str:
    if fixed == doc.text:
        return ""
    lines = difflib.unified_diff(
        doc.text.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        fromfile=f"a/{doc.path}",
        tofile=f"b/{doc.path}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def run_check(options: CheckOptions) -> int:
    run = _Run(options)
    for target in run.targets():
        run.check(target)
    for linter in run.linters.values():
        run.result.warnings.extend(note for note in linter.notes if note not in run.result.warnings)
        run.result.rules = {**run.result.rules, **linter.rule_docs}
    # With --fix on stdin or --diff, stdout carries the text; the report goes to stderr.
    to_stderr = options.diff or (options.fix and STDIN in options.paths)
    stream = sys.stderr if to_stderr else sys.stdout
    report_options = ReportOptions(color=options.color, statistics=options.statistics, quiet=options.quiet)
    REPORTERS[options.output_format](run.result, stream, report_options)
    _say_what_happened(run)
    if run.result.failures or (run.result.incomplete and run.grammar_required()):
        return EXIT_ERROR
    return EXIT_ISSUES if run.failed else EXIT_OK


def _say_what_happened(run: _Run) -> None:
    """Fixes applied, files not fully checked and errors, on standard error after the report."""
    if run.options.fix and not run.options.diff:
        where = "".join(f"\n  {path}: {count}" for path, count in run.fixed.items())
        total = plural(sum(run.fixed.values()), "fix", "fixes")
        print(f"textlint: applied {total} in {plural(len(run.fixed), 'file')}{where}", file=sys.stderr)
    for message in run.result.warnings:
        print(f"textlint: warning: {message}", file=sys.stderr)
    for file in run.result.incomplete:
        for unchecked in file.unchecked:
            print(
                f"textlint: warning: {file.document.path}: {unchecked.check} not checked: {unchecked.reason}",
                file=sys.stderr,
            )
    for message in run.result.errors:
        print(f"textlint: error: {message}", file=sys.stderr)
    if run.result.incomplete and run.grammar_required():
        files = plural(len(run.result.incomplete), "file")
        message = f"grammar could not be checked in {files} and LanguageTool is required"
        print(f"textlint: error: {message}", file=sys.stderr)
