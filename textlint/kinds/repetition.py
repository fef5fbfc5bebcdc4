"""Kind `repetition`: a word written twice in a row, across case and line breaks."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textlint.document import Document
from textlint.fields import Fields
from textlint.issues import Issue
from textlint.matching import AFTER_WORD, BEFORE_WORD, finditer
from textlint.rule import Header, Rule

# Letters (with combining marks) only: « 000 000 » in a number is not a doubled word.
_DOUBLED = regex.compile(
    rf"{BEFORE_WORD}(?P<word>(?:\p{{L}}\p{{M}}*)+)(?P<gap>[ \t\u00a0\u202f]*(?:\r?\n)?[ \t\u00a0\u202f]*)"
    rf"(?P<again>(?P=word)){AFTER_WORD}",
    regex.IGNORECASE | regex.FULLCASE,
)


class RepetitionRule(Rule):
    """Flags « le Le », « de de »; `allow` lists words that may repeat (« nous nous »)."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.allow = frozenset(word.casefold() for word in fields.string_list("allow", ()))

    def find(self, doc: Document) -> Iterator[Issue]:
        for match in finditer(_DOUBLED, doc.text):
            if not match.group("gap") or match.group("word").casefold() in self.allow:
                continue
            # Keep the first word as written: « le Le premier » becomes « le premier ».
            yield self.make_issue(doc, match.start(), match.end(), match.group("word"))
