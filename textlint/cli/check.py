"""`textlint check`: find the files, lint or fix each one, report, and choose the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textlint.cli import COMMANDS
from textlint.cli.exits import EXIT_ERROR, EXIT_ISSUES, EXIT_OK
from textlint.cli.options import add_lint_options, lint_options
from textlint.config import LintOptions
from textlint.document import STDIN, Document, read_document
from textlint.errors import FileError
from textlint.issues import Safety
from textlint.reporters import REPORTERS, ReportOptions
from textlint.reporters.common import plural
from textlint.resultcache import DocumentCache
from textlint.results import Failure, FileResult, RunResult
from textlint.runcache import RunRecord, RunRecords, Signature, record_key, rules_signature

# Linting, fixing and walking folders are imported when a file has to be linted: a run whose
# files all come from the result cache (`runcache`) never builds a linter.
if TYPE_CHECKING:
    from textlint.linter import Linter

# Files linted at once when nothing is fixed: about one per core. Measured on 2 cores, a
# third or fourth concurrent request does not make LanguageTool answer five articles sooner
# than two do, and each needs a rule pipeline of its own on the server.
PARALLEL_FILES = min(4, max(2, os.cpu_count() or 2))


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
        self.recorded: set[Path] = set()  # folders whose run record is written
        self.signatures: dict[str, Signature | None] = {}  # of the rule files, per linter

    def linter_for(self, path: Path) -> Linter:
        from textlint.linter import Linter

        config = self.options.lint.config_for(path.parent)
        key = config.source or str(config.root)
        if key not in self.linters:
            # Taken before the rules are read: a rule file edited meanwhile is a miss next time.
            self.signatures[key] = rules_signature(config.rule_dirs) if self.options.lint.cache else None
            self.linters[key] = Linter(config, self.options.report_unused_suppressions, cache_results=True)
        if path.parent not in self.recorded:
            self._record(path.parent, self.linters[key], self.signatures[key])
        return self.linters[key]

    def _record(self, folder: Path, linter: Linter, signature: Signature | None) -> None:
        """What answering this folder's unchanged files next time needs (see `runcache`)."""
        self.recorded.add(folder)
        if linter.results is None or signature is None:
            return
        key = record_key(self.options.lint, self.options.report_unused_suppressions, folder)
        if key is None:
            return
        record = RunRecord(
            linter.results.context,
            tuple(linter.notes),
            linter.rule_docs,
            linter.config.fail_level,
            linter.config.rule_dirs,
            signature,
        )
        RunRecords().remember(key, record)

    def targets(self) -> Iterator[str]:
        for raw in self.options.paths:
            path = Path(raw)
            if raw != STDIN and path.is_dir():
                from textlint.cli.discovery import walk

                yield from (str(found) for found in walk(path, self.options.lint.config_for(path)))
            else:
                yield raw

    def check_all(self, targets: list[str]) -> None:
        """Check every target and keep the results in the targets' order.

        Without fixes, the files are linted several at once (`_lint_together`): each mostly
        waits for LanguageTool, which answers several requests in parallel.
        """
        if self.options.fix or self.options.diff or STDIN in targets or len(targets) < 2:
            for target in targets:
                self.check(target)
            return
        jobs = [(target, self.linter_for(Path(target))) for target in targets]
        for (target, linter), outcome in zip(jobs, _lint_together(jobs), strict=True):
            if isinstance(outcome, FileError):
                self.result.failures.append(Failure(target, outcome.reason))
            else:
                self.keep(outcome, linter)

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
        self.keep(linter.lint(doc), linter)

    def keep(self, found: FileResult, linter: Linter) -> None:
        self.result.files.append(found)
        if any(issue.severity >= linter.config.fail_level for issue in found.issues):
            self.failed = True

    @property
    def level(self) -> Safety:
        return Safety.UNSAFE if self.options.unsafe_fixes else Safety.SAFE

    def fix_in_place(self, target: str, linter: Linter) -> Document:
        """Fix a file and write it back; a file that cannot be fixed is reported as it is."""
        from textlint.document import decode
        from textlint.errors import FixError
        from textlint.writer import editing, replace_file

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
        from textlint.errors import FixError
        from textlint.fixer import FixOutcome

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


def _lint_together(jobs: list[tuple[str, Linter]]) -> list[FileResult | FileError]:
    """Each file's result (or why it could not be read), in the jobs' order, linted
    `PARALLEL_FILES` at a time (a `Linter` is shared by threads; each thread has its own
    connection to LanguageTool)."""
    from concurrent.futures import ThreadPoolExecutor

    def lint(job: tuple[str, Linter]) -> FileResult | FileError:
        target, linter = job
        try:
            return linter.lint(read_document(target))
        except FileError as error:
            return error

    threads = ThreadPoolExecutor(min(PARALLEL_FILES, len(jobs)))
    try:
        return list(threads.map(lint, jobs))
    finally:
        threads.shutdown(wait=False, cancel_futures=True)  # interrupted: start no other file


def _diff(doc: Document, fixed: str) -> str:
    if fixed == doc.text:
        return ""
    import difflib

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
    run = _from_cache(options) or _linted(options)
    # With --fix on stdin or --diff, stdout carries the text; the report goes to stderr.
    to_stderr = options.diff or (options.fix and STDIN in options.paths)
    stream = sys.stderr if to_stderr else sys.stdout
    report_options = ReportOptions(color=options.color, statistics=options.statistics, quiet=options.quiet)
    REPORTERS[options.output_format](run.result, stream, report_options)
    _say_what_happened(run)
    if run.result.failures or (run.result.incomplete and run.grammar_required()):
        return EXIT_ERROR
    return EXIT_ISSUES if run.failed else EXIT_OK


def _linted(options: CheckOptions) -> _Run:
    run = _Run(options)
    run.check_all(list(run.targets()))
    for linter in run.linters.values():
        run.result.warnings.extend(note for note in linter.notes if note not in run.result.warnings)
        run.result.rules = {**run.result.rules, **linter.rule_docs}
    return run


def _from_cache(options: CheckOptions) -> _Run | None:
    """The run, when every file it names is unchanged since an earlier run: its result is
    read from the result cache without parsing the configuration or loading the rules
    (`runcache`). None as soon as one file is not: the run lints then."""
    if options.fix or options.diff or not options.lint.cache:
        return None
    run = _Run(options)
    records: dict[Path, RunRecord | None] = {}
    for target in options.paths:
        if target == STDIN or not os.path.isfile(target):
            return None
        folder = Path(target).parent
        if folder not in records:
            key = record_key(options.lint, options.report_unused_suppressions, folder)
            records[folder] = RunRecords().recall(key) if key is not None else None
        record = records[folder]
        if record is None:
            return None
        try:
            found = DocumentCache(record.context).get(read_document(target), None)
        except FileError:
            return None
        if found is None:
            return None
        run.result.files.append(found)
        run.failed = run.failed or any(issue.severity >= record.fail_level for issue in found.issues)
        run.result.warnings.extend(note for note in record.notes if note not in run.result.warnings)
        run.result.rules = {**run.result.rules, **record.rule_docs}
    return run


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
