"""The results every checker produces: issues, their fixes, severities and safety levels.

Offsets are Python code-point indexes into `Document.text`, half-open `[start, end)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Severity(IntEnum):
    """How serious an issue is; ordered so that `>=` compares with a fail level."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


class Safety(IntEnum):
    """How far a fix may be trusted, ordered like ruff's applicability."""

    SUGGESTION = 0  # shown to the reader, never applied
    UNSAFE = 1  # applied with --unsafe-fixes
    SAFE = 2  # applied with --fix

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Safety:
        try:
            return cls[value.upper().replace("-ONLY", "")]
        except KeyError:
            raise ValueError(f"unknown fix safety {value!r} (expected safe, unsafe or suggestion)") from None


# The issue textlint reports when a rule ran past its time limit on a document.
TIMEOUT_RULE = "textlint.rule-timeout"


class Source(StrEnum):
    """Which family of checker reported an issue (written as its value in every output)."""

    YAML = "yaml"  # a rule of the YAML rule sets
    LANGUAGETOOL = "languagetool"  # the LanguageTool grammar and spelling server
    TEXTLINT = "textlint"  # textlint about itself: rule timeouts, unused suppressions


@dataclass(frozen=True)
class Fix:
    """Replace the issue's span with `replacement`."""

    replacement: str
    safety: Safety


@dataclass(frozen=True)
class Issue:
    """One problem found in a document.

    `rule` is the full rule id (`typo.space-before-colon`, `LT:ACCORD_GENRE`), `source` the checker
    family, `category` the kind of problem (`typography`, `spelling`, `grammar`, `style`,
    `entity`, `mt`, `scraping`, `encoding`) used to merge duplicates across sources, `origins`
    the ids of other rules that reported the same problem. `suggestions` replace the flagged
    text as it stands (the fix's replacement first); `hints` are rewrites for the reader to
    adapt — a verb to conjugate, a construction to recast — and never replace the span.
    """

    rule: str
    source: Source
    severity: Severity
    start: int
    end: int
    message: str
    category: str = "style"
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    origins: tuple[str, ...] = field(default=())
    hints: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
