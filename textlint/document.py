"""A source text as checkers see it: the decoded text, its line index and its scopes.

The original text is kept as it was read (CRLF included, BOM removed and remembered), so
that every offset in the project indexes the same string and fixes can be written back
byte for byte outside their spans.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from textlint.errors import InputError
from textlint.sourcemap import SourceMap

BOM = "\ufeff"
STDIN = "-"
SCOPES = ("text", "heading", "quote")
_NEWLINE = re.compile("\n")
T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """A region of the text with a scope name (`text`, `heading`, `quote`)."""

    start: int
    end: int
    scope: str = "text"


@dataclass
class Document:
    """Decoded text plus everything derived from it once."""

    text: str
    path: str = "<string>"
    had_bom: bool = False
    # Blocks of prose a front end (Markdown, HTML) found, with their scopes; None: all text.
    regions: Sequence[Span] | None = None
    # Places no issue may touch (placeholders for code and URLs, suppression comments).
    ignored: Sequence[Span] = field(default_factory=tuple)
    # Text the markup set in italics (titles of works, foreign words quoted on purpose).
    emphasis: Sequence[Span] = field(default_factory=tuple)
    # For a front end's prose view: where each offset of `text` comes from in the file.
    source_map: SourceMap | None = None
    # What checkers work out once per document (see `memo`); never part of equality.
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)

    @cached_property
    def spans(self) -> tuple[Span, ...]:
        if self.regions is None:
            return (Span(0, len(self.text), "text"),)
        return tuple(self.regions)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def scope_at(self, offset: int) -> str | None:
        """The scope of the region holding `offset`, or None outside every region."""
        for span in self.spans:
            if span.start <= offset < span.end or span.start == offset == span.end:
                return span.scope
        return None

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """What `compute` gives for this document, computed once per key.

        Rules are shared by every document and thread; what a kind learns about one document
        lives here, with the document, instead of on the rule.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def is_ignored(self, start: int, end: int) -> bool:
        return any(span.start < end and start < span.end for span in self.ignored)

    def encode(self, text: str) -> bytes:
        """Bytes to write back for a (fixed) text: same BOM, same encoding."""
        return ((BOM if self.had_bom else "") + text).encode("utf-8")


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


def decode(data: bytes, path: str) -> Document:
    """Decode UTF-8 bytes into a Document, refusing binary data with a clear error."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    had_bom = text.startswith(BOM)
    return Document(text=text[1:] if had_bom else text, path=path, had_bom=had_bom)


def read_document(path: str) -> Document:
    """Read a file (or stdin for `-`) into a Document."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return decode(data, path)
