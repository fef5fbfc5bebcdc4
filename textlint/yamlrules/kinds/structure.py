"""Kinds that look at a document's lines as a whole: a repeated paragraph, a truncated ending.

Scraped articles often carry a paragraph twice (a teaser repeated in the body) or stop in the
middle of a sentence (a paywall, a cut-off extraction); no pattern on a single match sees it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.rule import Header, Rule

_LAST_WORD = regex.compile(r"\S+\s*$")
_SENTENCE_END = regex.compile(r"[.!?…](?:[»”\"')\]]*)(?:\s|$)")


class DuplicateLineRule(Rule):
    """A paragraph (line) of at least `min-length` characters that appeared earlier, whole."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.min_length: int = fields.integer("min-length", 60)

    def find(self, doc: Document) -> Iterator[Issue]:
        seen: set[str] = set()
        offset = 0
        for line in doc.text.split("\n"):
            end = offset + len(line) + 1  # the line break goes with the line
            key = " ".join(line.split()) if len(line) >= self.min_length else ""
            if len(key) >= self.min_length:
                if key in seen:
                    # Removing the line with its break leaves the text as if it had never been pasted.
                    yield self.make_issue(doc, offset, min(end, len(doc.text)), "")
                seen.add(key)
            offset = end


class TruncatedEndingRule(Rule):
    """A document whose last line is long prose without final punctuation: it was cut off."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.min_length: int = fields.integer("min-length", 40)
        self.endings: str = fields.string("endings", '.!?…»"”)]:;|`*_>')

    def find(self, doc: Document) -> Iterator[Issue]:
        body = doc.text.rstrip()
        last = body[body.rfind("\n") + 1 :]
        if len(last) < self.min_length or last[-1] in self.endings:
            return
        word = _LAST_WORD.search(last)
        # A text with no finished sentence at all is a title or a caption, not a cut article.
        if word is not None and _SENTENCE_END.search(body):
            start = len(body) - len(last) + word.start()
            yield self.make_issue(doc, start, len(body), None)
