"""What a check of a changed file reads back from the caches, and when.

The rule checker comes back from the compiled-rules cache with nothing a document does not
need unpickled: a rule is unpickled when a document first needs it, a compiled regex is
rebuilt when first used, a phrase rule's entries only when asked for. Whatever is deferred,
the issues are those of the checker as it was built. The regexes of textlint's own modules
come from a table of compiled programs kept in the cache folder.
"""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest
import regex

from textlint import cachestore, regexes
from textlint.document import Document
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.kinds.lexicon import LexiconRule
from textlint.yamlrules.kinds.pattern import PatternRule
from textlint.yamlrules.loader import load_ruleset
from textlint.yamlrules.rule import Rule
from textlint.yamlrules.selftest import run_selftest
from textlint.yamlrules.stored import StoredPattern, dumps

RULES = """\
ruleset:
  prefix: essai
  category: style
rules:
  - id: derechef
    pattern: '\\bderechef\\b'
    trigger: [derechef]
    exceptions: ['derechef, dit-il']
    replacement: de nouveau
    message: « derechef » est vieilli ; préférez « de nouveau ».
    examples:
      bad: [{text: Il est venu derechef., fixed: Il est venu de nouveau.}]
      good: [« Viens derechef, dit-il. »]
  - id: point-espace
    pattern: ' \\.'
    message: Pas d'espace avant un point.
    replacement: .
    examples:
      bad: [{text: Il vient ., fixed: Il vient.}]
  - id: courriel
    kind: substitution
    swap: {e-mail: courriel}
    message: « {match} » se dit « {replacement} ».
    examples:
      bad: [{text: Envoyez un e-mail., fixed: Envoyez un courriel.}]
  - id: lex
    kind: lexicon
    message: "« {match} » : {from} « {source} » ({sense})"
    entries:
      - source: library
        sense: bibliothèque
        forms: {librairie: bibliothèque}
        context: [code]
        examples:
          bad: [{text: "Une librairie de code.", fixed: "Une bibliothèque de code."}]
          good: ["Une librairie de quartier."]
      - source: in (a year)
        sense: en
        pattern: 'dans\\s+(?P<an>(?:19|20)\\d\\d)\\b'
        trigger: [dans]
        replacement: "en \\\\g<an>"
        examples: {bad: [{text: "Présenté dans 2017.", fixed: "Présenté en 2017."}]}
"""
TEXT = "Il est venu derechef. Présenté dans 2017, une librairie de code, un e-mail ."
QUIET = "Une phrase sans rien à signaler."


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> list[Rule]:
    path = tmp_path_factory.mktemp("rules") / "essai.yaml"
    path.write_text(RULES, encoding="utf-8")
    return list(load_ruleset(path).rules)


def read_back(value: object) -> object:
    """As the compiled-rules cache stores and reads it."""
    return pickle.loads(dumps(value))


def decoded(checker: RuleChecker) -> set[str]:
    """The ids of the rules the checker has unpickled so far."""
    return {page[0].id for page in checker._rules._pages.values()}


def test_a_checker_read_back_unpickles_only_the_rules_a_document_needs(rules: list[Rule]) -> None:
    built = RuleChecker(rules)
    checker = read_back(built)
    assert isinstance(checker, RuleChecker)
    assert decoded(checker) == {"essai.point-espace"}  # no trigger: it runs on every document
    assert "essai.derechef" in checker.triggered and list(checker.triggered) == ["essai.derechef"]
    assert checker.check(Document(QUIET)) == built.check(Document(QUIET)) == []
    assert decoded(checker) == {"essai.point-espace"}
    issues = checker.check(Document(TEXT))
    assert issues == built.check(Document(TEXT))
    assert {issue.rule for issue in issues} == {r.id for r in rules}
    assert decoded(checker) == {r.id for r in rules}
    # Read back again, a checker that has decoded rules is stored whole as it was.
    again = read_back(checker)
    assert isinstance(again, RuleChecker) and again.check(Document(TEXT)) == issues


def test_regexes_read_back_are_rebuilt_on_first_use_and_match_the_same(rules: list[Rule]) -> None:
    [rule] = [r for r in rules if isinstance(r, PatternRule) and r.trigger]
    copy = read_back(rule)
    assert isinstance(copy, PatternRule)
    stored = copy.pattern
    assert isinstance(stored, StoredPattern) and "_compiled" not in vars(stored)
    [exception] = copy.header.exceptions
    assert isinstance(exception, StoredPattern)
    assert list(copy.check(Document(TEXT))) == list(rule.check(Document(TEXT)))
    assert "_compiled" in vars(stored) and "_compiled" in vars(exception)
    assert stored.pattern == rule.pattern.pattern and stored.flags == rule.pattern.flags
    assert isinstance(read_back(copy), PatternRule)  # a stand-in pickles as a stand-in


def test_threads_first_using_a_stored_regex_at_once_all_match_alike() -> None:
    stored = read_back(regex.compile(r"\b(?P<mot>\w+)ment\b", regex.IGNORECASE))
    assert isinstance(stored, StoredPattern)
    text = "Évidemment, il parle lentement et sûrement. " * 50
    start = threading.Barrier(8)
    seen: list[list[tuple[int, int]]] = [[] for _ in range(8)]

    def use(slot: int) -> None:
        start.wait()
        seen[slot] = [match.span() for match in stored.finditer(text)]

    threads = [threading.Thread(target=use, args=(slot,)) for slot in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen[0]) == 150 and all(spans == seen[0] for spans in seen)
    assert stored.compiled() is stored.compiled()  # one pattern kept, whichever thread built it


def test_a_phrase_rule_read_back_unpickles_its_entries_only_when_asked(rules: list[Rule]) -> None:
    [lexicon] = [r for r in rules if isinstance(r, LexiconRule)]
    copy = read_back(lexicon)
    assert isinstance(copy, LexiconRule)
    assert "entries" not in vars(copy) and "items" not in vars(copy)
    assert [e.phrase for e in copy.entries] == [e.phrase for e in lexicon.entries]
    # Unpickled together, each form refers to the very entry `items` holds (the self-test
    # runs each entry alone by finding its forms).
    assert all(any(form.item is item for item in copy.items) for form in copy.entries)  # type: ignore[attr-defined]
    assert run_selftest([copy]) == run_selftest([lexicon]) == []
    assert list(copy.check(Document(TEXT))) == list(lexicon.check(Document(TEXT)))


def test_module_regexes_come_from_the_table_of_compiled_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cachestore.CACHE_ENV, str(tmp_path))
    at_exit: list[object] = []
    monkeypatch.setattr(regexes.atexit, "register", at_exit.append)
    source, text = r"(?<!\w)[Ll]['’](?=\p{Lu})", "L'Europe et l’État, l'avion."
    first = regexes._Programs()
    expected = [m.span() for m in first.pattern(source, regex.VERSION1).finditer(text)]
    assert at_exit == [first.save]  # the table is written when the process ends
    first.save()
    assert list(tmp_path.joinpath("regexes").rglob("*.pickle"))

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as patch:
        patch.setattr(regexes.regex, "compile", no_compiling)
        read = regexes._Programs().pattern(source, regex.VERSION1)
    assert [m.span() for m in read.finditer(text)] == expected == [(0, 2), (12, 14)]
    # Another textlint or another regex module is another table: compiled again.
    monkeypatch.setattr(regexes, "code_identity", lambda: "another installation")
    other = regexes._Programs()
    assert other.pattern(source, regex.VERSION1).pattern == source and other._added


def test_the_table_of_programs_keeps_what_other_processes_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cachestore.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regexes.atexit, "register", lambda _: None)
    one, two = regexes._Programs(), regexes._Programs()
    one.pattern("un", 0)
    two.pattern("deux", 0)
    one.save()
    two.save()
    table = regexes._Programs()._table()
    assert {("un", 0), ("deux", 0)} <= set(table)


def test_a_program_the_regex_module_cannot_read_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cachestore.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regexes.atexit, "register", lambda _: None)
    programs = regexes._Programs()
    programs._table()[("a+b", 0)] = b"written by another regex module"
    assert programs.pattern("a+b", 0).fullmatch("aaab")
