"""Packed sequences and the phrase index as the compiled-rules cache stores them: items
unpickled on first use, shared objects kept as references, the hash table finding exactly
what the automaton finds, and many threads decoding at once."""

from __future__ import annotations

import pickle
import random
import threading
from dataclasses import dataclass

import pytest

from tests.conftest import SEED
from textlint.document import Document
from textlint.issues import Issue
from textlint.linter import rulesets_for
from textlint.yamlrules.packed import PAGE, Packed
from textlint.yamlrules.phrases import PhraseIndex


@dataclass(frozen=True)
class Owner:
    name: str


def read_back(value: object) -> object:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_items_are_decoded_page_by_page_on_first_use_and_kept() -> None:
    packed = read_back(Packed([f"item {n}" for n in range(3 * PAGE + 5)]))
    assert isinstance(packed, Packed) and len(packed) == 3 * PAGE + 5
    assert packed._pages == {}  # nothing unpickled by reading it back
    assert packed[PAGE + 1] == f"item {PAGE + 1}" and set(packed._pages) == {1}
    assert packed[PAGE + 1] is packed[PAGE + 1]
    assert packed[-1] == f"item {3 * PAGE + 4}"
    assert list(packed) == [f"item {n}" for n in range(3 * PAGE + 5)]


def test_shared_objects_stay_references_to_the_readers_own() -> None:
    owners = (Owner("a"), Owner("b"))
    state = read_back((owners, Packed([(owners[1], 1), (owners[0], 2)], shared=owners)))
    assert isinstance(state, tuple)
    read_owners, packed = state
    assert packed[0][0] is read_owners[1] and packed[1][0] is read_owners[0]


def test_threads_decoding_the_same_page_at_once_all_get_one_object() -> None:
    packed = read_back(Packed([[n] for n in range(PAGE * 4)]))
    assert isinstance(packed, Packed)
    start = threading.Barrier(8)
    seen: list[list[object]] = [[] for _ in range(8)]

    def decode(slot: int) -> None:
        start.wait()
        seen[slot] = [packed[n] for n in range(len(packed))]

    threads = [threading.Thread(target=decode, args=(slot,)) for slot in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(items == [[n] for n in range(PAGE * 4)] for items in seen)
    # One object per item whichever thread decoded it first: the memo keeps whole pages only.
    assert all(a is b for items in seen[1:] for a, b in zip(seen[0], items, strict=True))


def test_an_index_read_back_finds_what_it_found_with_its_payloads_unpickled_on_use() -> None:
    owners = (Owner("rule"),)
    index: PhraseIndex[tuple[Owner, str]] = PhraseIndex(shared=owners)
    index.add("Deepmind", False, (owners[0], "DeepMind"))
    index.add("open ai", True, (owners[0], "OpenAI"))
    text = "Chez Deepmind comme chez Open AI, et non Deepminds."
    expected = list(index.find(text))
    assert [(start, end) for start, end, _ in expected] == [(5, 13), (25, 32)]
    read_owners, copy = pickle.loads(pickle.dumps((owners, index)))
    assert copy._slots._pages == {}
    found = list(copy.find(text))
    assert [(s, e, p[1]) for s, e, p in found] == [(s, e, p[1]) for s, e, p in expected]
    assert all(payload[0] is read_owners[0] for _, _, payload in found)


def test_a_phrase_of_several_words_does_not_stop_inside_a_compound() -> None:
    index: PhraseIndex[str] = PhraseIndex()
    index.add("un nouveau haut", True, "calque")
    index.add("Octobre", False, "month")
    text = "Un nouveau haut-commissaire, un nouveau haut, mi-Octobre."
    found = sorted((start, text[start:end]) for start, end, _ in index.find(text))
    assert found == [(29, "un nouveau haut"), (49, "Octobre")]


ALPHABET = "abcÉéÀ -'.’"


def phrase(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6))).strip() or "a"


def test_the_hash_table_finds_the_same_matches_in_the_same_order_as_the_automaton() -> None:
    rng = random.Random(3)
    for _ in range(200):
        automaton: PhraseIndex[int] = PhraseIndex(hashed_from=10**9)
        table: PhraseIndex[int] = PhraseIndex(hashed_from=0)  # every word-edged phrase hashed
        for payload in range(rng.randint(1, 30)):
            entry = (phrase(rng), rng.random() < 0.5, payload, rng.random() < 0.8)
            automaton.add(*entry)
            table.add(*entry)
        read = read_back(table)
        assert isinstance(read, PhraseIndex)
        for _ in range(4):
            text = "".join(rng.choice(ALPHABET + "\n") for _ in range(rng.randint(0, 150)))
            assert list(read.find(text)) == list(automaton.find(text))


def test_a_checker_read_back_with_every_word_edged_phrase_hashed_reports_the_same_issues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textlint.yamlrules import phrases
    from textlint.yamlrules.checker import RuleChecker

    rules = [rule for ruleset in rulesets_for(()) for rule in ruleset.rules]
    doc = Document(SEED.read_text(encoding="utf-8"), path="seed.txt")
    expected = RuleChecker(rules).check(doc)
    monkeypatch.setattr(phrases, "HASHED_FROM", 0)
    hashed = read_back(RuleChecker(rules))
    assert isinstance(hashed, RuleChecker)
    assert any(mode.table for mode in hashed.phrase_index._modes or ())

    # The checker orders rules by object identity, which differs between copies: compare in span order.
    def in_order(issues: list[Issue]) -> list[Issue]:
        return sorted(issues, key=lambda issue: (issue.start, issue.end, issue.rule, issue.message))

    assert expected and in_order(hashed.check(doc)) == in_order(expected)
