"""What a corpus run found, over every record in the output (earlier runs included)."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from textlint.corpus.linting import Digest
from textlint.corpus.readers import Malformed
from textlint.issues import Severity
from textlint.reporters.json import JsonObject
from textlint.results import per_1000_words

WORST = 10  # records listed as the worst
EXAMPLES = 20  # malformed records listed in the JSON summary (all are counted)


@dataclass(frozen=True)
class Settings:
    source: str
    unit: str  # "line" or "row"
    threshold: float
    fail_level: Severity
    keep_below: float | None = None
    require_grammar: bool = False  # a record grammar could not be checked in fails the run


@dataclass
class Summary:
    settings: Settings
    records: int = 0
    resumed: int = 0
    words: int = 0
    issues: int = 0
    artifacts: int = 0
    above_threshold: int = 0
    kept: int = 0
    failing: int = 0  # records with an issue at or above the fail level
    unchecked: int = 0  # records a check (grammar) could not run on
    per_rule: Counter[str] = field(default_factory=Counter)
    malformed: int = 0
    malformed_examples: list[Malformed] = field(default_factory=list)
    # (score, -order, id, line, artifacts, words): a min-heap of the worst records so far.
    _worst: list[tuple[float, int, Any, int, int, int]] = field(default_factory=list)

    def add(self, record: Digest, resumed: bool = False) -> None:
        self.records += 1
        self.resumed += resumed
        self.words += record.words
        self.artifacts += record.artifacts
        score = record.score
        self.above_threshold += score > self.settings.threshold
        self.kept += record.kept
        self.issues += len(record.rules)
        self.per_rule.update(record.rules)
        self.failing += record.worst is not None and record.worst >= self.settings.fail_level
        self.unchecked += not record.complete
        if score > 0:
            item = (score, -self.records, record.id, record.line, record.artifacts, record.words)
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, item)
            else:
                heapq.heappushpop(self._worst, item)

    def add_malformed(self, malformed: Malformed) -> None:
        self.malformed += 1
        if len(self.malformed_examples) < EXAMPLES:
            self.malformed_examples.append(malformed)

    @property
    def worst(self) -> list[JsonObject]:
        ranked = sorted(self._worst, reverse=True)
        return [
            {"id": rid, "line": line, "artifacts_per_1000_words": score, "artifacts": art, "words": words}
            for score, _, rid, line, art, words in ranked
        ]

    @property
    def share_above(self) -> float:
        return round(self.above_threshold / self.records, 4) if self.records else 0.0

    def as_json(self) -> JsonObject:
        settings = self.settings
        return {
            "source": settings.source,
            "records": {
                "linted": self.records - self.resumed,
                "from_earlier_run": self.resumed,
                "malformed": self.malformed,
                "failing": self.failing,
                "not_fully_checked": self.unchecked,
            },
            "malformed_examples": [
                {settings.unit: item.line, "reason": item.reason} for item in self.malformed_examples
            ],
            "words": self.words,
            "issues": self.issues,
            "issues_per_1000_words": per_1000_words(self.issues, self.words),
            "artifacts": self.artifacts,
            "artifacts_per_1000_words": per_1000_words(self.artifacts, self.words),
            "threshold": settings.threshold,
            "above_threshold": self.above_threshold,
            "share_above_threshold": self.share_above,
            "keep_below": settings.keep_below,
            "kept": self.kept if settings.keep_below is not None else None,
            "issues_per_rule": dict(sorted(self.per_rule.items(), key=lambda item: (-item[1], item[0]))),
            "worst": self.worst,
        }

    def as_text(self) -> str:
        settings = self.settings
        records = self.records
        issue_rate = per_1000_words(self.issues, self.words)
        artifact_rate = per_1000_words(self.artifacts, self.words)
        lines = [
            f"{settings.source}: {_records(records)}"
            + (f" ({self.resumed} from an earlier run)" if self.resumed else "")
            + f", {self.malformed} malformed and skipped, {self.failing} with issues at the fail level",
            f"{_count(self.words, 'word')}, {_count(self.issues, 'issue')} ({issue_rate} per 1,000 words), "
            f"{_count(self.artifacts, 'machine-translation or scraping issue')} "
            f"({artifact_rate} per 1,000 words)",
            f"{self.above_threshold} of {_records(records)} ({100 * self.share_above:.1f} %) above "
            f"{settings.threshold:g} artifacts per 1,000 words",
        ]
        if self.unchecked:
            lines.append(
                f"{_records(self.unchecked)} not fully checked (grammar could not run; "
                'marked "complete": false, checked again when the run is resumed)'
            )
        if settings.keep_below is not None:
            lines.append(f"{_records(self.kept)} kept (below {settings.keep_below:g})")
        if self.per_rule:
            lines.append("issues per rule:")
            width = len(str(max(self.per_rule.values())))
            ranked = sorted(self.per_rule.items(), key=lambda item: (-item[1], item[0]))
            lines.extend(f"  {count:>{width}}  {rule}" for rule, count in ranked)
        if self._worst:
            lines.append("worst records (artifacts per 1,000 words):")
            lines.extend(
                f"  {item['artifacts_per_1000_words']:>7.2f}  id {item['id']} "
                f"({settings.unit} {item['line']}): {item['artifacts']} in {item['words']} words"
                for item in self.worst
            )
        return "\n".join(lines) + "\n"


def _records(count: int) -> str:
    return _count(count, "record")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
