"""The prose view of a marked-up file and the map from its offsets back to the source.

Markdown and HTML front ends hand checkers a *view*: the prose of the file, one block
(paragraph, heading, list item, table cell…) per line, without markup. The view is made of
pieces, each tied to a range of the source: *verbatim* pieces are copied unchanged, other
pieces (a decoded entity, a soft line break shown as a space, a placeholder for inline
code) stand for a source range that reads differently. Issues found in the view are mapped
back to the source; a fix is kept only where the view and the source read the same, so a
fix can never touch markup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from textlint.issues import Issue, Safety

# Stands in the view for content that is not prose (inline code, a URL): one character that
# keeps the words around it apart; issues touching it are dropped.
PLACEHOLDER = "\ufffc"


@dataclass(frozen=True)
class SourceMap:
    """View offsets → source offsets, piece by piece (pieces sorted by view offset)."""

    source: str
    view_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]
    verbatim: tuple[bool, ...]
    view_length: int

    def _piece(self, offset: int) -> int:
        return max(bisect_right(self.view_starts, offset) - 1, 0)

    def start(self, offset: int) -> int:
        """The source offset where a view span starting at `offset` starts."""
        if not self.view_starts:
            return 0
        if offset >= self.view_length:
            return self.source_ends[-1]
        piece = self._piece(offset)
        if self.verbatim[piece]:
            return self.source_starts[piece] + offset - self.view_starts[piece]
        return self.source_starts[piece]

    def end(self, offset: int) -> int:
        """The source offset where a view span ending at `offset` ends."""
        if not self.view_starts or offset <= 0:
            return self.start(offset)
        piece = self._piece(offset - 1)
        if self.verbatim[piece]:
            return self.source_starts[piece] + offset - self.view_starts[piece]
        return self.source_ends[piece]

    def _hull(self, start: int, end: int) -> tuple[int, int]:
        """The source range holding every piece of the view span [start, end). Pieces are
        not always in source order (an image's alt text is read after the text around the
        image), so the span's first and last offsets do not bound it by themselves."""
        if not self.view_starts:
            return 0, 0
        first, last = self._piece(start), self._piece(end - 1)
        lows = [self.start(start), *(self.source_starts[p] for p in range(first + 1, last + 1))]
        highs = [self.end(end), *(self.source_ends[p] for p in range(first, last))]
        return min(lows), max(highs)

    def to_source(self, issue: Issue, view: str) -> Issue:
        """`issue` with source offsets; its fix becomes a suggestion where the two texts differ."""
        if issue.start == issue.end:
            start = end = self.start(issue.start)
        else:
            start, end = self._hull(issue.start, issue.end)
        fix = issue.fix
        if fix is not None and self.source[start:end] != view[issue.start : issue.end]:
            fix = replace(fix, safety=Safety.SUGGESTION)
        return replace(issue, start=start, end=end, fix=fix)


@dataclass(frozen=True)
class Block:
    """A run of view text with its scope (`text`, `heading`, `quote`)."""

    start: int
    end: int
    scope: str


@dataclass
class ViewBuilder:
    """Collects pieces block by block; blocks are separated by a newline in the view."""

    source: str
    parts: list[str] = field(default_factory=list)
    view_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    source_ends: list[int] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    ignored: list[tuple[int, int]] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list)  # italics: titles of works…
    _emphasis_starts: list[int] = field(default_factory=list)
    length: int = 0
    _block_start: int | None = None
    _scope: str = "text"
    _pending_scope: str | None = None

    def open_block(self, scope: str) -> None:
        """Start a new line of the view; an empty block leaves no trace."""
        self.close_block()
        self._pending_scope = scope

    def close_block(self) -> None:
        self._pending_scope = None
        if self._block_start is None:
            return
        # Space before a closing tag or at the end of a line of markup is not the author's.
        while self.length > self._block_start and self.parts[-1][-1:].isspace():
            self._trim()
        if self.length > self._block_start:
            self.blocks.append(Block(self._block_start, self.length, self._scope))
        self._block_start = None

    def separates_words(self) -> bool:
        """Whether a space shown now would stand between words: not first in its block, nor
        after another space."""
        started = self._block_start is not None and self.length > self._block_start
        return started and not self.parts[-1].endswith(" ")

    def copy(self, start: int, end: int) -> None:
        """Source text shown as it is."""
        if end > start:
            self._add(self.source[start:end], start, end, verbatim=True)

    def show(self, text: str, start: int, end: int) -> None:
        """`text` shown for the source range [start, end) (an entity, a line break…)."""
        if text == self.source[start:end]:
            self.copy(start, end)
        elif text:
            self._add(text, start, end, verbatim=False)

    def open_emphasis(self) -> None:
        self._emphasis_starts.append(self.length)

    def close_emphasis(self) -> None:
        if self._emphasis_starts:
            self.emphasis.append((self._emphasis_starts.pop(), self.length))

    def copy_ignored(self, start: int, end: int) -> None:
        """Source text shown as it is, where no issue may be reported (a suppression comment)."""
        self.copy(start, end)  # first: opening a block may add a line break before it
        self.ignored.append((self.length - (end - start), self.length))

    def hide(self, start: int, end: int) -> None:
        """A placeholder for non-prose content (code, URL) between words."""
        self._add(PLACEHOLDER, start, end, verbatim=False)
        self.ignored.append((self.length - 1, self.length))

    def _add(self, text: str, start: int, end: int, verbatim: bool) -> None:
        if self._block_start is None:
            self._start_block(self._pending_scope or "text")
        elif verbatim and self.verbatim[-1] and self.source_ends[-1] == start:
            # Source text right after the last verbatim piece extends it: fewer pieces to search.
            self.parts[-1] += text
            self.source_ends[-1] = end
            self.length += len(text)
            return
        self._append(text, start, end, verbatim)

    def _start_block(self, scope: str) -> None:
        self._pending_scope = None
        if self.length:
            self._append("\n", self._last_source_end(), self._last_source_end(), verbatim=False)
        self._block_start = self.length
        self._scope = scope

    def _append(self, text: str, start: int, end: int, verbatim: bool) -> None:
        self.parts.append(text)
        self.view_starts.append(self.length)
        self.source_starts.append(start)
        self.source_ends.append(end)
        self.verbatim.append(verbatim)
        self.length += len(text)

    def _trim(self) -> None:
        """Drop the whitespace that ends the last piece (the whole piece if it is only that)."""
        kept = self.parts[-1].rstrip()
        removed = len(self.parts[-1]) - len(kept)
        self.length -= removed
        if kept:
            self.parts[-1] = kept
            if self.verbatim[-1]:
                self.source_ends[-1] -= removed
            return
        for column in (self.parts, self.view_starts, self.source_starts, self.source_ends, self.verbatim):
            column.pop()

    def _last_source_end(self) -> int:
        return self.source_ends[-1] if self.source_ends else 0

    def build(self) -> tuple[str, SourceMap]:
        self.close_block()
        view = "".join(self.parts)
        return view, SourceMap(
            self.source,
            tuple(self.view_starts),
            tuple(self.source_starts),
            tuple(self.source_ends),
            tuple(self.verbatim),
            len(view),
        )
