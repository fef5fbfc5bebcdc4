"""Choosing which records a run lints: unique ids, the first N, or a reproducible sample,
less those an earlier run already wrote.

Each stage passes `Malformed` entries through untouched, so every bad record that was read
is still reported. The local engine runs these stages where it reads; the Ray engine in the
task that reads the file, so both lint the same records.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textlint.corpus.readers import Entry, Malformed, Record, RecordId


@dataclass(frozen=True)
class Wanted:
    """Which fields of which records a run lints."""

    fields: tuple[str, ...]
    id_field: str | None = None
    whole_rows: bool = False  # keep every column of CSV/Parquet rows (for --output-clean)
    limit: int | None = None
    sample: int | None = None
    seed: int = 0
    done: frozenset[str] = frozenset()  # `id_key`s of the records an earlier run wrote


def choose(entries: Iterable[Entry], unit: str, wanted: Wanted) -> Iterator[Entry]:
    """The malformed entries and the records to lint, in input order."""
    entries = unique_ids(entries, unit)
    if wanted.limit is not None:
        entries = first(entries, wanted.limit)
    elif wanted.sample is not None:
        entries = sample(entries, wanted.sample, wanted.seed)
    for entry in entries:
        if isinstance(entry, Malformed) or id_key(entry.id) not in wanted.done:
            yield entry


def id_key(record_id: RecordId) -> str:
    """A record id as a set key that tells the number 7 from the string "7"."""
    return json.dumps(record_id, ensure_ascii=False)


def unique_ids(entries: Iterable[Entry], unit: str) -> Iterator[Entry]:
    """Records with an id seen before become Malformed: resuming by id needs ids to be unique."""
    first_seen: dict[str, int] = {}
    for entry in entries:
        if isinstance(entry, Record):
            key = id_key(entry.id)
            if key in first_seen:
                yield Malformed(entry.line, f"duplicate id {key} (first at {unit} {first_seen[key]})")
                continue
            first_seen[key] = entry.line
        yield entry


def first(entries: Iterable[Entry], limit: int) -> Iterator[Entry]:
    """Entries up to and including the `limit`-th record; reading stops there."""
    if limit <= 0:
        return
    taken = 0
    for entry in entries:
        yield entry
        if isinstance(entry, Record):
            taken += 1
            if taken == limit:
                return


def sample(entries: Iterable[Entry], size: int, seed: int) -> Iterator[Entry]:
    """`size` records drawn uniformly (reservoir sampling), then yielded in input order.

    The same file, size and seed always give the same records, so a sampled run can resume.
    """
    rng = random.Random(seed)
    chosen: list[Record] = []
    seen = 0
    for entry in entries:
        if isinstance(entry, Malformed):
            yield entry
            continue
        seen += 1
        if len(chosen) < size:
            chosen.append(entry)
        else:
            slot = rng.randrange(seen)
            if slot < size:
                chosen[slot] = entry
    yield from sorted(chosen, key=lambda record: record.line)
