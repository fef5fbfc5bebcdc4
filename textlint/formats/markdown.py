"""Markdown: the prose of a file, parsed with markdown-it-py, as a view for checkers.

Paragraphs, headings (scope `heading`), blockquotes (scope `quote`), list items, table
cells and image alt text are prose. Code (fenced, indented, inline), HTML, link targets,
autolinks and bare URLs are not. Front matter is prose only for the fields named in the
configuration. Markdown-it gives block tokens their source lines but not inline tokens
their columns, so each inline run is found again in its lines, in order.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from textlint.formats.text import is_directive, show_hiding_urls
from textlint.sourcemap import ViewBuilder

# Block structure first; inline runs are parsed on demand (see `_Blocks.inline`).
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["text_join", "inline"])
# Characters that can start inline markup in CommonMark with strikethrough; a run without
# any is plain words and line breaks, and needs no inline parsing.
_INLINE_MARKUP = re.compile(r"[\\&`*_~\[<]")
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|$)", re.DOTALL)
_DELIMITERS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
# Line breaks as CommonMark (and so markdown-it's line numbers) count them: a lone CR too.
_LINE_BREAK = re.compile(r"\r\n?|\n")


def build_view(source: str, front_matter_fields: Sequence[str]) -> ViewBuilder:
    builder = ViewBuilder(source)
    body_start = _front_matter(source, front_matter_fields, builder)
    # Blank lines in place of the front matter keep markdown-it's line numbers those of the file.
    masked = "\n" * len(_LINE_BREAK.findall(source, 0, body_start)) + source[body_start:]
    env: dict[str, object] = {}  # link reference definitions, read while parsing blocks
    tokens = _PARSER.parse(masked, env)
    _Blocks(source, builder, env).walk(tokens)
    return builder


class _Blocks:
    """Walks block tokens, giving each inline run its block and scope."""

    def __init__(self, source: str, builder: ViewBuilder, env: dict[str, object]) -> None:
        self.source = source
        self.builder = builder
        self.env = env
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(source))]
        self.cursors: dict[int, int] = {}  # per line: how far inline runs were already found
        self.heading = False
        self.quotes = 0

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            if token.type == "heading_open":
                self.heading = True
            elif token.type == "heading_close":
                self.heading = False
            elif token.type == "blockquote_open":
                self.quotes += 1
            elif token.type == "blockquote_close":
                self.quotes -= 1
            elif token.type == "inline" and token.map is not None:
                self.inline(token, token.map[0])
            elif token.type == "html_block" and token.map is not None and is_directive(token.content):
                self.directive(token.map[0], token.map[1])

    def scope(self) -> str:
        return "heading" if self.heading else "quote" if self.quotes else "text"

    def inline(self, token: Token, first_line: int) -> None:
        lines = token.content.split("\n")
        starts = self.locate(lines, first_line)
        if starts is None:
            return  # not found verbatim in its lines: never report at a guessed place
        self.builder.open_block(self.scope())
        if _INLINE_MARKUP.search(token.content) is None:
            self.plain(lines, starts)
        else:
            offsets = [
                o
                for line, start in zip(lines, starts, strict=True)
                for o in range(start, start + len(line) + 1)
            ]
            children: list[Token] = []
            _PARSER.inline.parse(token.content, _PARSER, self.env, children)
            walker = _Inline(token.content, offsets, self.builder)
            # On a misalignment, what was shown so far is mapped right; the rest is left out.
            with contextlib.suppress(_MisalignedError):
                walker.walk(children, 0)
            # Alt texts come after their paragraph, each a line of its own: the sentence
            # around an image stays whole.
            for alt, cursor in walker.alts:
                self.builder.open_block("text")
                with contextlib.suppress(_MisalignedError):
                    _Inline(token.content, offsets, self.builder).walk(alt, cursor)
        self.builder.close_block()

    def plain(self, lines: list[str], starts: list[int]) -> None:
        """A run without markup: its lines, each break shown as one space (as markdown-it reads it)."""
        previous_end = starts[0]
        for number, (line, start) in enumerate(zip(lines, starts, strict=True)):
            words = line if number == len(lines) - 1 else line.rstrip(" ")
            if number:
                self.builder.show(" ", previous_end, start)
            show_hiding_urls(self.builder, start, words, self.builder.copy)
            previous_end = start + len(words)

    def locate(self, lines: list[str], first_line: int) -> list[int] | None:
        """Where each line of an inline run starts in the source."""
        starts: list[int] = []
        for number, line in enumerate(lines, start=first_line):
            if number >= len(self.starts):
                return None
            start, end = self.starts[number], self._line_end(number)
            column = self.source.find(line, start + self.cursors.get(number, 0), end)
            if column < 0:
                return None
            self.cursors[number] = column + len(line) - start
            starts.append(column)
        return starts

    def directive(self, first_line: int, last_line: int) -> None:
        """A suppression comment, copied into the view as a line of its own."""
        start, end = self.starts[first_line], self._line_end(last_line - 1)
        self.builder.open_block("text")
        self.builder.copy_ignored(start, len(self.source[start:end].rstrip("\r\n")) + start)
        self.builder.close_block()

    def _line_end(self, number: int) -> int:
        return self.starts[number + 1] if number + 1 < len(self.starts) else len(self.source)


class _MisalignedError(Exception):
    """An inline token markdown-it produced was not found where expected in the source."""


class _Inline:
    """Walks the inline tokens of one run, with a cursor into its content."""

    def __init__(self, content: str, offsets: list[int], builder: ViewBuilder) -> None:
        self.content = content
        self.offsets = offsets
        self.builder = builder
        self.alts: list[tuple[list[Token], int]] = []  # image alt tokens and where they start

    def find(self, needle: str, cursor: int) -> int:
        """Where `needle` is next; markdown-it's tokens come in source order, so it must be there."""
        position = self.content.find(needle, cursor)
        if position < 0:
            raise _MisalignedError(needle)
        return position

    def walk(self, tokens: list[Token], cursor: int) -> int:
        skipping_link = False
        for token in tokens:
            if skipping_link:
                skipping_link = token.type != "link_close"
                continue
            if token.type == "link_open" and token.markup == "autolink":
                start = self.find("<", cursor)
                cursor = self.find(">", start) + 1
                self.builder.hide(self.offsets[start], self.offsets[cursor])
                skipping_link = True
            else:
                cursor = self.token(token, cursor)
        return cursor

    def token(self, token: Token, cursor: int) -> int:
        """Show one token's prose and return the cursor past its source."""
        if token.type in _DELIMITERS:
            if token.type == "em_open":
                self.builder.open_emphasis()
            elif token.type == "em_close":
                self.builder.close_emphasis()
            return self.find(token.markup, cursor) + len(token.markup)
        handler = _HANDLERS.get(token.type)
        return handler(self, token, cursor) if handler else cursor

    def special(self, token: Token, cursor: int) -> int:
        """An entity or a backslash escape: its character stands for its markup."""
        start = self.find(token.markup, cursor)
        end = start + len(token.markup)
        self.builder.show(token.content, self.offsets[start], self.offsets[end])
        return end

    def line_break(self, token: Token, cursor: int) -> int:
        end = self.find("\n", cursor) + 1
        self.builder.show(" ", self.offsets[cursor], self.offsets[end])
        return end

    def html(self, token: Token, cursor: int) -> int:
        start = self.find(token.content, cursor)
        end = start + len(token.content)
        if token.content.lower().startswith("<br"):
            self.builder.show(" ", self.offsets[start], self.offsets[end])
        return end

    def link_open(self, token: Token, cursor: int) -> int:
        return self.find("[", cursor) + 1

    def link_close(self, token: Token, cursor: int) -> int:
        return self.link_tail(cursor)

    def image(self, token: Token, cursor: int) -> int:
        """Skip an image, keeping its alt text for after the paragraph."""
        opening = self.find("![", cursor)
        alt = token.children or []
        self.alts.append((alt, opening + 2))
        # Walked once without showing anything, only to find where the alt text ends.
        scratch = _Inline(self.content, self.offsets, ViewBuilder(self.builder.source))
        end = self.link_tail(scratch.walk(alt, opening + 2))
        self.builder.hide(self.offsets[opening], self.offsets[end])
        return end

    def text_token(self, token: Token, cursor: int) -> int:
        return self.text(token.content, cursor)

    def code_token(self, token: Token, cursor: int) -> int:
        return self.code(token.markup, cursor)

    def text(self, text: str, cursor: int) -> int:
        start = self.find(text, cursor)
        show_hiding_urls(self.builder, self.offsets[start], text, self.builder.copy)
        return start + len(text)

    def code(self, fence: str, cursor: int) -> int:
        start = self.find(fence, cursor)
        end = self.find(fence, start + len(fence))
        while self.content.startswith("`", end + len(fence)):
            end = self.find(fence, end + 1)
        end += len(fence)
        self.builder.hide(self.offsets[start], self.offsets[end])
        return end

    def link_tail(self, cursor: int) -> int:
        """Past the `](target "title")`, `][label]` or `]` that closes a link or image."""
        cursor = self.find("]", cursor) + 1
        if self.content.startswith("[", cursor):
            return self.find("]", cursor) + 1
        if not self.content.startswith("(", cursor):
            return cursor
        depth, quote = 0, ""
        for position in range(cursor, len(self.content)):
            char = self.content[position]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and depth == 1:
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return position + 1
        return len(self.content)


_HANDLERS: dict[str, Callable[[_Inline, Token, int], int]] = {
    "text": _Inline.text_token,
    "text_special": _Inline.special,
    "softbreak": _Inline.line_break,
    "hardbreak": _Inline.line_break,
    "code_inline": _Inline.code_token,
    "html_inline": _Inline.html,
    "link_open": _Inline.link_open,
    "link_close": _Inline.link_close,
    "image": _Inline.image,
}


def _front_matter(source: str, fields: Sequence[str], builder: ViewBuilder) -> int:
    """Add the named front-matter fields to the view; return where the Markdown body starts."""
    header = _FRONT_MATTER.match(source)
    if header is None:
        return 0
    try:
        root = yaml.compose(header.group(1) or "", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return header.end()  # a broken header is not prose: skip it rather than guess
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value in fields and isinstance(value, yaml.ScalarNode) and value.value.strip():
                scope = "heading" if key.value == "title" else "text"
                _field(value, header.start(1), builder, scope)
    return header.end()


def _field(node: yaml.ScalarNode, base: int, builder: ViewBuilder, scope: str) -> None:
    start, end = base + node.start_mark.index, base + node.end_mark.index
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    builder.open_block(scope)
    builder.show(node.value, start, end)
    builder.close_block()
