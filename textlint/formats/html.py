"""HTML: the text nodes of a page as a view for checkers.

Block elements (p, h1–h6, li, blockquote, td…) each start a line of the view; `script`,
`style`, `code`, `pre` and the like are left out. Runs of HTML whitespace read as one space
and entities as the character they stand for: fixes touching either are suggestions only,
because the source does not read like the view there.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from textlint.document import line_starts
from textlint.formats.text import is_directive, show_hiding_urls
from textlint.sourcemap import ViewBuilder

_SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "svg", "math"})
# Skipped elements that sit inside a sentence: a placeholder keeps the words around them apart.
_INLINE_CODE = frozenset({"code", "kbd", "samp"})
_ITALICS = frozenset({"i", "em", "cite", "q"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
_BLOCKS = frozenset(
    {
        *_HEADINGS,
        *("p", "div", "li", "blockquote", "td", "th", "dt", "dd", "figcaption", "caption"),
        *("section", "article", "header", "footer", "aside", "nav", "main", "ul", "ol", "table", "tr"),
        *("body", "head", "html", "br", "hr", "form", "fieldset", "legend", "summary", "details"),
    }
)
_SPACE = re.compile(r"[ \t\n\r\f]+")
# Whitespace a browser shows otherwise than written: single spaces between words stay as they are.
_COLLAPSED = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def build_view(source: str) -> ViewBuilder:
    parser = _Parser(source)
    parser.feed(source)
    parser.close()
    parser.flush_alts()
    return parser.builder


class _Parser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = line_starts(source)
        self.builder = ViewBuilder(source)
        self.skipping = 0
        self.headings = 0
        self.quotes = 0
        self.alts: list[tuple[int, int]] = []  # alt texts of the current block, shown after it

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![CDATA[…]]>`; a malformed `<![`, on which Python's parser raises AssertionError, is
        read as browsers read it: a bogus comment up to the next `>` (or the end)."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # the failed scan moved it forward already
            end = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if end < 0 else end + 1

    def here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            if tag in _INLINE_CODE and not self.skipping:
                start = self.here()
                self.builder.hide(start, start + len(self.get_starttag_text() or ""))
            self.skipping += 1
        elif tag in _BLOCKS:
            self.headings += tag in _HEADINGS
            self.quotes += tag == "blockquote"
            self.new_block()
        elif tag in _ITALICS and not self.skipping:
            self.builder.open_emphasis()
        elif tag == "img" and not self.skipping:
            self.alt_text()

    def alt_text(self) -> None:
        """Remember an image's `alt` text (a caption for readers who cannot see the image)."""
        found = _ALT.search(self.get_starttag_text() or "")
        if found is not None:
            group = 1 if found.group(1) is not None else 2
            tag_start = self.here()
            self.alts.append((tag_start + found.start(group), tag_start + found.end(group)))

    def flush_alts(self) -> None:
        """Alt texts as lines of their own, after the block they sit in: the sentence around
        an image stays whole."""
        alts, self.alts = self.alts, []
        for start, end in alts:
            self.builder.open_block("text")
            position = start
            for reference in _REFERENCE.finditer(self.source, start, end):
                self.text(position, reference.start())
                self.builder.show(html.unescape(reference.group()), reference.start(), reference.end())
                position = reference.end()
            self.text(position, end)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCKS:
            self.headings -= tag in _HEADINGS and self.headings > 0
            self.quotes -= tag == "blockquote" and self.quotes > 0
            self.new_block()
        elif tag in _ITALICS and not self.skipping:
            self.builder.close_emphasis()

    def new_block(self) -> None:
        self.flush_alts()
        scope = "heading" if self.headings else "quote" if self.quotes else "text"
        self.builder.open_block(scope)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            show_hiding_urls(self.builder, self.here(), data, self.text)

    def text(self, start: int, end: int) -> None:
        """Source text with each run of HTML whitespace shown as one space."""
        leading = _SPACE.match(self.source, start, end)
        if leading:
            if self.builder.separates_words():
                self.builder.show(" ", leading.start(), leading.end())
            start = leading.end()
        position = start
        for space in _COLLAPSED.finditer(self.source, start, end):
            self.builder.copy(position, space.start())
            self.builder.show(" ", space.start(), space.end())
            position = space.end()
        self.builder.copy(position, end)

    def _reference(self) -> None:
        if self.skipping:
            return
        start = self.here()
        match = _REFERENCE.match(self.source, start)
        if match is None:
            return
        self.builder.show(html.unescape(match.group()), start, match.end())

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_comment(self, data: str) -> None:
        start = self.here()
        end = self.source.find("-->", start) + len("-->")
        if end >= len("-->") and is_directive(self.source[start:end]):
            self.builder.open_block("text")
            self.builder.copy_ignored(start, end)
            self.new_block()
