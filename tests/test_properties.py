"""Properties of fixing and of the Markdown and HTML front ends, on generated text.

For any text (all of Unicode but lone surrogates, with mixed line endings, byte-order marks,
no-break spaces, combining marks, emoji, right-to-left script and control characters) and any
Markdown or HTML built from it:

- every issue lies inside the text, and in Markdown and HTML it points at the characters the
  checkers saw in the prose view;
- each fixing pass changes the text only inside the spans of the fixes it applied; fixing
  reaches a fixed point within the pass limit, and fixing again changes nothing;
- the fixed file keeps its byte-order mark, its encoding and its kinds of line ending.

`TEXTLINT_PROPERTY_EXAMPLES` sets the examples per property (200 by default, for CI); the
large run in BENCHMARKS.md uses `pytest tests/test_properties.py --hypothesis-show-statistics`
with a large value.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.config import Config, LanguageToolSettings
from textlint.document import BOM, Document, decode
from textlint.engine import lint_document
from textlint.fixer import MAX_PASSES, applicable, apply_once
from textlint.issues import Issue, Safety
from textlint.linter import Linter
from textlint.sourcemap import SourceMap

EXAMPLES = int(os.environ.get("TEXTLINT_PROPERTY_EXAMPLES", "200"))
LINTER = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
LEVEL = Safety.UNSAFE  # unsafe fixes include the safe ones

# Words and signs the rules care about, so that generated text has issues to fix.
FRENCH = st.sampled_from(
    ["le", "Le le", "l'État", "l’Etat", "Deepmind", "Open AI", "été", "12:30", "3 %", "M.", "etc...", "ca"]
)
SIGNS = st.sampled_from([" ", "  ", ":", " :", ";", "?", "!", "«", "»", '"', "'", "(", ")", "...", "-", "—"])
ODD = st.sampled_from(
    [
        "\u00a0",  # no-break space
        "\u202f",  # narrow no-break space
        "\ufeff",  # a byte-order mark inside the text
        "e\u0301",  # a combining accent
        "👩‍👩‍👧",  # an emoji sequence with joiners
        "مرحبا",  # right-to-left script
        "\u200f",  # right-to-left mark
        "\x01",  # control characters (NUL makes a file binary: see test_bad_inputs)
        "\x1b[31m",
        "\x7f",
        "\x85",  # next line
        "\u2028",  # line separator
        "\t",
    ]
)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
ANY_CHARS = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=6)
PIECES = st.one_of(FRENCH, SIGNS, ODD, NEWLINES, ANY_CHARS)
TEXTS = st.lists(PIECES, max_size=40).map("".join)

MARKDOWN_MARKUP = st.sampled_from(
    [
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "`",
        "```\n",
        "    ",
        "*",
        "**",
        "_",
        "~~",
        "[",
        "](https://e.fr/a:b)",
        "<https://e.fr/c>",
        "![",
        "&amp;",
        "&#x20;",
        "\\",
        "<!-- ",
        " -->",
        "| a | b |\n|---|---|\n",
        "---\ntitle: Le le titre\n---\n",
        "<b>",
        "</b>",
        "<!-- textlint-disable-next-line typo -->\n",
    ]
)
HTML_MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<br>",
        "<h1>",
        "</h1>",
        "<pre>",
        "</pre>",
        "<code>",
        "</code>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "&nbsp;",
        "&amp;",
        "&lt;",
        "&#233;",
        '<a href="https://e.fr/x:y">',
        "</a>",
        "<!-- ",
        " -->",
        "<",
        ">",
        "&",
        '<img alt="Le le">',
    ]
)
MARKDOWN = st.lists(st.one_of(PIECES, MARKDOWN_MARKUP), max_size=40).map("".join)
HTML = st.lists(st.one_of(PIECES, HTML_MARKUP), max_size=40).map("".join)

_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")


def line_ending_kinds(text: str) -> set[str]:
    return set(_LINE_ENDINGS.findall(text))


def pass_issues(text: str, path: str) -> list[Issue]:
    """What one fixing pass sees: the issues `Linter.fix` re-checks each intermediate text with."""
    view = LINTER.view(Document(text, path=path))
    return list(lint_document(view, [LINTER.rule_checker], LINTER.selection).issues)


def assert_inside(issues: list[Issue], text: str) -> None:
    for issue in issues:
        assert 0 <= issue.start <= issue.end <= len(text), issue


def fix_pass_by_pass(text: str, path: str) -> str:
    """Fix `text` as `Linter.fix` does, checking after each pass that only fixed spans changed."""
    for _ in range(MAX_PASSES):
        issues = pass_issues(text, path)
        assert_inside(issues, text)
        fixed, applied = apply_once(text, applicable(issues, LEVEL))
        if not applied:
            return text
        expected, cursor = [], 0
        for issue in applied:
            assert issue.fix is not None and cursor <= issue.start
            expected += [text[cursor : issue.start], issue.fix.replacement]
            cursor = issue.end
        assert fixed == "".join([*expected, text[cursor:]])
        text = fixed
    raise AssertionError(f"no fixed point after {MAX_PASSES} passes: {pass_issues(text, path)}")


def check_file(data: bytes, path: str) -> None:
    """The whole `--fix` of one file's bytes, as the command line does it."""
    doc = decode(data, path)
    fixed = fix_pass_by_pass(doc.text, path)
    assert LINTER.fix(doc, LEVEL).text == fixed
    assert LINTER.fix(replace(doc, text=fixed), LEVEL).text == fixed  # idempotent
    written = doc.encode(fixed)
    again = decode(written, path)
    assert (again.text, again.had_bom) == (fixed, doc.had_bom)  # same encoding, same BOM
    assert line_ending_kinds(fixed) <= line_ending_kinds(doc.text)


def as_file(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS, st.booleans())
@example('d "(" ', False)  # found by fuzzing: two rules undid each other's fix forever
@example("Il y a 66666666666666666666666666666666666666 euros.", False)  # one group per pass (fuzzing)
def test_fixing_plain_text(text: str, bom: bool) -> None:
    check_file(as_file(text, bom), "article.txt")


@settings(max_examples=EXAMPLES, deadline=None)
@given(MARKDOWN, st.booleans())
@example("# Titre\rIl dit : non.\r\r- un ; deux\r", False)  # lone CR line ends (found by fuzzing)
@example("\r\ufeff\n", False)  # removing the invisible character would have merged two lines
def test_fixing_markdown(text: str, bom: bool) -> None:
    check_file(as_file(text, bom), "article.md")
    check_view_mapping(text, "article.md")


@settings(max_examples=EXAMPLES, deadline=None)
@given(HTML, st.booleans())
@example("<p>x</p><![- t> <p>Il dit : non.</p>", False)  # a malformed <![ crashed the parser (fuzzing)
def test_fixing_html(text: str, bom: bool) -> None:
    check_file(as_file(text, bom), "article.html")
    check_view_mapping(text, "article.html")


def check_view_mapping(source: str, path: str) -> None:
    """Issues found in the prose view land, in the file, on the characters the checkers saw."""
    view = LINTER.view(Document(source, path=path))
    source_map = view.source_map
    assert source_map is not None
    unmapped = replace(view, source_map=None)  # issues in view offsets
    for issue in lint_document(unmapped, [LINTER.rule_checker], LINTER.selection).issues:
        mapped = source_map.to_source(issue, view.text)
        assert 0 <= mapped.start <= mapped.end <= len(source), (issue, mapped)
        for offset in range(issue.start, issue.end):
            assert_maps_to_same_character(source_map, view.text, source, offset, mapped)


def assert_maps_to_same_character(
    source_map: SourceMap, view: str, source: str, offset: int, mapped: Issue
) -> None:
    piece = max(i for i, start in enumerate(source_map.view_starts) if start <= offset)
    if not source_map.verbatim[piece]:
        return  # an entity, a soft line break or a placeholder reads differently by design
    at = source_map.source_starts[piece] + offset - source_map.view_starts[piece]
    assert mapped.start <= at < mapped.end
    assert source[at] == view[offset]


def assert_span_maps_inside_on_the_same_characters(view: Document, source: str, start: int, end: int) -> None:
    """The view span [start, end) maps inside the file, onto the characters the view shows."""
    assert view.source_map is not None
    probe = Issue(
        rule="x", source="yaml", severity=LINTER.config.fail_level, start=start, end=end, message=""
    )
    mapped = view.source_map.to_source(probe, view.text)
    assert 0 <= mapped.start <= mapped.end <= len(source)
    for offset in range(start, end):
        assert_maps_to_same_character(view.source_map, view.text, source, offset, mapped)


def test_a_span_across_an_alt_text_read_after_its_paragraph_maps_to_a_range_holding_both() -> None:
    source = 'le<img alt="Le le">le'  # the view reads « lele », then the alt text on its own line
    view = LINTER.view(Document(source, path="a.html"))
    for start in range(len(view.text) + 1):
        for end in range(start, len(view.text) + 1):
            assert_span_maps_inside_on_the_same_characters(view, source, start, end)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.one_of(MARKDOWN.map(lambda t: (t, "a.md")), HTML.map(lambda t: (t, "a.html"))), st.data())
def test_every_view_span_maps_inside_the_file_on_the_same_characters(
    case: tuple[str, str], data: st.DataObject
) -> None:
    source, path = case
    view = LINTER.view(Document(source, path=path))
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    assert_span_maps_inside_on_the_same_characters(view, source, start, end)
