"""What a lint hands to reporters: per-file issues, what could not be checked, run-level notes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from textlint.document import Document
from textlint.issues import Issue


@dataclass(frozen=True)
class RuleDoc:
    """What reporters say about a rule besides each issue's message."""

    id: str
    summary: str
    reference: str | None = None


@dataclass(frozen=True)
class Unchecked:
    """A check that could not run on a document, and why (`check` is `grammar` today)."""

    check: str
    reason: str


# Categories whose density tells machine-made or scraped text apart from edited copy.
ARTIFACT_CATEGORIES = frozenset({"mt", "scraping"})
_WORD = re.compile(r"\w+")


def per_1000_words(count: int, words: int) -> float:
    """A density rounded to 2 decimals; 0 for no words."""
    return round(1000 * count / words, 2) if words else 0.0


@dataclass(frozen=True)
class FileResult:
    """The issues of one document, sorted by position, and what could not be checked in it."""

    document: Document  # as read: issue offsets index its text
    issues: tuple[Issue, ...]
    prose: str | None = None  # the text that was checked, when a front end left markup out
    unchecked: tuple[Unchecked, ...] = ()  # checks that failed on this document
    skipped: str | None = None  # why the whole document was deliberately not checked

    @property
    def complete(self) -> bool:
        """Whether every check that should have run on the document did."""
        return not self.unchecked

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.document.text if self.prose is None else self.prose))

    @property
    def artifacts(self) -> int:
        """Machine-translation and scraping issues."""
        return sum(1 for issue in self.issues if issue.category in ARTIFACT_CATEGORIES)

    @property
    def artifacts_per_1000_words(self) -> float:
        """The score a data team ranks documents by (0 for an empty document)."""
        return per_1000_words(self.artifacts, self.words)


@dataclass(frozen=True)
class Failure:
    """A file the run could not check (unreadable, not UTF-8…) or could not fix, and why.

    A file that could not be fixed was still checked: its issues are reported as read.
    """

    path: str
    reason: str
    stage: str = "check"  # `check`: the file was not checked at all; `fix`: it was left unchanged

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class RunResult:
    """Everything one `textlint check` run found."""

    files: list[FileResult] = field(default_factory=list)
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)  # files that could not be checked or fixed
    warnings: list[str] = field(default_factory=list)  # run-level notes (an unusable cache)

    @property
    def errors(self) -> tuple[str, ...]:
        """One message per failure: `path: reason` (add failures to `failures`)."""
        return tuple(str(failure) for failure in self.failures)

    @property
    def not_checked(self) -> list[Failure]:
        """Files that could not be checked at all (not read, not UTF-8, not a regular file)."""
        return [failure for failure in self.failures if failure.stage == "check"]

    @property
    def not_fixed(self) -> list[Failure]:
        """Files that were checked but could not be fixed, and were left unchanged."""
        return [failure for failure in self.failures if failure.stage == "fix"]

    @property
    def issue_count(self) -> int:
        return sum(len(result.issues) for result in self.files)

    @property
    def incomplete(self) -> list[FileResult]:
        """Files some check could not run on (grammar server down, request refused)."""
        return [result for result in self.files if not result.complete]

    @property
    def skipped(self) -> list[FileResult]:
        """Files deliberately left unchecked (not French)."""
        return [result for result in self.files if result.skipped is not None]
