"""The output files of a corpus run, and picking up where an interrupted run stopped.

Every record is written as one line, flushed at once, so an interrupted run loses at most
the record in flight. A line without its final newline is the one that was in flight: a
resumed run cuts it off and lints that record again. The clean file (`--output-clean`) is
written before the output line of the same record, so after an interruption it holds at
most one record more than the output says were kept; resuming drops that one.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from textlint.errors import InputError
from textlint.reporters.json import JsonObject
from textlint.writer import write_atomically


def cut_truncated_tail(path: Path) -> bool:
    """Remove a last line left without its newline; True when there was one."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    end = _complete_length(path, size)
    if end == size:
        return False
    try:
        os.truncate(path, end)
    except OSError as error:
        raise InputError(f"{path}: cannot repair the truncated last line ({error.strerror})") from None
    return True


def _complete_length(path: Path, size: int) -> int:
    """The length of the file up to and including its last newline, read from the end."""
    block = 1 << 16
    with path.open("rb") as stream:
        position = size
        while position > 0:
            start = max(position - block, 0)
            stream.seek(start)
            found = stream.read(position - start).rfind(b"\n")
            if found >= 0:
                return start + found + 1
            position = start
    return 0


def previous_entries(path: Path) -> Iterator[JsonObject]:
    """The records of an earlier run's output (complete lines only), in order."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if not isinstance(entry, dict) or "id" not in entry or "fields" not in entry:
                raise InputError(
                    f"{path}:{number}: not a textlint corpus record; refusing to resume into this file"
                )
            yield entry


def align_clean(path: Path, kept: int) -> bool:
    """Make the clean file hold exactly the `kept` records; True when a line was dropped."""
    dropped = cut_truncated_tail(path)
    lines = _line_ends(path)
    if len(lines) == kept + 1:
        os.truncate(path, lines[kept - 1] if kept else 0)
        return True
    if len(lines) != kept:
        raise InputError(
            f"{path}: holds {len(lines)} records but the output says {kept} were kept; "
            "remove both files to start over"
        )
    return dropped


def drop_incomplete(out_path: Path, clean_path: Path | None) -> int:
    """Remove the records some check could not run on (and their clean copies): resuming checks
    them again. Both files are rewritten atomically; returns how many records were dropped."""
    entries = list(output_lines(out_path))
    if all(json.loads(line).get("complete", True) for line in entries):
        return 0
    clean = iter(output_lines(clean_path)) if clean_path is not None else iter(())
    kept_out, kept_clean = [], []
    for line in entries:
        entry = json.loads(line)
        clean_line = next(clean, None) if entry.get("kept") else None
        if entry.get("complete", True):
            kept_out.append(line)
            if clean_line is not None:
                kept_clean.append(clean_line)
    if clean_path is not None:
        write_atomically(clean_path, "".join(kept_clean).encode("utf-8"), what="the clean output")
    write_atomically(out_path, "".join(kept_out).encode("utf-8"), what="the output")
    return len(entries) - len(kept_out)


def output_lines(path: Path | None) -> Iterator[str]:
    """The non-blank lines of an output file, with their newlines."""
    if path is None or not path.exists():
        return
    with path.open(encoding="utf-8") as stream:
        yield from (line for line in stream if line.strip())


def _line_ends(path: Path) -> list[int]:
    """The offset just after each line of the file."""
    ends, offset = [], 0
    if path.exists():
        with path.open("rb") as stream:
            for line in stream:
                offset += len(line)
                ends.append(offset)
    return ends


def open_lines(path: Path | None, append: bool) -> TextIO:
    """A line-buffered text stream for records: the file, or standard output for None."""
    if path is None:
        return sys.stdout
    try:
        return path.open("a" if append else "w", encoding="utf-8", buffering=1)
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror})") from None


def write_line(stream: TextIO, line: str) -> None:
    stream.write(line + "\n")
    stream.flush()
