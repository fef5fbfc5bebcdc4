"""What a run hands to reporters: per-file issues, rule descriptions, and run-level notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textlint.document import Document
from textlint.issues import Issue


@dataclass(frozen=True)
class RuleDoc:
    """What reporters say about a rule besides each issue's message."""

    id: str
    summary: str
    reference: str | None = None


@dataclass(frozen=True)
class FileResult:
    """The issues of one document, sorted by position."""

    document: Document
    issues: tuple[Issue, ...]


@dataclass
class RunResult:
    """Everything one `textlint check` run found."""

    files: list[FileResult] = field(default_factory=list)
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # files that could not be checked
    warnings: list[str] = field(default_factory=list)  # e.g. grammar checks skipped

    @property
    def issue_count(self) -> int:
        return sum(len(result.issues) for result in self.files)
