"""A source text as checkers see it: the decoded text, its line index and its scopes.

The original text is kept as it was read (CRLF included, BOM removed and remembered), so
that every offset in the project indexes the same string and fixes can be written back
byte for byte outside their spans.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar, cast

from textlint.errors import FileError

if TYPE_CHECKING:  # built by the markup front ends only
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
    """Decode UTF-8 bytes into a Document; other encodings and binary data are refused clearly."""
    other = _other_encoding(data)
    if other is not None:
        raise FileError(path, f"{other} text, not UTF-8; {_convert_hint(other, path)}")
    if b"\x00" in data[:BINARY_PROBE]:
        raise FileError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileError(path, _not_utf8(data, error.start, path)) from None
    had_bom = text.startswith(BOM)
    return Document(text=text[1:] if had_bom else text, path=path, had_bom=had_bom)


# Bytes read to tell a binary file from text, as git and grep do.
BINARY_PROBE = 8192
# Byte-order marks of the Unicode encodings that are not UTF-8, longest first.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# Bytes 0x80-0x9F that Windows-1252 maps to letters and punctuation (curly quotes, €, œ,
# dashes); Latin-1 leaves them as control characters no text uses.
_CP1252_ONLY = re.compile(rb"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")


def _other_encoding(data: bytes) -> str | None:
    """The Unicode encoding a byte-order mark announces, when it is not UTF-8."""
    return next((name for mark, name in _OTHER_BOMS if data.startswith(mark)), None)


def _not_utf8(data: bytes, start: int, path: str) -> str:
    """Why bytes are not UTF-8, with the encoding they look like and how to convert them."""
    line = data.count(b"\n", 0, start) + 1
    where = f"byte 0x{data[start]:02x} on line {line}"
    if _has_utf8_sequences(data):
        return f"not valid UTF-8 ({where}; the rest is UTF-8: mixed encodings?); fix that line"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return f"not valid UTF-8 ({where}), nor a known 8-bit encoding"
    name = "Windows-1252" if _CP1252_ONLY.search(data) else "Latin-1 (ISO-8859-1)"
    return f"not UTF-8 ({where}): looks like {name}; {_convert_hint('WINDOWS-1252', path)}"


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether some non-ASCII bytes form valid UTF-8 characters (one file, two encodings)."""
    decoded = data.decode("utf-8", errors="replace")
    return any(not char.isascii() and char != "\ufffd" for char in decoded)


def _convert_hint(encoding: str, path: str) -> str:
    """The iconv command that converts a file to UTF-8 in place (Windows-1252 covers Latin-1)."""
    if path == "<stdin>":
        return f"convert it first: iconv -f {encoding} -t UTF-8"
    import shlex  # for this message only

    quoted, converted = shlex.quote(path), shlex.quote(path + ".utf8")
    return f"convert it: iconv -f {encoding} -t UTF-8 {quoted} > {converted} && mv {converted} {quoted}"


def read_document(path: str) -> Document:
    """Read a file (or stdin for `-`) into a Document."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    descriptor = open_regular(path)
    with os.fdopen(descriptor, "rb") as stream:
        return decode(_read(stream, path), path)


# What a path is when it is not a regular file; such a file is never opened for reading (a
# named pipe would block the run until something writes to it).
_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
)


def open_regular(path: str) -> int:
    """A read-only descriptor of a regular file; anything else is a FileError naming what it is."""
    try:
        _refuse_special(os.stat(path).st_mode, path)
        # O_NONBLOCK: a file swapped for a named pipe after the check still cannot block.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise _read_error(path, error) from None
    try:
        _refuse_special(os.fstat(descriptor).st_mode, path)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _read(stream: BinaryIO, path: str) -> bytes:
    try:
        return stream.read()
    except OSError as error:
        raise _read_error(path, error) from None


def _refuse_special(mode: int, path: str) -> None:
    for test, what in _KINDS:
        if test(mode):
            advice = "" if test is stat.S_ISDIR else f"; to lint what it carries: textlint check - < {path}"
            raise FileError(path, f"{what}{advice}")


def _read_error(path: str, error: OSError) -> FileError:
    """A one-line reason for an OS error on reading, with what to do when there is something."""
    if isinstance(error, FileNotFoundError):
        return FileError(
            path, "broken symbolic link" if os.path.islink(path) else "no such file or directory"
        )
    if isinstance(error, PermissionError):
        return FileError(path, "permission denied; make it readable (chmod u+r)")
    if error.errno == errno.ELOOP:
        return FileError(path, "symbolic link loop")
    return FileError(path, f"cannot read ({error.strerror})")
