"""Choosing which records a run lints: unique ids, the first N, or a reproducible sample.

Each stage passes `Malformed` entries through untouched, so every bad record that was read
is still reported.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator

from textlint.corpus.readers import Entry, Malformed, Record, RecordId


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
