"""Kind `repetition`: a word written twice in a row, across case and line breaks."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textlint.document import Document
from textlint.fields import Fields
from textlint.issues import Issue
from textlint.matching import AFTER_WORD, finditer, fold
from textlint.rule import Header, Rule

# Letters (with combining marks) only: « 000 000 » in a number is not a doubled word. The
# pattern runs on the case-folded text, which is much faster than a case-insensitive
# back-reference; possessive quantifiers stop useless backtracking inside a word.
_SPACE = r"[ \t\u00a0\u202f]"
_DOUBLED = regex.compile(
    rf"\b(?P<word>\p{{L}}[\p{{L}}\p{{M}}]*+)(?P<gap>{_SPACE}*+(?:\r?\n)?{_SPACE}*+)(?P=word){AFTER_WORD}"
)


class RepetitionRule(Rule):
    """Flags « le Le », « de de »; `allow` lists words that may repeat (« nous nous »)."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.allow = frozenset(fold(word) for word in fields.string_list("allow", ()))

    def find(self, doc: Document) -> Iterator[Issue]:
        for match in finditer(_DOUBLED, fold(doc.text)):
            start, end = match.span("word")
            if not match.group("gap") or match.group("word") in self.allow:
                continue
            # Keep the first word as written: « le Le premier » becomes « le premier ».
            yield self.make_issue(doc, start, match.end(), doc.text[start:end])
