"""`textlint check`: find the files, lint or fix each one, report, and choose the exit code."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from textlint.config import Config, find_config, load_config, with_environment
from textlint.discovery import walk
from textlint.document import STDIN, Document, read_document
from textlint.errors import FixError, InputError
from textlint.issues import Safety, Severity
from textlint.linter import Linter
from textlint.reporters import REPORTERS, ReportOptions
from textlint.results import RunResult
from textlint.writer import write_atomically

EXIT_OK, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked for; None means "as configured"."""

    paths: tuple[str, ...] = (".",)
    output_format: str = "text"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config: str | None = None
    language: str | None = None
    fail_level: str | None = None
    statistics: bool = False
    quiet: bool = False
    color: bool = False
    report_unused_suppressions: bool = False
    no_languagetool: bool = False
    require_languagetool: bool = False
    picky: bool = False
    no_cache: bool = False
    stdin_filename: str | None = None

    def apply(self, config: Config) -> Config:
        """The file's configuration with this run's command-line overrides."""
        config = with_environment(config)
        lt = config.languagetool
        lt = replace(
            lt,
            enabled=lt.enabled and not self.no_languagetool,
            require=lt.require or self.require_languagetool,
            picky=lt.picky or self.picky,
            cache=lt.cache and not self.no_cache,
        )
        return replace(
            config,
            select=self.select if self.select is not None else config.select,
            extend_select=config.extend_select + (self.extend_select or ()),
            ignore=config.ignore + (self.ignore or ()),
            language=self.language or config.language,
            fail_level=Severity.parse(self.fail_level) if self.fail_level else config.fail_level,
            languagetool=lt,
        )


class _Run:
    """State of one run: linters per configuration, and what was found."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.explicit = load_config(Path(options.config)) if options.config else None
        self.linters: dict[str | None, Linter] = {}
        self.result = RunResult()
        self.failed = False  # an issue at or above its file's fail level

    def config_for(self, path: Path) -> Config:
        return self.explicit or find_config(path.resolve().parent)

    def linter_for(self, config: Config) -> Linter:
        key = config.source or str(config.root)
        if key not in self.linters:
            self.linters[key] = Linter(self.options.apply(config), self.options.report_unused_suppressions)
        return self.linters[key]

    def targets(self) -> Iterator[str]:
        for raw in self.options.paths:
            path = Path(raw)
            if raw != STDIN and path.is_dir():
                yield from (str(found) for found in walk(path, self.config_for(path / "_")))
            else:
                yield raw

    def check(self, target: str) -> None:
        shown = self.options.stdin_filename if target == STDIN and self.options.stdin_filename else target
        linter = self.linter_for(self.config_for(Path(shown)))
        try:
            doc = read_document(target)
            if target == STDIN:
                doc = replace(doc, path=shown if self.options.stdin_filename else "-")
            if self.options.fix or self.options.diff:
                doc = self.fix(target, doc, linter)
        except InputError as error:
            self.result.errors.append(str(error))
            return
        except FixError as error:
            self.result.errors.append(f"{shown}: {error}; the file was left unchanged")
            return
        found = linter.lint(doc)
        self.result.files.append(found)
        if any(issue.severity >= linter.config.fail_level for issue in found.issues):
            self.failed = True

    def fix(self, target: str, doc: Document, linter: Linter) -> Document:
        level = Safety.UNSAFE if self.options.unsafe_fixes else Safety.SAFE
        outcome = linter.fix(doc, level)
        if self.options.diff:
            sys.stdout.write(_diff(doc, outcome.text))
            return doc
        if target == STDIN:
            sys.stdout.buffer.write(doc.encode(outcome.text))
            sys.stdout.flush()
        elif outcome.text != doc.text:
            write_atomically(Path(target), doc.encode(outcome.text))
        return replace(doc, text=outcome.text)


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
        run.result.warnings.extend(w for w in linter.warnings if w not in run.result.warnings)
        run.result.rules = {**run.result.rules, **linter.rule_docs}
    # With --fix on stdin or --diff, stdout carries the text; the report goes to stderr.
    to_stderr = options.diff or (options.fix and STDIN in options.paths)
    stream = sys.stderr if to_stderr else sys.stdout
    report_options = ReportOptions(color=options.color, statistics=options.statistics, quiet=options.quiet)
    REPORTERS[options.output_format](run.result, stream, report_options)
    for message in run.result.warnings:
        print(f"textlint: warning: {message}", file=sys.stderr)
    for message in run.result.errors:
        print(f"textlint: error: {message}", file=sys.stderr)
    if run.result.errors:
        return EXIT_ERROR
    return EXIT_ISSUES if run.failed else EXIT_OK
