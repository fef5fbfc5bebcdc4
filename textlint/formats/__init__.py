"""Front ends: the prose of a Markdown or HTML file as a view for checkers.

A plain-text document is its own view. For marked-up files the view holds only prose, one
block per line, and carries the map back to the source (see `textlint.sourcemap`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from textlint.document import Document, Span

if TYPE_CHECKING:  # a plain-text document has no source map: the markup parsers import it
    from textlint.sourcemap import ViewBuilder

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MARKUPS = ("text", "markdown", "html")


def format_of(path: str) -> str:
    """`markdown`, `html` or `text`, from a file name's extension."""
    return FORMATS.get(PurePath(path).suffix.lower(), "text")


def prose_view(doc: Document, front_matter: Sequence[str] = (), markup: str | None = None) -> Document:
    """The document checkers see: `doc` itself for plain text, else its prose with a source map.

    `markup` (one of MARKUPS) overrides what the file name's extension says.
    """
    # Imported on first use: plain-text runs never pay for the parsers.
    kind = markup or format_of(doc.path)
    if kind == "markdown":
        from textlint.formats import markdown

        return _view(doc, markdown.build_view(doc.text, front_matter))
    if kind == "html":
        from textlint.formats import html

        return _view(doc, html.build_view(doc.text))
    return doc


def _view(doc: Document, builder: ViewBuilder) -> Document:
    text, source_map = builder.build()
    return Document(
        text=text,
        path=doc.path,
        had_bom=doc.had_bom,
        regions=tuple(Span(block.start, block.end, block.scope) for block in builder.blocks),
        ignored=tuple(Span(start, end) for start, end in builder.ignored),
        emphasis=tuple(Span(start, end) for start, end in builder.emphasis),
        source_map=source_map,
    )
