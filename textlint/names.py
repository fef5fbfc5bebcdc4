"""The names a document vouches for: capitalised words it writes in the middle of sentences.

The capitalisation rules and the grammar layer both need to know that « Jàppale » or
« Gruyère » is a name; each asks `vouched_names`, worked out once per document.
"""

from __future__ import annotations

from textlint import regexes
from textlint.document import Document

WORD = regexes.compile(r"\p{L}[\p{L}\p{M}]*")


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


def vouched_names(doc: Document) -> frozenset[str]:
    """`mid_sentence_capitals` of the document, computed once per document."""
    return doc.memo("mid-sentence-capitals", lambda: frozenset(mid_sentence_capitals(doc.text)))


_SENTENCE_END = ".!?…:"
_OPENERS = " \t\u00a0\u202f«“\"'‘(—–-"


def mid_sentence(text: str, start: int) -> bool:
    """Whether a word starting at `start` follows other words of its sentence on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip(_OPENERS)
    return bool(before) and before[-1] not in _SENTENCE_END
