"""What the literal-phrase kinds (substitution, existence, entity) share: one `PhraseIndex`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import cast

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.packed import Packed
from textlint.yamlrules.phrases import Bounds, PhraseIndex
from textlint.yamlrules.rule import Rule

# Where a rule read back from the compiled-rules cache keeps its deferred attributes, packed.
_DEFERRED = "_deferred_state"


@dataclass(frozen=True)
class Entry:
    """One phrase of a rule and what to propose instead."""

    phrase: str
    replacement: str | None
    suggestions: tuple[str, ...]


class PhraseRule(Rule):
    """A rule whose matches are literal phrases; the checker scans all such rules at once."""

    words: bool = True  # phrases must stand at word boundaries
    # What a checker, once built, never reads: the compiled-rules cache stores these together,
    # packed (`packed.py`), and a rule read back unpickles them when first asked for (to build
    # a checker, or to run the rule on its own); a checker holds its own copies of the
    # entries in its phrase search. Unpickled together, they keep sharing their objects.
    deferred: tuple[str, ...] = ("entries",)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """The rule's phrases: set by its kind when it is built, deferred when read back."""
        return cast(tuple[Entry, ...], self._deferred("entries"))

    def _deferred(self, name: str) -> object:
        state: Packed[tuple[object, ...]] = self.__dict__[_DEFERRED]
        return state[0][self.deferred.index(name)]

    def phrases(self) -> Iterator[tuple[str, Entry]]:
        for entry in self.entries:
            yield entry.phrase, entry

    def ignores_case(self, entry: Entry) -> bool:
        """Whether `entry`'s phrase is found in any case (the rule's `case`, unless a kind
        lets an entry say otherwise)."""
        return self.header.case.ignores_case

    def bounded(self, entry: Entry) -> Bounds:
        """Whether `entry`'s phrase must stand at word boundaries (or at which word edges)."""
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
        state = {
            name: value
            for name, value in vars(self).items()
            if name != "_own_index" and name not in self.deferred
        }
        if _DEFERRED not in state:
            state[_DEFERRED] = Packed([tuple(getattr(self, name) for name in self.deferred)])
        return state

    def find(self, doc: Document) -> Iterator[Issue]:
        for start, end, (_, entry) in self._own_index.find(doc.text):
            issue = self.issue_for(doc, start, end, entry)
            if issue is not None:
                yield issue


def add_to_index(index: PhraseIndex[tuple[PhraseRule, Entry]], rule: PhraseRule) -> None:
    for phrase, entry in rule.phrases():
        index.add(phrase, rule.ignores_case(entry), (rule, entry), rule.bounded(entry))
