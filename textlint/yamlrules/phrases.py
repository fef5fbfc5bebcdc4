"""Every literal phrase of every rule, found in one pass per case mode.

Substitution and existence rules and the entity registries (tens of thousands of variants)
contribute phrases; a document is scanned once per case mode whatever the number of phrases,
instead of once per rule or per phrase.

What is searched stores integers only: each phrase's number, the place of its payloads (the
rules and entries it stands for) in a `Packed` sequence (`packed.py`). Read back from the
compiled-rules cache, a phrase's payloads are unpickled only the first time a document holds
the phrase, and a checker's rules are shared with its payloads as references, never copied.

Phrases are searched in one of two ways, with the same results in the same order:

- an Aho–Corasick automaton (pyahocorasick, storing integers), which finds any phrase
  anywhere; reading it back costs time in proportion to its characters (about 0.3 MB and
  a few milliseconds per 1,000 phrases);
- once a case mode holds `HASHED_FROM` phrases or more, the phrases that begin and end with a
  letter or digit and are only wanted at word boundaries (nearly all of a registry's) go in a
  hash table held in a few flat arrays (`_FlatMap`), which loads in the same time whatever
  its size. A match of such a phrase starts where a word starts and ends where a word ends,
  so the table is looked up for the words of the text: first the word itself (is it the first
  word of some phrase, and how long is the longest?), then each stretch from it to a later
  word end within that length. Looking words up costs a little more per document than the
  automaton's scan, so small rule sets keep the automaton.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

import ahocorasick
import regex

from textlint.yamlrules.matching import WORD_CHAR, Edges, at_edges, fold, is_word_char
from textlint.yamlrules.packed import Packed

T = TypeVar("T")

HASHED_FROM = 20_000  # word-edged phrases of one case mode from which they go in a hash table

# Where a payload's phrase counts: True at word boundaries (`PhraseIndex._bounded`), False
# anywhere, or at the word edges a lexicon pattern entry asks of its triggers (`Edges`).
Bounds = bool | Edges
# One phrase's length and the payloads registered under it, with where each counts.
Slot = tuple[int, list[tuple[T, Bounds]]]

_WORD = regex.compile(f"(?:{WORD_CHAR})+")


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads and finds them all in a text, at word boundaries."""

    def __init__(self, shared: Sequence[object] = (), hashed_from: int | None = None) -> None:
        """`shared`: objects the payloads refer to (a checker's rules), stored as references;
        `hashed_from`: how many word-edged phrases a mode needs for a hash table (`HASHED_FROM`)."""
        self._shared = shared
        self._hashed_from = HASHED_FROM if hashed_from is None else hashed_from
        self._slots: list[Slot[T]] | Packed[Slot[T]] = []
        # While rules are added: each mode's phrases and their numbers; then what searches them.
        self._phrases: dict[bool, dict[str, int]] | None = {False: {}, True: {}}
        self._modes: tuple[_Mode, ...] | None = None

    def add(self, phrase: str, ignore_case: bool, payload: T, bounded: Bounds = True) -> None:
        """Register `phrase`; `bounded=False` also finds it inside words (« fÃ©vrier »), an
        `Edges` at those word edges only."""
        slots, phrases = self._slots, self._phrases
        assert isinstance(slots, list) and phrases is not None, (
            "an index read back from the cache is complete"
        )
        key = fold(phrase) if ignore_case else phrase
        number = phrases[ignore_case].get(key)
        if number is None:
            phrases[ignore_case][key] = len(slots)
            slots.append((len(key), [(payload, bounded)]))
        else:
            slots[number][1].append((payload, bounded))
        self._modes = None

    def build(self) -> None:
        """Compile the search now rather than on the first search (a large registry takes time)."""
        if self._modes is None:
            assert self._phrases is not None and isinstance(self._slots, list)
            slots = self._slots
            self._modes = tuple(
                _Mode.of(ignore_case, phrases, slots, self._hashed_from)
                for ignore_case, phrases in self._phrases.items()
            )

    def __len__(self) -> int:
        self.build()
        assert self._modes is not None
        return sum(len(mode) for mode in self._modes)

    def find(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Every (start, end, payload) whose phrase stands at word boundaries in `text`."""
        self.build()
        assert self._modes is not None
        for mode in self._modes:
            for start, end, number in mode.find(text, self._length):
                payloads = self._slots[number][1]
                # Asked only for a payload that needs it: a trigger of a lexicon pattern (found
                # anywhere) is among the commonest phrases.
                at_boundaries: bool | None = None
                for payload, bounded in payloads:
                    if bounded is True:
                        if at_boundaries is None:
                            at_boundaries = self._bounded(text, start, end)
                        if not at_boundaries:
                            continue
                    elif bounded and not at_edges(text, start, end, bounded):
                        continue
                    yield start, end, payload

    def _length(self, number: int) -> int:
        return self._slots[number][0]

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        """Word boundaries are required only where the phrase itself begins or ends with a letter.

        A phrase of several words ends where a word ends: a hyphen between letters joins a
        compound (« un nouveau haut » is not in « un nouveau haut-commissaire »). A single word
        still matches inside a compound (« mi-Octobre »)."""
        compound = " " in text[start:end]
        if is_word_char(text[start]) and start > 0 and _joined(text, start - 1, -1, compound):
            return False
        return not (is_word_char(text[end - 1]) and end < len(text) and _joined(text, end, 1, compound))

    # In the compiled-rules cache: the search structures and the packed payloads, not the phrases.
    def __getstate__(self) -> dict[str, object]:
        self.build()
        slots = self._slots
        packed = Packed(slots, self._shared) if isinstance(slots, list) else slots
        return {"modes": self._modes, "shared": self._shared, "slots": packed}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._modes = state["modes"]  # type: ignore[assignment]
        self._shared = state["shared"]  # type: ignore[assignment]
        self._slots = state["slots"]  # type: ignore[assignment]
        self._phrases = None
        self._hashed_from = HASHED_FROM


class _Mode:
    """The phrases of one case mode: an automaton, and a hash table once there are many."""

    def __init__(self, ignore_case: bool, automaton: ahocorasick.Automaton, table: _Table | None) -> None:
        self.ignore_case = ignore_case
        self.automaton = automaton
        self.table = table

    @classmethod
    def of(cls, ignore_case: bool, phrases: dict[str, int], slots: list[Slot[T]], hashed_from: int) -> _Mode:
        hashed = {
            key: number
            for key, number in phrases.items()
            if _word_edged(key) and all(bounded is True for _, bounded in slots[number][1])
        }
        if len(hashed) < hashed_from:
            hashed = {}
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, number in phrases.items():
            if key not in hashed:
                automaton.add_word(key, number)
        if len(automaton):
            automaton.make_automaton()
        return cls(ignore_case, automaton, _Table(hashed) if hashed else None)

    def __len__(self) -> int:
        return len(self.automaton) + (len(self.table) if self.table else 0)

    def find(self, text: str, length: Callable[[int], int]) -> Iterator[tuple[int, int, int]]:
        """(start, end, phrase number) of every occurrence, by end, the longest first (the
        automaton's order); a hashed phrase only where it stands at word boundaries."""
        haystack = fold(text) if self.ignore_case else text
        found = (
            (last + 1 - length(number), last + 1, number)
            for last, number in (self.automaton.iter(haystack) if len(self.automaton) else ())
        )
        if self.table is None:
            yield from found
        else:
            yield from sorted(
                [*found, *self.table.find(text, haystack)], key=lambda match: (match[1], match[0])
            )


def _joined(text: str, at: int, step: int, compound: bool) -> bool:
    """Whether text[at], beside a phrase's edge letter, continues its word: a letter, or, for a
    phrase of several words, a hyphen followed (in the direction `step`) by a letter."""
    if is_word_char(text[at]):
        return True
    if not compound:
        return False
    beyond = at + step
    return text[at] == "-" and 0 <= beyond < len(text) and text[beyond].isalpha()


def _word_edged(key: str) -> bool:
    return bool(key) and is_word_char(key[0]) and is_word_char(key[-1])


class _Table:
    """Word-edged phrases in a hash table: the phrases, and the first word of each with the
    length of the longest phrase it begins."""

    def __init__(self, phrases: dict[str, int]) -> None:
        reach: dict[str, int] = {}
        for key in phrases:
            first = key[: _WORD.match(key).end()]  # type: ignore[union-attr]  # word-edged: a word begins it
            reach[first] = max(reach.get(first, 0), len(key))
        self.phrases = _FlatMap(phrases)
        self.firsts = _FlatMap(reach)

    def __len__(self) -> int:
        return len(self.phrases)

    def find(self, text: str, haystack: str) -> Iterator[tuple[int, int, int]]:
        """Phrases from a word start of `text` to a word end (words are the same in `haystack`,
        its folded form: folding never turns a letter into a non-letter)."""
        words = [match.span() for match in _WORD.finditer(text)]
        reaches: dict[str, int | None] = {}  # a document repeats its words: each is looked up once
        for place, (start, end) in enumerate(words):
            first = haystack[start:end]
            if first not in reaches:
                reaches[first] = self.firsts.get(first)
            reach = reaches[first]
            if reach is None:
                continue
            for _, later_end in words[place:]:
                if later_end - start > reach:
                    break
                number = self.phrases.get(haystack[start:later_end])
                if number is not None:
                    yield start, later_end, number


class _FlatMap:
    """A read-only str → int mapping in four flat arrays, so that it unpickles in the time of
    a few buffer copies whatever its size: the keys' UTF-8 bytes end to end, their offsets,
    their values, and an open-addressing table of key places by a hash that is the same in
    every process (CRC-32 of the bytes; Python's own string hash changes from one process to
    the next)."""

    def __init__(self, mapping: dict[str, int]) -> None:
        keys = [_encoded(key) for key in mapping]
        self._keys = b"".join(keys)
        self._offsets = array("I", accumulate((len(key) for key in keys), initial=0))
        self._values = array("I", mapping.values())
        size = 8
        while size < 2 * len(keys):  # at most half full: a miss ends after a probe or two
            size *= 2
        self._buckets = array("I", bytes(4 * size))
        mask = size - 1
        for place, key in enumerate(keys):
            bucket = zlib.crc32(key) & mask
            while self._buckets[bucket]:
                bucket = (bucket + 1) & mask
            self._buckets[bucket] = place + 1

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: str) -> int | None:
        buckets, offsets, data = self._buckets, self._offsets, _encoded(key)
        mask = len(buckets) - 1
        bucket = zlib.crc32(data) & mask
        while place := buckets[bucket]:
            if self._keys[offsets[place - 1] : offsets[place]] == data:
                return self._values[place - 1]
            bucket = (bucket + 1) & mask
        return None


def _encoded(key: str) -> bytes:
    return key.encode("utf-8", "surrogatepass")
