"""Sequences stored as one block of bytes and turned into Python objects item by item, on use.

The compiled-rules cache (`compiled.py`) must read a rule checker back in about the same time
whatever the size of its entity registries. Unpickling tens of thousands of small objects
(each phrase's payload, each entity) costs time in proportion to their number, and a
document only ever meets a few of them. A `Packed` sequence keeps its items pickled by pages of
`PAGE`, each compressed (a quarter of the bytes to read and checksum; a page inflates in
tens of microseconds), inside one `bytes` object, with the pages' offsets in an array:
reading it from the cache copies two buffers, and a page becomes Python objects the first
time one of its items is asked for, then is kept. Items most of which a document needs, like
the rules of a checker that runs on it, are better stored as they are: inflating them all
would cost more than reading the bytes compression saves.

Pages are pickled by the compiled-rules cache's own pickler (`stored.py`): a compiled regex
in an item is rebuilt when first used, not when its page is decoded.

Items may refer to objects shared by the whole sequence (the rules of a checker): these are
pickled as references (`persistent_id`) to their place in `shared`, and resolved against the
objects of the process that reads them (`persistent_load`), so a decoded payload points at
the very rule the checker runs, never at a copy of it. Anything else an item refers to is
pickled with it.

One rule set serves many threads. Decoding a page changes nothing but the memo, and only by
adding a whole page (`dict.setdefault`): two threads that decode the same page at once each
build it, and both get the one the memo kept.
"""

from __future__ import annotations

import io
import pickle
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, overload

from textlint.yamlrules.stored import CachePickler

T = TypeVar("T")


# Items pickled together: their classes' names are written once per page, but a document
# decodes every item of each page it needs. The phrases of an article fall on some 30 pages
# whatever their size; pages of 16 decode in half the time pages of 64 take (BENCHMARKS.md).
PAGE = 16


class Packed(Sequence[T]):
    """A read-only sequence whose items are unpickled a page at a time, on first use (memoised)."""

    def __init__(
        self, items: Iterable[T], shared: Sequence[object] = (), page: int = PAGE, compress: bool = True
    ) -> None:
        """`shared`: objects the items refer to that must stay references (a checker's rules);
        `page`: items per page (1 for large items that are each used on their own);
        `compress`: whether pages are stored compressed."""
        self._shared = shared
        self._page = page
        self._compress = compress
        live = list(items)
        self._length = len(live)
        # Built here: every page is already decoded.
        self._pages: dict[int, list[T]] = {
            number: live[number * page : (number + 1) * page] for number in range(-(-self._length // page))
        }
        self._blob: bytes | None = None
        self._offsets: array[int] | None = None

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[place] for place in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        number, place = divmod(index, self._page)
        page = self._pages.get(number)
        if page is None:
            page = self._pages.setdefault(number, self._decode(number))
        return page[place]

    def __iter__(self) -> Iterator[T]:
        for index in range(self._length):
            yield self[index]

    def _decode(self, number: int) -> list[T]:
        assert self._blob is not None and self._offsets is not None  # only a read-back sequence decodes
        start, end = self._offsets[number], self._offsets[number + 1]
        data = memoryview(self._blob)[start:end]
        if self._compress:
            data = memoryview(zlib.decompress(data))
        page: list[T] = _Unpickler(io.BytesIO(data), self._shared).load()
        return page

    def __getstate__(self) -> dict[str, object]:
        if self._blob is None:
            pages = [self._pages[number] for number in range(len(self._pages))]
            self._blob, self._offsets = _pack(pages, self._shared, self._compress)
        return {
            "shared": self._shared,
            "blob": self._blob,
            "offsets": self._offsets,
            "length": self._length,
            "page": self._page,
            "compress": self._compress,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self._shared = state["shared"]  # type: ignore[assignment]
        self._blob = state["blob"]  # type: ignore[assignment]
        self._offsets = state["offsets"]  # type: ignore[assignment]
        self._length = state["length"]  # type: ignore[assignment]
        self._page = state["page"]  # type: ignore[assignment]
        self._compress = state["compress"]  # type: ignore[assignment]
        self._pages = {}


def _pack(pages: list[list[T]], shared: Sequence[object], compress: bool) -> tuple[bytes, array[int]]:
    """Each page pickled on its own (shared objects as references), compressed or not, end to end."""
    places = {id(obj): place for place, obj in enumerate(shared)}
    blob = bytearray()
    offsets = array("Q", [0])
    for page in pages:
        buffer = io.BytesIO()
        _Pickler(buffer, places).dump(page)
        blob += zlib.compress(buffer.getvalue(), 1) if compress else buffer.getvalue()
        offsets.append(len(blob))
    return bytes(blob), offsets


class _Pickler(CachePickler):
    def __init__(self, stream: io.BytesIO, places: dict[int, int]) -> None:
        super().__init__(stream)
        self._places = places

    def persistent_id(self, obj: object) -> int | None:
        return self._places.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, stream: io.BytesIO, shared: Sequence[object]) -> None:
        super().__init__(stream)
        self._shared = shared

    def persistent_load(self, pid: object) -> object:
        assert isinstance(pid, int)
        return self._shared[pid]
