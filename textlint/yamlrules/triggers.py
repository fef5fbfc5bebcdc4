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
        self._owners: list[list[int]] = []  # per trigger string: the rules (indexes of _keys) declaring it

    def add(self, key: Hashable, triggers: Iterable[str]) -> None:
        index = len(self._keys)
        self._keys.append(key)
        for trigger in triggers:
            slot = self._automaton.get(trigger, None)
            if slot is None:
                self._automaton.add_word(trigger, len(self._owners))
                self._owners.append([index])
            elif index not in self._owners[slot]:
                self._owners[slot].append(index)

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
        owners = self._owners
        lines: dict[int, list[int]] = {}  # per rule: its lines, in order (matches come in order)
        # Matches come in text order, so the line only moves forward: it is looked up again
        # only when a match ends past the current line, and a common trigger (« la »), found
        # dozens of times in a line, counts once per line.
        line, line_end = -1, -1
        seen: set[int] = set()  # the trigger strings found on the current line
        for end, slot in self._automaton.iter(doc.text):
            if end >= line_end:
                line = bisect_right(starts, end) - 1
                line_end = starts[line + 1] if line + 1 < len(starts) else len(doc.text)
                seen = set()
            elif slot in seen:
                continue
            seen.add(slot)
            for owner in owners[slot]:
                held = lines.get(owner)
                if held is None:
                    lines[owner] = [line]
                elif held[-1] != line:
                    held.append(line)
        return {self._keys[i]: _merge(held, starts, len(doc.text)) for i, held in lines.items()}


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
