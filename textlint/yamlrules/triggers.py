"""Trigger prefilter: run a pattern rule only on the lines holding one of its trigger strings.

A rule that declares `trigger` promises that every match contains one of those strings and
stays within one line. One Aho–Corasick scan finds every trigger of every rule; each rule's
regex then runs on the lines it needs instead of on the whole text. The rule self-test checks
the promise on the rule's own examples.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable

import ahocorasick

from textlint.document import Document

Window = tuple[int, int]


class TriggerIndex:
    """Maps trigger strings to the rules (by key) that declared them."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._keys: list[Hashable] = []

    def add(self, key: Hashable, triggers: Iterable[str]) -> None:
        index = len(self._keys)
        self._keys.append(key)
        for trigger in triggers:
            owners = self._automaton.get(trigger, None)
            if owners is None:
                self._automaton.add_word(trigger, [index])
            elif index not in owners:
                owners.append(index)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def build(self) -> None:
        """Compile the automaton; done once, before the index is shared between threads."""
        if self._keys and self._automaton.kind != ahocorasick.AHOCORASICK:
            self._automaton.make_automaton()

    def windows(self, doc: Document) -> dict[Hashable, list[Window]]:
        """For each rule key with a trigger in `doc`, the merged line ranges that hold one."""
        self.build()
        starts = doc.line_starts
        lines: dict[int, set[int]] = {}
        for end, owners in self._automaton.iter(doc.text):
            line = bisect_right(starts, end) - 1
            for owner in owners:
                lines.setdefault(owner, set()).add(line)
        return {self._keys[i]: _merge(sorted(found), starts, len(doc.text)) for i, found in lines.items()}


def _merge(lines: list[int], starts: list[int], size: int) -> list[Window]:
    """Consecutive line numbers become one (start, end) window over the text."""
    windows: list[Window] = []
    for line in lines:
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else size
        if windows and windows[-1][1] == start:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows
