"""LanguageTool's annotated text (`data`): markup parts skipped, offsets kept.

Editors send Markdown or LaTeX as a list of parts: `text` is prose, `markup` is not checked,
and `interpretAs` says what a piece of markup reads as (a paragraph break, a word). The
checked document is the prose — text parts and interpretations — and a source map leads
every issue back to the offsets of all parts joined, markup included, which are the offsets
clients apply to their document.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from textlint.document import Document
from textlint.sourcemap import SourceMap


class AnnotationError(ValueError):
    """`data` is not LanguageTool's annotated-text JSON."""


@dataclass(frozen=True)
class Part:
    text: str
    markup: bool
    interpret_as: str = ""

    @property
    def prose(self) -> str:
        """What the part reads as."""
        return self.interpret_as if self.markup else self.text


@dataclass(frozen=True)
class Annotated:
    """The parts of an annotated text, and the text they make joined (markup included)."""

    parts: tuple[Part, ...]

    @property
    def source(self) -> str:
        return "".join(part.text for part in self.parts)

    @property
    def plain(self) -> str:
        """The prose LanguageTool checks (and counts against its text limit)."""
        return "".join(part.prose for part in self.parts)

    @cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        """Where each part starts in `source` and in `plain`."""
        source_starts, plain_starts, source_at, plain_at = [], [], 0, 0
        for part in self.parts:
            source_starts.append(source_at)
            plain_starts.append(plain_at)
            source_at += len(part.text)
            plain_at += len(part.prose)
        return source_starts, plain_starts

    def to_plain(self, offset: int) -> int:
        """The offset in `plain` of a source offset (the start of a markup part's reading)."""
        source_starts, plain_starts = self._starts
        index = bisect_right(source_starts, offset) - 1
        if index < 0:
            return 0
        part = self.parts[index]
        inside = 0 if part.markup else min(offset - source_starts[index], len(part.text))
        return plain_starts[index] + inside

    def document(self, path: str) -> Document:
        """The prose as a view whose issues map back to `source` offsets."""
        source = self.source
        view_starts: list[int] = []
        source_starts: list[int] = []
        source_ends: list[int] = []
        verbatim: list[bool] = []
        view = source_at = 0
        for part in self.parts:
            if part.prose:
                view_starts.append(view)
                source_starts.append(source_at)
                source_ends.append(source_at + len(part.text))
                # Only prose read as written takes fixes; an interpretation stands for markup.
                verbatim.append(not part.markup)
                view += len(part.prose)
            source_at += len(part.text)
        source_map = SourceMap(
            source,
            tuple(view_starts),
            tuple(source_starts),
            tuple(source_ends),
            tuple(verbatim),
            view,
        )
        return Document(text=self.plain, path=path, source_map=source_map)


def parse(data: str) -> Annotated:
    """Read `data` as LanguageTool reads it: `{"text": …}` or `{"annotation": [parts]}`."""
    try:
        value: Any = json.loads(data)
    except ValueError as error:
        raise AnnotationError(f"Could not parse JSON from 'data' parameter: {error}") from None
    if not isinstance(value, dict):
        raise AnnotationError("'data' must be a JSON object with 'text' or 'annotation'")
    if isinstance(value.get("text"), str) and "annotation" not in value:
        return Annotated((Part(value["text"], markup=False),))
    items = value.get("annotation")
    if not isinstance(items, list):
        raise AnnotationError("'data' needs a 'text' string or an 'annotation' array")
    return Annotated(tuple(_part(item) for item in items))


def _part(item: Any) -> Part:
    if not isinstance(item, dict):
        raise AnnotationError(f"each annotation must be an object, got: {json.dumps(item)[:80]}")
    text, markup, interpret = item.get("text"), item.get("markup"), item.get("interpretAs")
    if isinstance(text, str) and markup is None and interpret is None:
        return Part(text, markup=False)
    if isinstance(markup, str) and text is None and (interpret is None or isinstance(interpret, str)):
        return Part(markup, markup=True, interpret_as=interpret or "")
    raise AnnotationError(
        "each annotation needs either 'text' or 'markup' (with an optional 'interpretAs'), got: "
        + json.dumps(item, ensure_ascii=False)[:80]
    )
