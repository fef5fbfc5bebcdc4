"""What the capitalisation kinds know about a document: the names it vouches for."""

from __future__ import annotations

import regex

WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")


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
