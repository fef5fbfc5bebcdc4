"""What the capitalisation kinds know about a document: its headings and the names it vouches for."""

from __future__ import annotations

import regex

from textlint.document import Document

WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_PARAGRAPH_END = '.!?…»”")'
_HEADING_END = ".!?:;…,"
MAX_HEADING_WORDS = 15


def _is_heading(doc: Document, start: int, content: str, after_paragraph: bool) -> bool:
    if doc.regions is not None:
        return doc.scope_at(start) == "heading"
    # Cheapest tests first: most lines are paragraphs ending with a full stop.
    if not after_paragraph or content[-1] in _HEADING_END or len(content.split()) > MAX_HEADING_WORDS:
        return False
    return 0 < len(WORD.findall(content)) <= MAX_HEADING_WORDS


def heading_at(doc: Document, offset: int) -> tuple[int, int] | None:
    """(start, end) of the heading line holding `offset`, without its edge blanks, if it is one.

    A front end marks headings as a scope; in plain text a heading is a short line without
    sentence punctuation at its end, after the start of the text, a blank line or a finished
    paragraph (plain-text news often puts an intertitle right under the paragraph before).
    """
    text = doc.text
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    raw = text[line_start : len(text) if line_end < 0 else line_end]
    content = raw.strip()
    if not content:
        return None
    before = text[: max(0, line_start - 1)]
    previous = before[before.rfind("\n") + 1 :].rstrip()
    after_paragraph = line_start == 0 or not previous or previous[-1] in _PARAGRAPH_END
    start = line_start + len(raw) - len(raw.lstrip())
    return (start, start + len(content)) if _is_heading(doc, start, content, after_paragraph) else None


def capitalised(word: str) -> bool:
    """« Tech », « Géants »: an initial capital followed by lower-case letters only."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def mid_sentence_capitals(text: str) -> set[str]:
    """Names the document itself vouches for: capitalised words written after a lower-case
    word, and the capitalised words that follow them (« l’ingénieure Jeanne Ravel »)."""
    found: set[str] = set()
    previous = ""
    in_name = False
    position = 0
    for match in WORD.finditer(text):
        word = match.group()
        joined = text[position : match.start()].strip(" \u00a0") == ""
        in_name = capitalised(word) and joined and (previous[:1].islower() or in_name)
        if in_name:
            found.add(word)
        previous, position = word, match.end()
    return found
