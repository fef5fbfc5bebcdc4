"""Linting records, in this process or in worker processes, with results in input order.

Each field of a record is linted as a plain-text `Document` of its own, so issue offsets
count from the start of the field. Worker processes each build their own `Linter`; with
LanguageTool they are all clients of the one managed server (see BENCHMARKS.md for why).
"""

from __future__ import annotations

import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any

from textlint.config import Config
from textlint.corpus.readers import Record
from textlint.document import Document
from textlint.issues import Severity
from textlint.linter import Linter
from textlint.reporters.json import JsonObject, file_entry
from textlint.results import FileResult, per_1000_words

CHUNK = 8  # records per task sent to a worker: few enough to keep the progress bar moving
WINDOW = 4  # tasks in flight per worker: enough to keep workers busy, bounded memory


@dataclass(frozen=True)
class Digest:
    """What the summary needs of a record's output entry; small, so workers send it cheaply."""

    id: Any
    line: int
    words: int
    artifacts: int
    score: float  # artifacts per 1,000 words
    kept: bool
    rules: tuple[str, ...]  # the rule of each issue
    worst: Severity | None  # the highest severity among the issues
    unchecked: tuple[str, ...] = ()  # why a check (grammar) could not run on some field

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> Digest:
        issues = [issue for part in entry["fields"].values() for issue in part["issues"]]
        severities = [Severity.parse(issue["severity"]) for issue in issues]
        return cls(
            id=entry["id"],
            line=entry["line"],
            words=entry["words"],
            artifacts=entry["artifacts"],
            score=entry["artifacts_per_1000_words"],
            kept=bool(entry.get("kept")),
            rules=tuple(issue["rule"] for issue in issues),
            worst=max(severities, default=None),
            unchecked=tuple(
                f"{item['check']} not checked: {item['reason']}"
                for part in entry["fields"].values()
                for item in part.get("unchecked", ())
            ),
        )

    @property
    def complete(self) -> bool:
        return not self.unchecked


@dataclass(frozen=True)
class Linted:
    """A record's output line and its digest for the summary.

    The line is encoded where the record was linted: a worker sends back one string and a
    small digest, not the nested entry, so the parent process stays light.
    """

    line: str
    digest: Digest


@dataclass(frozen=True)
class LinterSetup:
    """What a process needs to build its record linter; sent to each worker."""

    config: Config
    label: str  # the corpus path as given, the prefix of each field's document path
    markup: str = "text"  # how field values are read: text, markdown or html
    keep_below: float | None = None  # records scoring below it are marked `kept`


class RecordLinter:
    def __init__(self, setup: LinterSetup) -> None:
        self.linter = Linter(setup.config)
        self.label = setup.label
        self.markup = setup.markup
        self.keep_below = setup.keep_below

    def lint(self, record: Record) -> Linted:
        results = {
            name: self.linter.lint(Document(text=text, path=f"{self.label}#{record.id}/{name}"), self.markup)
            for name, text in record.texts.items()
        }
        entry = record_entry(record, results)
        if self.keep_below is not None:
            entry["kept"] = entry["artifacts_per_1000_words"] < self.keep_below
        return Linted(json.dumps(entry, ensure_ascii=False), Digest.of(entry))


def record_entry(record: Record, results: dict[str, FileResult]) -> JsonObject:
    """The output line of a record: totals over its fields, then each field as in `check` JSON.

    `complete` is false when a check could not run on some field (its `unchecked` says which
    and why): a resumed run checks that record again.
    """
    words = sum(result.words for result in results.values())
    artifacts = sum(result.artifacts for result in results.values())
    return {
        "id": record.id,
        "line": record.line,
        "words": words,
        "issues": sum(len(result.issues) for result in results.values()),
        "artifacts": artifacts,
        "artifacts_per_1000_words": per_1000_words(artifacts, words),
        "complete": all(result.complete for result in results.values()),
        "fields": {name: file_entry(result) for name, result in results.items()},
    }


def lint_in_order(
    records: Iterable[Record], setup: LinterSetup, jobs: int
) -> Iterator[tuple[Record, Linted]]:
    """Each record with its result, in input order, reading ahead only a bounded window."""
    if jobs <= 1:
        linter = RecordLinter(setup)
        for record in records:
            yield record, linter.lint(record)
        return
    # spawn, not fork: the parent may hold threads (tqdm's monitor) and open SQLite handles.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(setup,)) as pool:
        pending: deque[tuple[list[Record], AsyncResult[list[Linted]]]] = deque()
        iterator = iter(records)
        while chunk := list(islice(iterator, CHUNK)):
            pending.append((chunk, pool.apply_async(_lint_chunk, (chunk,))))
            if len(pending) >= jobs * WINDOW:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(chunk: list[Record], result: AsyncResult[list[Linted]]) -> Iterator[tuple[Record, Linted]]:
    yield from zip(chunk, result.get(), strict=True)


# -- worker processes -------------------------------------------------------------------

_worker: RecordLinter | None = None
_worker_error: BaseException | None = None


def _start_worker(setup: LinterSetup) -> None:
    global _worker, _worker_error  # noqa: PLW0603 - one linter per worker process
    # Ctrl-C reaches the whole process group; the parent alone handles it and ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker = RecordLinter(setup)
    except Exception as error:
        # Raised again by the first task, in the parent: a failing initializer would make
        # the pool respawn workers forever.
        _worker_error = error


def _lint_chunk(chunk: list[Record]) -> list[Linted]:
    if _worker is None:
        raise _worker_error or RuntimeError("corpus worker was not started")
    return [_worker.lint(record) for record in chunk]
