"""What every output format shares: the reporter signature, its options and small helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple, TextIO

from textlint.document import Document
from textlint.issues import Fix, Issue, Safety
from textlint.results import FileResult, RunResult


@dataclass(frozen=True)
class ReportOptions:
    """How the CLI asks a reporter to write; formats ignore what does not apply to them."""

    color: bool = False
    statistics: bool = False
    quiet: bool = False


Reporter = Callable[[RunResult, TextIO, ReportOptions], None]


class Location(NamedTuple):
    """1-based line and column of an issue's start and of its (exclusive) end, in code points."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, document: Document, issue: Issue) -> Location:
        line, column = document.position(issue.start)
        end_line, end_column = document.position(issue.end)
        return cls(line, column, end_line, end_column)


def sorted_issues(file: FileResult) -> list[Issue]:
    """The issues of a file in reading order, whatever order they came in."""
    return sorted(file.issues, key=Issue.sort_key)


def iter_issues(result: RunResult) -> Iterator[tuple[FileResult, Issue]]:
    """Every issue of the run with the file it belongs to, file by file, in reading order."""
    for file in result.files:
        for issue in sorted_issues(file):
            yield file, issue


def flagged_text(document: Document, issue: Issue) -> str:
    """The text an issue points at."""
    return document.text[issue.start : issue.end]


def applicable_fix(issue: Issue) -> Fix | None:
    """The issue's fix when `--fix` or `--unsafe-fixes` may apply it, else None."""
    if issue.fix is None or issue.fix.safety == Safety.SUGGESTION:
        return None
    return issue.fix


def fix_counts(result: RunResult) -> tuple[int, int]:
    """How many issues `--fix` would fix, and how many more `--unsafe-fixes` would."""
    safe = unsafe = 0
    for _, issue in iter_issues(result):
        fix = applicable_fix(issue)
        if fix is not None and fix.safety == Safety.SAFE:
            safe += 1
        elif fix is not None:
            unsafe += 1
    return safe, unsafe


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 issue`, `2 issues`; `words` for an irregular plural (`fixes`)."""
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"
