"""Kind `repetition`: a word, or a group of words, written twice in a row."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

import regex

from textlint import regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.matching import AFTER_WORD, finditer, fold
from textlint.yamlrules.rule import Header, Rule

# Letters (with combining marks) only: « 000 000 » in a number is not a doubled word. The
# pattern runs on the case-folded text, which is much faster than a case-insensitive
# back-reference; possessive quantifiers stop useless backtracking inside a word.
_SPACE = r"[ \t\u00a0\u202f]"
_DOUBLED = regexes.compile(
    rf"\b(?P<word>\p{{L}}[\p{{L}}\p{{M}}]*+)(?P<gap>{_SPACE}*+(?:\r?\n)?{_SPACE}*+)(?P=word){AFTER_WORD}"
)


# A looser pattern for the standard library's faster engine: every match of _DOUBLED in NFC
# text starts a match of this one, so it finds the candidates and _DOUBLED confirms them.
_CANDIDATE = re.compile(r"\b([^\W\d_]+)\s+\1\b")


def _doubled(folded: str) -> Iterator[regex.Match[str]]:
    if not unicodedata.is_normalized("NFC", folded):
        # Decomposed accents break the stdlib engine's idea of a word: take the slow, exact path.
        yield from finditer(_DOUBLED, folded)
        return
    position = 0
    while candidate := _CANDIDATE.search(folded, position):
        match = _DOUBLED.match(folded, candidate.start())
        if match:
            yield match
            position = match.end()
        else:
            # The candidate may hide a real repetition that begins with its second word.
            position = candidate.end(1)


# Words of a group, for the standard library's engine: letters only, as for a single word.
_LETTERS = re.compile(r"[^\W\d_]+")
# What may stand between the words of one group, and between the two groups.
_INSIDE_GROUP = re.compile(rf"{_SPACE}+|['’]")
_BETWEEN_GROUPS = re.compile(rf"{_SPACE}+")
# A group glued to a hyphen or a digit belongs to a longer token (« Jean-Paul Paul »).
_GLUED = frozenset("-‐0123456789")


class _Group(NamedTuple):
    """Two groups of `size` words, the second repeating the first."""

    start: int
    first_end: int  # where the first group ends
    end: int


def _doubled_groups(folded: str, sizes: range) -> Iterator[_Group]:
    """Groups of words written twice in a row (« est d'une est d'une »).

    A doubled group of n words starts with a word seen again n words later: the last place of
    each word finds the candidates in one pass over the words, and the rare candidates are
    then checked word by word. A backreference tried at every word start, as a pattern
    would, costs several times more on every document.
    """
    words = _LETTERS.findall(folded)
    last_seen: dict[str, int] = {}
    candidates: list[tuple[int, int]] = []
    for index, word in enumerate(words):
        previous = last_seen.get(word)
        size = index - previous if previous is not None else 0
        # « très très très très » is four single words, the single-word rule's case.
        first = words[previous:index] if size in sizes else []
        if first and first == words[index : index + size] and len(set(first)) > 1:
            candidates.append((index - size, size))
        last_seen[word] = index
    if not candidates:
        return
    tokens = list(_LETTERS.finditer(folded))
    after = -1
    for index, size in candidates:
        if index <= after:
            continue  # inside a group already reported
        found = _group_at(folded, tokens, index, size)
        if found is not None:
            after = index + 2 * size - 1
            yield found


def _group_at(folded: str, tokens: list[re.Match[str]], index: int, size: int) -> _Group | None:
    first, last = tokens[index], tokens[index + 2 * size - 1]
    before, after = folded[first.start() - 1 : first.start()], folded[last.end() : last.end() + 1]
    if before in _GLUED or after in _GLUED:
        return None
    for position in range(index, index + 2 * size - 1):
        gap = folded[tokens[position].end() : tokens[position + 1].start()]
        pattern = _BETWEEN_GROUPS if position == index + size - 1 else _INSIDE_GROUP
        if not pattern.fullmatch(gap):
            return None
    return _Group(first.start(), tokens[index + size - 1].end(), last.end())


def _crosses_a_block(doc: Document, match: regex.Match[str]) -> bool:
    """Whether the second word begins another block: a title, a list item, a table cell.

    Markdown and HTML say where their blocks are; in plain text, a capitalised word at the
    start of the next line begins one (tables of contents put « … de recherche » on one line
    and « Recherche de … » on the next). Machine translation doubles a word inside one
    sentence.
    """
    second = match.end("gap")
    if "\n" not in match.group("gap"):
        return False
    if doc.regions is None:
        return doc.text[second].isupper()
    return not any(span.start <= match.start() and second < span.end for span in doc.spans)


class RepetitionRule(Rule):
    """Flags « le Le », « de de »; `allow` lists words that may repeat (« nous nous »)."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.allow = frozenset(fold(word) for word in fields.string_list("allow", ()))
        self.words = fields.integer("words", 1)
        if self.words > 4:
            raise fields.error("words", "should be at most 4")

    def find(self, doc: Document) -> Iterator[Issue]:
        if self.words > 1:
            yield from self._groups(doc)
            return
        for match in _doubled(fold(doc.text)):
            start, end = match.span("word")
            if not match.group("gap") or match.group("word") in self.allow:
                continue
            if _crosses_a_block(doc, match):
                continue
            # Keep the first word as written: « le Le premier » becomes « le premier ».
            yield self.make_issue(doc, start, match.end(), doc.text[start:end])

    def _groups(self, doc: Document) -> Iterator[Issue]:
        """Groups of 2 to `words` words written twice; the fix keeps the first as written."""
        for group in _doubled_groups(fold(doc.text), range(2, self.words + 1)):
            first = doc.text[group.start : group.first_end]
            yield self.make_issue(doc, group.start, group.end, first)
