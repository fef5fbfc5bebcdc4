"""The sentence around a match, in words: what context guards of several kinds look at.

A sentence here is the stretch of one line between two sentence ends (« . », « ! », « ? »,
« … » followed by a blank); words are compared folded to lower case, so a guard phrase
« le problème » matches « Le problème » and « LE PROBLÈME ».
"""

from __future__ import annotations

from collections.abc import Sequence

from textlint import regexes
from textlint.yamlrules.matching import fold

WORD = regexes.compile(r"[\w\p{M}]+")
_SENTENCE_END = regexes.compile(r"[.!?…][»”\"')\]]*(?=\s|$)")

Phrase = tuple[str, ...]


def phrase_words(phrase: str) -> Phrase:
    """A guard phrase as the folded words it is compared with (« l’issue » → (l, issue))."""
    return tuple(WORD.findall(fold(phrase)))


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[first, last) of the line holding [start, end) (in plain-text news, a paragraph)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[first, last) of the sentence holding [start, end), within its line."""
    line_start, line_end = line_bounds(text, start, end)
    first = line_start
    for match in _SENTENCE_END.finditer(text, line_start, start):
        first = match.end()
    after = _SENTENCE_END.search(text, end, line_end)
    return first, after.end() if after is not None else line_end


def words_between(text: str, start: int, end: int) -> list[str]:
    return WORD.findall(fold(text[start:end]))


def holds(words: Sequence[str], phrase: Phrase) -> bool:
    """Whether `phrase` stands in `words`, whole words in a row."""
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def holds_any(words: Sequence[str], phrases: Sequence[Phrase]) -> bool:
    """Whether one of `phrases` stands in `words`; a phrase whose first word is absent is not
    searched for (guards list dozens of phrases, sentences hold a few words each)."""
    present = set(words)
    return any(phrase[0] in present and (len(phrase) == 1 or holds(words, phrase)) for phrase in phrases)


def ends_with(words: Sequence[str], phrase: Phrase) -> bool:
    return len(words) >= len(phrase) and tuple(words[len(words) - len(phrase) :]) == phrase


def starts_with(words: Sequence[str], phrase: Phrase) -> bool:
    return tuple(words[: len(phrase)]) == phrase


# Quotations within a line: « … », “ … ”, straight double quotes, and a term in single quotes
# (‘profit warning’: the opening ‘ is never an apostrophe; a short span, as ’ also elides).
_QUOTATION = regexes.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"|‘[^‘’\n]{1,60}’")
_QUOTE_PADDING = " \t\u00a0\u202f"


def in_quotation(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a quotation of its line."""
    line_start, line_end = line_bounds(text, start, end)
    return any(m.start() < start and end < m.end() for m in _QUOTATION.finditer(text, line_start, line_end))


def in_quoted_speech(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a quotation that holds more than it: words reported as
    said, not a title quoted on its own (« Attention est tout ce dont vous avez besoin »)."""
    line_start, line_end = line_bounds(text, start, end)
    for m in _QUOTATION.finditer(text, line_start, line_end):
        if m.start() < start and end < m.end():
            inside = text[m.start() + 1 : m.end() - 1].strip(_QUOTE_PADDING)
            return inside != text[start:end]
    return False
