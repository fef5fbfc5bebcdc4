"""One Aho–Corasick automaton for every literal phrase of every rule.

Substitution and existence rules and the entity registries (tens of thousands of variants)
contribute phrases; a document is scanned once per case mode whatever the number of phrases,
instead of once per rule or per phrase.

The automata store integers only: each phrase's number, the place of its payloads (the rules
and entries it stands for) in a `Packed` sequence. Read back from the compiled-rules cache, an
automaton of integers is a few buffers to copy, and a phrase's payloads are unpickled only the
first time a document holds the phrase (`packed.py`); a checker's rules are shared with its
payloads as references, never copied.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

import ahocorasick

from textlint.yamlrules.matching import fold, is_word_char
from textlint.yamlrules.packed import Packed

T = TypeVar("T")

# One phrase's length and the payloads registered under it, with whether each needs word boundaries.
Slot = tuple[int, list[tuple[T, bool]]]


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads and finds them all in a text, at word boundaries."""

    def __init__(self, shared: Sequence[object] = ()) -> None:
        """`shared`: objects the payloads refer to (a checker's rules), stored as references."""
        self._automata = {
            False: ahocorasick.Automaton(ahocorasick.STORE_INTS),
            True: ahocorasick.Automaton(ahocorasick.STORE_INTS),
        }
        self._shared = shared
        self._slots: list[Slot[T]] | Packed[Slot[T]] = []

    def add(self, phrase: str, ignore_case: bool, payload: T, bounded: bool = True) -> None:
        """Register `phrase`; `bounded=False` also finds it inside words (« fÃ©vrier »)."""
        slots = self._slots
        assert isinstance(slots, list), "an index read back from the cache is complete"
        automaton = self._automata[ignore_case]
        key = fold(phrase) if ignore_case else phrase
        number = automaton.get(key, None)
        if number is None:
            automaton.add_word(key, len(slots))
            slots.append((len(key), [(payload, bounded)]))
        else:
            slots[number][1].append((payload, bounded))

    def build(self) -> None:
        """Compile the automata now rather than on the first search (a large registry takes time)."""
        for automaton in self._automata.values():
            self._build(automaton)

    @staticmethod
    def _build(automaton: ahocorasick.Automaton) -> None:
        if automaton.kind == ahocorasick.EMPTY:
            return
        if automaton.kind != ahocorasick.AHOCORASICK:
            automaton.make_automaton()

    def __len__(self) -> int:
        return sum(len(automaton) for automaton in self._automata.values())

    def find(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Every (start, end, payload) whose phrase stands at word boundaries in `text`."""
        for ignore_case, automaton in self._automata.items():
            if automaton.kind == ahocorasick.EMPTY:
                continue
            self._build(automaton)
            haystack = fold(text) if ignore_case else text
            for last, number in automaton.iter(haystack):
                length, payloads = self._slots[number]
                start, end = last + 1 - length, last + 1
                at_boundaries = self._bounded(text, start, end)
                for payload, bounded in payloads:
                    if at_boundaries or not bounded:
                        yield start, end, payload

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        """Word boundaries are required only where the phrase itself begins or ends with a letter."""
        if is_word_char(text[start]) and start > 0 and is_word_char(text[start - 1]):
            return False
        return not (is_word_char(text[end - 1]) and end < len(text) and is_word_char(text[end]))

    # In the compiled-rules cache the payloads are packed: see the module's docstring.
    def __getstate__(self) -> dict[str, object]:
        slots = self._slots
        packed = Packed(slots, self._shared) if isinstance(slots, list) else slots
        return {"automata": self._automata, "shared": self._shared, "slots": packed}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._automata = state["automata"]  # type: ignore[assignment]
        self._shared = state["shared"]  # type: ignore[assignment]
        self._slots = state["slots"]  # type: ignore[assignment]
