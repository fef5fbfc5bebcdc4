"""One Aho–Corasick automaton for every literal phrase of every rule.

Substitution and existence rules (and, later, the entity registry with tens of thousands of
variants) contribute phrases; a document is scanned once per case mode whatever the number
of phrases, instead of once per rule or per phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import ahocorasick

from textlint.yamlrules.matching import fold, is_word_char

T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads and finds them all in a text, at word boundaries."""

    def __init__(self) -> None:
        self._automata = {False: ahocorasick.Automaton(), True: ahocorasick.Automaton()}

    def add(self, phrase: str, ignore_case: bool, payload: T, bounded: bool = True) -> None:
        """Register `phrase`; `bounded=False` also finds it inside words (« fÃ©vrier »)."""
        automaton = self._automata[ignore_case]
        key = fold(phrase) if ignore_case else phrase
        existing = automaton.get(key, None)
        if existing is None:
            automaton.add_word(key, (len(key), [(payload, bounded)]))
        else:
            existing[1].append((payload, bounded))

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
            for last, (length, payloads) in automaton.iter(haystack):
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
