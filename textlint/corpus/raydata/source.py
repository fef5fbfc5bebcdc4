"""Reading a corpus file with Ray Data: the local engine's readers, in a Ray read task.

Ray's own `read_json` and `read_csv` type and reshape the data (a CSV column of digits
becomes numbers, one bad JSON line fails the whole read, positions are lost); the corpus
contract needs each record's line, its id as written, and every malformed line reported and
skipped. So Ray lists and opens the file (local paths and every filesystem Ray supports,
decompressing `.gz` as it does) and textlint's own readers parse it, then choose the
records (unique ids, `--limit`, `--sample`, not already in the output) as the local engine
does. One file is read by one task, in order.

Each row carries one entry, pickled: Ray moves the same Python objects the local engine's
worker processes receive, and the block schema stays one binary column. A read error ends
the stream with a `ReadFailure` row, so the driver reports it after the records before it,
as the local engine does, instead of Ray failing the whole job.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import pyarrow
from ray.data.block import Block
from ray.data.datasource import FileBasedDatasource

from textlint.corpus.readers import Entry, Source, parse_stream
from textlint.corpus.sampling import Wanted, choose
from textlint.errors import InputError

COLUMN = "entry"


@dataclass(frozen=True)
class ReadFailure:
    """The file could not be read further (or at all): the message to stop the run with."""

    message: str


class CorpusDatasource(FileBasedDatasource):
    """`location` is what Ray opens (an absolute path or a URI); `source` names it in messages."""

    def __init__(self, location: str, source: Source, wanted: Wanted, block_rows: int) -> None:
        super().__init__(location)
        self.source = source
        self.wanted = wanted
        self.block_rows = block_rows

    def _open_input_source(self, filesystem: Any, path: str, **open_args: Any) -> Any:
        if self.source.format == "parquet":
            return filesystem.open_input_file(path)  # Parquet needs to seek to its footer
        return super()._open_input_source(filesystem, path, **open_args)

    def _read_stream(self, f: pyarrow.NativeFile, path: str) -> Iterator[Block]:
        stream = f if self.source.format == "parquet" else io.BufferedReader(f)
        wanted = self.wanted
        rows: list[bytes] = []
        try:
            parsed = parse_stream(
                cast(Any, stream), self.source, wanted.fields, wanted.id_field, wanted.whole_rows
            )
            for entry in choose(parsed, self.source.unit, wanted):
                rows.append(_packed(entry))
                if len(rows) == self.block_rows:
                    yield _block(rows)
                    rows = []
        except InputError as error:
            rows.append(_packed(ReadFailure(str(error))))
        if rows:
            yield _block(rows)


def _packed(item: Entry | ReadFailure) -> bytes:
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def _block(rows: list[bytes]) -> Block:
    return pyarrow.table({COLUMN: pyarrow.array(rows, pyarrow.binary())})
