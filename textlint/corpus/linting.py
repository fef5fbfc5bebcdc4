"""Linting records, in this process or in worker processes, with results in input order.

Each field of a record is linted as a plain-text `Document` of its own, so issue offsets
count from the start of the field. Worker processes (and the Ray engine's actors) each build
their own `Linter`; with LanguageTool the workers of a machine are all clients of its one
managed server (see BENCHMARKS.md for why).
"""

from __future__ import annotations

import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, cast

from textlint.config import Config
from textlint.corpus.readers import Entry, Malformed, Record
from textlint.document import Document
from textlint.errors import CheckUnavailableError
from textlint.issues import Severity
from textlint.linter import Linter
from textlint.reporters.json import JsonObject, file_entry
from textlint.results import FileResult, per_1000_words
from textlint.yamlrules.matching import time_rules_by_signal

CHUNK = 8  # records per task sent to a worker: few enough to keep the progress bar moving
WINDOW = 4  # tasks in flight per worker: enough to keep workers busy, bounded memory
# Records a process sends LanguageTool at once, from as many threads: the server checks
# requests on its own threads, and a single client waiting for each answer in turn leaves
# all but one of its cores idle.
GRAMMAR_THREADS = 4


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
    original: str | None = None  # the record as read, when it is kept for --output-clean


Outcome = Linted | Malformed  # what a run writes or reports, for each entry read


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
        original = record.original() if entry.get("kept") else None
        return Linted(json.dumps(entry, ensure_ascii=False), Digest.of(entry), original)

    def lint_entries(self, entries: Sequence[Entry]) -> list[Outcome]:
        """Each record's result, malformed entries passed through, in order.

        Records grammar could not be checked in are linted once more after the grammar
        checker has recovered (a dead managed server restarted, the back-off ended): a server
        that failed during a batch costs a restart, not a burst of unchecked records. Those
        that fail again are returned as they are, marked incomplete.
        """
        outcomes = self._lint_all(entries)
        failed = [
            i for i, done in enumerate(outcomes) if isinstance(done, Linted) and not done.digest.complete
        ]
        if failed and self._grammar_recovered():
            for index in failed:
                outcomes[index] = self.lint(cast(Record, entries[index]))
        return outcomes

    def _lint_all(self, entries: Sequence[Entry]) -> list[Outcome]:
        """Each entry's outcome, in order; with LanguageTool, several records at once."""

        def one(entry: Entry) -> Outcome:
            return entry if isinstance(entry, Malformed) else self.lint(entry)

        if len(entries) < 2 or not self.linter.wants_grammar:
            return [one(entry) for entry in entries]
        with ThreadPoolExecutor(GRAMMAR_THREADS) as threads:  # the Linter is shared by threads
            return list(threads.map(one, entries))

    def _grammar_recovered(self) -> bool:
        grammar = self.linter.grammar
        if grammar is None:
            return False
        try:
            grammar.recover()
        except CheckUnavailableError:
            return False  # no server to be had: the records stay unchecked, and say why
        return True


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


def lint_in_order(entries: Iterable[Entry], setup: LinterSetup, jobs: int) -> Iterator[Outcome]:
    """The outcome of each entry, in input order, reading ahead only a bounded window."""
    iterator = iter(entries)
    if jobs <= 1:
        linter = RecordLinter(setup)
        # Each record is written as soon as it is linted; with LanguageTool a few records are
        # linted together, so that the server has several requests to work on.
        size = GRAMMAR_THREADS if linter.linter.wants_grammar else 1
        while batch := list(islice(iterator, size)):
            yield from linter.lint_entries(batch)
        return
    # spawn, not fork: the parent may hold threads (tqdm's monitor) and open SQLite handles.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(setup,)) as pool:
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        while chunk := list(islice(iterator, CHUNK)):
            pending.append(pool.apply_async(_lint_chunk, (chunk,)))
            if len(pending) >= jobs * WINDOW:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# -- worker processes -------------------------------------------------------------------

_worker: RecordLinter | None = None
_worker_error: BaseException | None = None


def _start_worker(setup: LinterSetup) -> None:
    global _worker, _worker_error  # noqa: PLW0603 - one linter per worker process
    # Ctrl-C reaches the whole process group; the parent alone handles it and ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    time_rules_by_signal()  # a worker process is textlint's from start to end (see matching)
    try:
        _worker = RecordLinter(setup)
    except Exception as error:
        # Raised again by the first task, in the parent: a failing initializer would make
        # the pool respawn workers forever.
        _worker_error = error


def _lint_chunk(chunk: list[Entry]) -> list[Outcome]:
    if _worker is None:
        raise _worker_error or RuntimeError("corpus worker was not started")
    return _worker.lint_entries(chunk)
