"""Reading a corpus file record by record: JSONL, CSV and Parquet, plain or gzip-compressed.

A reader yields, in input order, either a `Record` (its id and the text of every requested
field) or a `Malformed` entry saying which line (or Parquet row) could not be used and why.
Bad records never stop a reader; only a file that cannot be opened or decoded as a whole
raises `InputError`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO, cast

from textlint.errors import InputError

RecordId = str | int
FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
}
KINDS = ("jsonl", "csv", "parquet")
STDIN = "-"
PARQUET_BATCH = 1024
# csv's default field limit (128 KiB) would turn a long article into a "malformed" record.
CSV_FIELD_LIMIT = 1 << 30
# A field named on the command line that none of the first records has is a typo: say so
# once, before any record is reported as skipped for lacking it.
PEEK_RECORDS = 100
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Record:
    """One usable record: where it starts, its id, and the text of each requested field."""

    line: int
    id: RecordId
    texts: Mapping[str, str]
    # The record as read (a JSONL line, or a CSV/Parquet row), for --output-clean.
    source: str | Mapping[str, Any]

    def original(self) -> str:
        """The record as one JSON line: a JSONL line unchanged, a row as a JSON object."""
        if isinstance(self.source, str):
            return self.source
        return json.dumps(dict(self.source), ensure_ascii=False, default=str)


@dataclass(frozen=True)
class Malformed:
    """A record that was skipped, with the line (or Parquet row) where it starts."""

    line: int
    reason: str


Entry = Record | Malformed


def unit_of(kind: str) -> str:
    """What record positions count: lines of the file, or rows of a Parquet table."""
    return "row" if kind == "parquet" else "line"


@dataclass(frozen=True)
class Source:
    """A corpus file (or standard input) and how to read it."""

    name: str  # as given on the command line: a path, or `-` for standard input
    format: str
    path: Path | None  # None for standard input

    @property
    def unit(self) -> str:
        return unit_of(self.format)


def corpus_format(name: str, given: str | None = None) -> str:
    """The format `--format` gives, else the one the name's ending says; a clear error otherwise."""
    if given is not None:
        return given
    lowered = name.lower()
    kind = next((kind for suffix, kind in FORMATS.items() if lowered.endswith(suffix)), None)
    if kind is None:
        formats = "|".join(KINDS)
        if name == STDIN:
            raise InputError(f"standard input: unknown corpus format (give --format {formats})")
        known = ", ".join(FORMATS)
        raise InputError(
            f"{name}: unknown corpus format (expected a name ending in {known}, or give --format {formats})"
        )
    return kind


def open_source(name: str, given_format: str | None = None) -> Source:
    """The corpus at `name` (`-`: standard input) with its format; a clear error otherwise."""
    kind = corpus_format(name, given_format)
    if name == STDIN:
        return Source(name, kind, None)
    file = Path(name)
    if not file.exists():
        raise InputError(f"{name}: no such file or directory")
    if not file.is_file():
        raise InputError(f"{name}: not a file")
    return Source(name, kind, file)


def read_records(
    source: Source, fields: Sequence[str], id_field: str | None, whole_rows: bool = False
) -> Iterator[Entry]:
    """Every record of `source` in order; `whole_rows` keeps every column of CSV/Parquet rows."""
    if source.format == "parquet" and source.path is None:
        # Parquet needs to seek (its footer comes last): standard input is read whole.
        yield from parse_stream(io.BytesIO(sys.stdin.buffer.read()), source, fields, id_field, whole_rows)
        return
    with _open_binary(source.path) as stream:
        yield from parse_stream(stream, source, fields, id_field, whole_rows)


def parse_stream(
    stream: BinaryIO,
    source: Source,
    fields: Sequence[str],
    id_field: str | None,
    whole_rows: bool = False,
) -> Iterator[Entry]:
    """The records of an open, uncompressed stream (seekable for Parquet) in `source`'s format."""
    picker = _Picker(fields, id_field)
    try:
        if source.format == "jsonl":
            yield from _jsonl(stream, picker, source.name)
        elif source.format == "csv":
            yield from _csv(stream, picker, source.name)
        else:
            yield from _parquet(stream, picker, whole_rows, source.name)
    except (OSError, EOFError, zlib.error) as error:
        # A truncated or corrupt gzip stream, or a read failure: the rest is unreadable.
        raise InputError(f"{source.name}: cannot read further ({_describe(error)})") from None
    picker.require_some_usable(source.name)


def count_records(source: Source) -> int | None:
    """How many records the file holds (non-blank lines, CSV rows, Parquet rows): for progress.

    None for standard input, which can be read only once."""
    if source.path is None:
        return None
    if source.format == "parquet":
        return int(_parquet_file(source.path, source.name).metadata.num_rows)
    with _open_binary(source.path) as stream:
        if source.format == "jsonl":
            return sum(1 for line in stream if line.strip())
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
        return max(sum(1 for _ in csv.reader(text)) - 1, 0)


class _Picker:
    """Turns a decoded record (a mapping) into a Record or a Malformed entry."""

    def __init__(self, fields: Sequence[str], id_field: str | None) -> None:
        self.fields = tuple(fields)
        self.id_field = id_field
        self.records = 0  # records decoded, usable or not
        self.usable: Counter[str] = Counter()  # per field: records where it was usable

    def pick(self, line: int, row: Mapping[str, Any], source: str | Mapping[str, Any]) -> Entry:
        self.records += 1
        problems = {name: _text_problem(row, name) for name in self.fields}
        self.usable.update(name for name, problem in problems.items() if problem is None)
        record_id: Any = line
        if self.id_field is not None:
            record_id = row.get(self.id_field)
            # bool is an int subclass, but `true` is no id.
            if isinstance(record_id, bool) or not isinstance(record_id, str | int):
                missing = self.id_field not in row
                problems[self.id_field] = "is missing" if missing else f"is {_type_name(record_id)}"
            else:
                self.usable[self.id_field] += 1
        for name, problem in problems.items():
            if problem is not None:
                return Malformed(
                    line, f"{'id field' if name == self.id_field else 'field'} {name!r} {problem}"
                )
        return Record(line, record_id, {name: row[name] for name in self.fields}, source)

    @property
    def wanted(self) -> list[str]:
        return [*self.fields, *([self.id_field] if self.id_field else [])]

    def require_some_usable(self, name: str) -> None:
        """A field usable in no record at all is a mistake on the command line, not bad data."""
        unusable = [field for field in self.wanted if self.usable[field] == 0]
        if self.records and unusable:
            raise InputError(f"{name}: no record has a usable field {unusable[0]!r}")

    def require_columns(self, columns: Iterable[str], name: str) -> None:
        """A table whose header lacks a requested column has no usable record: fail at once."""
        present = set(columns)
        missing = [field for field in self.wanted if field not in present]
        if missing:
            listed = ", ".join(sorted(present)) or "none"
            raise InputError(f"{name}: no column {missing[0]!r} (columns: {listed})")


Decoded = tuple[int, dict[str, Any], str] | Malformed  # (line, object, the line as read)


def _jsonl(stream: BinaryIO, picker: _Picker, name: str) -> Iterator[Entry]:
    decoded = _jsonl_objects(stream)
    first = list(islice(decoded, PEEK_RECORDS))
    _require_fields_in(first, picker, name)
    for item in chain(first, decoded):
        yield item if isinstance(item, Malformed) else picker.pick(item[0], item[1], item[2])


def _require_fields_in(first: list[Decoded], picker: _Picker, name: str) -> None:
    """Fail at once when none of the first records has a requested field, naming those they have."""
    objects = [item[1] for item in first if not isinstance(item, Malformed)]
    present = {key for value in objects for key in value}
    missing = [field for field in picker.wanted if field not in present]
    if objects and missing:
        listed = ", ".join(sorted(present)) or "none"
        count = f"the first {len(objects)} records" if len(objects) > 1 else "the first record"
        raise InputError(f"{name}: no field {missing[0]!r} in {count} (their fields: {listed})")


def _jsonl_objects(stream: BinaryIO) -> Iterator[Decoded]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue  # blank lines separate nothing in JSONL; they are not records
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            yield Malformed(number, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield Malformed(number, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(value, dict):
            yield Malformed(number, f"not a JSON object ({_type_name(value)})")
            continue
        yield number, value, line


def _csv(stream: BinaryIO, picker: _Picker, name: str) -> Iterator[Entry]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    # Undecodable bytes become surrogates, so one bad row is reported, not the whole file.
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise InputError(f"{name}: unreadable CSV header ({error})") from None
    picker.require_columns(header, name)
    yield from _csv_rows(reader, header, picker)


def _csv_rows(reader: Any, header: list[str], picker: _Picker) -> Iterator[Entry]:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Malformed(start, f"bad CSV row ({error})")
            continue
        if not row:
            continue  # a blank line
        if len(row) != len(header):
            yield Malformed(start, f"{len(row)} columns where the header has {len(header)}")
            continue
        values = dict(zip(header, row, strict=True))
        yield picker.pick(start, values, values)


def _parquet(stream: BinaryIO, picker: _Picker, whole_rows: bool, name: str) -> Iterator[Entry]:
    table = _parquet_file(stream, name)
    picker.require_columns(table.schema_arrow.names, name)
    columns = None if whole_rows else list(dict.fromkeys(picker.wanted))
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        for row in batch.to_pylist():
            number += 1
            yield picker.pick(number, row, row)


def _parquet_file(file: BinaryIO | Path, name: str) -> Any:
    try:
        import pyarrow.parquet
    except ImportError:
        raise InputError(f"{name}: reading Parquet needs pyarrow (pip install 'textlint[parquet]')") from None
    try:
        return pyarrow.parquet.ParquetFile(file)
    except (OSError, pyarrow.ArrowException) as error:
        raise InputError(f"{name}: not a readable Parquet file ({_describe(error)})") from None


def _open_binary(path: Path | None) -> BinaryIO:
    """The file (or standard input), decompressed when it starts as a gzip stream does."""
    raw = sys.stdin.buffer if path is None else path.open("rb")
    stream = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
    if stream.peek(2)[:2] == _GZIP_MAGIC:
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    return cast(BinaryIO, stream)


def _text_problem(row: Mapping[str, Any], name: str) -> str | None:
    """Why `row[name]` is no text to lint, or None when it is."""
    if name not in row:
        return "is missing"
    value = row[name]
    if not isinstance(value, str):
        return f"is {_type_name(value)}, not a string"
    if _has_surrogates(value):
        # Undecodable CSV bytes, or a lone surrogate escaped in JSON: unwritable text.
        return "is not valid UTF-8 text"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _type_name(value: object) -> str:
    names: dict[type, str] = {type(None): "null", bool: "a boolean", int: "a number", float: "a number"}
    names |= {list: "an array", dict: "an object", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
