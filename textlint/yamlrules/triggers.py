"""Trigger prefilter: run a pattern rule only on the lines holding one of its trigger strings.

A rule that declares `trigger` promises that every match contains one of those strings and
stays within one line. One Aho–Corasick scan finds every trigger of every rule; each rule's
regex then runs on the lines it needs instead of on the whole text. The rule self-test checks
the promise on the rule's own examples.

A rule may ask for its triggers at word edges only (`trigger-at`, `Edges`): « l  » standing
alone, not the end of « avril ». Its windows are still the runs of lines holding a trigger
anywhere, as without the option, and it runs on those of them that hold one at word edges:
a window is either skipped or the very text it would have been, so a rule whose every match
holds a trigger at word edges finds exactly what it found before, whatever its regex looks
at around the match.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable

import ahocorasick

from textlint.document import Document
from textlint.yamlrules.matching import Edges, at_edges, is_word_char

Window = tuple[int, int]
# A trigger string wanted at word edges: its length, whether every rule wanting it wants it
# to begin a word and it begins with a word character, and those rules, with their edges.
_Wanted = tuple[int, bool, list[tuple[int, Edges]]]


class TriggerIndex:
    """Maps trigger strings to the rules (by key) that declared them."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._keys: list[Hashable] = []
        self._owners: list[list[int]] = []  # per trigger string: the rules (indexes of _keys) declaring it
        self._edged: dict[int, _Wanted] = {}  # by trigger string, for those some rule wants at word edges
        self._edged_rules: set[int] = set()

    def add(self, key: Hashable, triggers: Iterable[str], edges: Edges = Edges.ANYWHERE) -> None:
        index = len(self._keys)
        self._keys.append(key)
        if edges is not Edges.ANYWHERE:
            self._edged_rules.add(index)
        for trigger in triggers:
            slot = self._automaton.get(trigger, None)
            if slot is None:
                slot = len(self._owners)
                self._automaton.add_word(trigger, slot)
                self._owners.append([])
            if index not in self._owners[slot]:
                self._owners[slot].append(index)
                if edges is not Edges.ANYWHERE:
                    length, start_edge, wanting = self._edged.get(slot, (len(trigger), True, []))
                    wanting.append((index, edges))
                    start_edge = start_edge and edges is not Edges.WORD_END and is_word_char(trigger[0])
                    self._edged[slot] = (length, start_edge, wanting)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def build(self) -> None:
        """Compile the automaton; done once, before the index is shared between threads."""
        if self._keys and self._automaton.kind != ahocorasick.AHOCORASICK:
            self._automaton.make_automaton()

    def windows(self, doc: Document) -> dict[Hashable, list[Window]]:
        """For each rule key with a trigger in `doc`, the merged line ranges that hold one."""
        self.build()
        text = doc.text
        starts = doc.line_starts
        owners, edged = self._owners, self._edged
        lines: dict[int, list[int]] = {}  # per rule: its lines, in order (matches come in order)
        marked: dict[int, list[int]] = {}  # per rule wanting word edges: the lines holding one there
        # Matches come in text order, so the line only moves forward: it is looked up again
        # only when a match ends past the current line, and a common trigger (« la »), found
        # dozens of times in a line, counts once per line (once found at the word edges its
        # rules want, for a string some rule wants there).
        line, line_end = -1, -1
        seen: set[int] = set()  # the trigger strings found on the current line
        for end, slot in self._automaton.iter(text):
            if end >= line_end:
                line = bisect_right(starts, end) - 1
                line_end = starts[line + 1] if line + 1 < len(starts) else len(text)
                seen = set()
            elif slot in seen:
                continue
            for owner in owners[slot]:
                held = lines.get(owner)
                if held is None:
                    lines[owner] = [line]
                elif held[-1] != line:
                    held.append(line)
            wanted = edged.get(slot)
            if wanted is None:
                seen.add(slot)
                continue
            length, start_edge, wanting = wanted
            start = end + 1 - length
            # The commonest case, checked inline: a trigger ending a longer word (« s  » of « les  »).
            if start_edge and start > 0 and is_word_char(text[start - 1]):
                continue
            if _mark(text, start, end + 1, line, wanting, marked):
                seen.add(slot)
        edged_rules = self._edged_rules
        found = {}
        for i, held in lines.items():
            kept = _runs_marked(held, marked.get(i, [])) if i in edged_rules else held
            if kept:
                found[self._keys[i]] = _merge(kept, starts, len(text))
        return found


def _mark(
    text: str, start: int, end: int, line: int, wanted: list[tuple[int, Edges]], marked: dict[int, list[int]]
) -> bool:
    """Mark `line` for the rules wanting the trigger found at [start, end) at the word edges it
    stands at; whether every such rule has the line marked now."""
    done = True
    for owner, edges in wanted:
        held = marked.get(owner)
        if held and held[-1] == line:
            continue
        if at_edges(text, start, end, edges):
            if held is None:
                marked[owner] = [line]
            else:
                held.append(line)
        else:
            done = False
    return done


def _runs_marked(lines: list[int], marked: list[int]) -> list[int]:
    """The runs of consecutive line numbers of `lines` (the windows they make) that hold a
    marked line."""
    wanted = set(marked)
    kept: list[int] = []
    run: list[int] = []
    for line in lines:
        if run and line != run[-1] + 1:
            if wanted.intersection(run):
                kept += run
            run = []
        run.append(line)
    if run and wanted.intersection(run):
        kept += run
    return kept


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
