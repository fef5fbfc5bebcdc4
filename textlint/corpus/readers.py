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
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
PARQUET_BATCH = 1024
# csv's default field limit (128 KiB) would turn a long article into a "malformed" record.
CSV_FIELD_LIMIT = 1 << 30


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


@dataclass(frozen=True)
class Source:
    """A corpus file and how to read it."""

    path: Path
    format: str

    @property
    def unit(self) -> str:
        """What record positions count: lines of the file, or rows of a Parquet table."""
        return "row" if self.format == "parquet" else "line"


def open_source(path: str) -> Source:
    """The corpus at `path`, with its format from the file name; a clear error otherwise."""
    file = Path(path)
    name = file.name.lower()
    kind = next((kind for suffix, kind in FORMATS.items() if name.endswith(suffix)), None)
    if kind is None:
        known = ", ".join(FORMATS)
        raise InputError(f"{path}: unknown corpus format (expected a name ending in {known})")
    if not file.exists():
        raise InputError(f"{path}: no such file or directory")
    if not file.is_file():
        raise InputError(f"{path}: not a file")
    return Source(file, kind)


def read_records(
    source: Source, fields: Sequence[str], id_field: str | None, whole_rows: bool = False
) -> Iterator[Entry]:
    """Every record of `source` in order; `whole_rows` keeps every column of CSV/Parquet rows."""
    picker = _Picker(fields, id_field)
    try:
        if source.format == "jsonl":
            yield from _jsonl(source.path, picker)
        elif source.format == "csv":
            yield from _csv(source.path, picker)
        else:
            yield from _parquet(source.path, picker, whole_rows)
    except (OSError, EOFError, zlib.error) as error:
        # A truncated or corrupt gzip stream, or a read failure: the rest is unreadable.
        raise InputError(f"{source.path}: cannot read further ({_describe(error)})") from None
    picker.require_some_usable(source.path)


def count_records(source: Source) -> int:
    """How many records the file holds (non-blank lines, CSV rows, Parquet rows): for progress."""
    if source.format == "parquet":
        return int(_parquet_file(source.path).metadata.num_rows)
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

    def require_some_usable(self, path: Path) -> None:
        """A field usable in no record at all is a mistake on the command line, not bad data."""
        wanted = [*self.fields, *([self.id_field] if self.id_field else [])]
        unusable = [name for name in wanted if self.usable[name] == 0]
        if self.records and unusable:
            raise InputError(f"{path}: no record has a usable field {unusable[0]!r}")

    def require_columns(self, columns: Iterable[str], path: Path) -> None:
        """A table whose header lacks a requested column has no usable record: fail at once."""
        present = set(columns)
        wanted = [*self.fields, *([self.id_field] if self.id_field else [])]
        missing = [name for name in wanted if name not in present]
        if missing:
            listed = ", ".join(sorted(present)) or "none"
            raise InputError(f"{path}: no column {missing[0]!r} (columns: {listed})")


def _jsonl(path: Path, picker: _Picker) -> Iterator[Entry]:
    with _open_binary(path) as stream:
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
            yield picker.pick(number, value, line)


def _csv(path: Path, picker: _Picker) -> Iterator[Entry]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    with _open_binary(path) as stream:
        # Undecodable bytes become surrogates, so one bad row is reported, not the whole file.
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(f"{path}: unreadable CSV header ({error})") from None
        picker.require_columns(header, path)
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


def _parquet(path: Path, picker: _Picker, whole_rows: bool) -> Iterator[Entry]:
    table = _parquet_file(path)
    picker.require_columns(table.schema_arrow.names, path)
    wanted = [*picker.fields, *([picker.id_field] if picker.id_field else [])]
    columns = None if whole_rows else list(dict.fromkeys(wanted))
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        for row in batch.to_pylist():
            number += 1
            yield picker.pick(number, row, row)


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow (pip install 'textlint[parquet]')") from None
    try:
        return pyarrow.parquet.ParquetFile(path)
    except (OSError, pyarrow.ArrowException) as error:
        raise InputError(f"{path}: not a readable Parquet file ({_describe(error)})") from None


def _open_binary(path: Path) -> gzip.GzipFile | io.BufferedReader:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


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
