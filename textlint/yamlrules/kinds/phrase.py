"""What the literal-phrase kinds (substitution, existence, entity) share: one `PhraseIndex`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.phrases import PhraseIndex
from textlint.yamlrules.rule import Rule


@dataclass(frozen=True)
class Entry:
    """One phrase of a rule and what to propose instead."""

    phrase: str
    replacement: str | None
    suggestions: tuple[str, ...]


class PhraseRule(Rule):
    """A rule whose matches are literal phrases; the checker scans all such rules at once."""

    entries: tuple[Entry, ...]
    words: bool = True  # phrases must stand at word boundaries

    def phrases(self) -> Iterator[tuple[str, Entry]]:
        for entry in self.entries:
            yield entry.phrase, entry

    def ignores_case(self, entry: Entry) -> bool:
        """Whether `entry`'s phrase is found in any case (the rule's `case`, unless a kind
        lets an entry say otherwise)."""
        return self.header.case.ignores_case

    def bounded(self, entry: Entry) -> bool:
        """Whether `entry`'s phrase must stand at word boundaries."""
        return self.words

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        """The issue for a phrase found at [start, end), or None when the context clears it."""
        return self.make_issue(doc, start, end, entry.replacement, entry.suggestions)

    @cached_property
    def _own_index(self) -> PhraseIndex[tuple[PhraseRule, Entry]]:
        index: PhraseIndex[tuple[PhraseRule, Entry]] = PhraseIndex()
        add_to_index(index, self)
        return index

    # Stored in the compiled-rules cache without the index of a run on its own (rebuilt on use).
    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if name != "_own_index"}

    def find(self, doc: Document) -> Iterator[Issue]:
        for start, end, (_, entry) in self._own_index.find(doc.text):
            issue = self.issue_for(doc, start, end, entry)
            if issue is not None:
                yield issue


def add_to_index(index: PhraseIndex[tuple[PhraseRule, Entry]], rule: PhraseRule) -> None:
    for phrase, entry in rule.phrases():
        index.add(phrase, rule.ignores_case(entry), (rule, entry), rule.bounded(entry))
