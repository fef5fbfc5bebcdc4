"""The view → source map on its own: offsets, insertions, and when a fix stays safe."""

from __future__ import annotations

from textlint.issues import Fix, Issue, Safety, Severity
from textlint.sourcemap import PLACEHOLDER, ViewBuilder

SOURCE = "**Note** :&nbsp;x `code` fin"


def built() -> tuple[str, ViewBuilder]:
    builder = ViewBuilder(SOURCE)
    builder.open_block("text")
    builder.copy(2, 6)  # Note
    builder.copy(8, 10)  # " :"
    builder.show("\u00a0", 10, 16)  # &nbsp;
    builder.copy(16, 18)  # "x "
    builder.hide(18, 24)  # `code`
    builder.copy(24, 28)  # " fin"
    view, _ = builder.build()
    return view, builder


def issue(start: int, end: int, replacement: str) -> Issue:
    return Issue("r", "yaml", Severity.WARNING, start, end, "m", fix=Fix(replacement, Safety.SAFE))


def test_view_reads_as_prose() -> None:
    view, builder = built()
    assert view == f"Note :\u00a0x {PLACEHOLDER} fin"
    assert builder.ignored == [(9, 10)]


def test_spans_and_insertions_map_to_the_source() -> None:
    view, builder = built()
    source_map = builder.build()[1]
    colon = source_map.to_source(issue(4, 6, "\u00a0:"), view)
    assert (SOURCE[colon.start : colon.end], colon.fix) == (" :", Fix("\u00a0:", Safety.SAFE))
    insertion = source_map.to_source(issue(0, 0, "«"), view)
    assert (insertion.start, insertion.end) == (2, 2)
    at_end = source_map.to_source(issue(len(view), len(view), "."), view)
    assert at_end.start == len(SOURCE)


def test_a_fix_over_text_that_reads_differently_becomes_a_suggestion() -> None:
    view, builder = built()
    source_map = builder.build()[1]
    entity = source_map.to_source(issue(6, 7, " "), view)
    assert (SOURCE[entity.start : entity.end], entity.fix) == ("&nbsp;", Fix(" ", Safety.SUGGESTION))
    across_markup = source_map.to_source(issue(0, 6, "Note\u00a0:"), view)
    assert SOURCE[across_markup.start : across_markup.end] == "Note** :"
    assert across_markup.fix is not None and across_markup.fix.safety == Safety.SUGGESTION


def test_blocks_are_lines_and_trailing_space_is_dropped() -> None:
    builder = ViewBuilder("<p>Un </p><p></p><h1>Deux</h1>")
    builder.open_block("text")
    builder.copy(3, 6)
    builder.open_block("text")  # an empty block leaves no line
    builder.open_block("heading")
    builder.copy(21, 25)
    view, _ = builder.build()
    assert view == "Un\nDeux"
    assert [(b.start, b.end, b.scope) for b in builder.blocks] == [(0, 2, "text"), (3, 7, "heading")]
