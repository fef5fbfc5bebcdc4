"""Kind `repetition`: a word written twice in a row, across case and line breaks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

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

    def find(self, doc: Document) -> Iterator[Issue]:
        for match in _doubled(fold(doc.text)):
            start, end = match.span("word")
            if not match.group("gap") or match.group("word") in self.allow:
                continue
            if _crosses_a_block(doc, match):
                continue
            # Keep the first word as written: « le Le premier » becomes « le premier ».
            yield self.make_issue(doc, start, match.end(), doc.text[start:end])
