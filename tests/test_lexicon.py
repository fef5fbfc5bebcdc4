"""Kind `lexicon`: forms and patterns, the guards that spare correct French, fixes, validation."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from textlint.document import Document
from textlint.errors import RuleError
from textlint.issues import Severity
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.kinds.lexicon import expand_braces
from textlint.yamlrules.loader import load_ruleset
from textlint.yamlrules.selftest import run_selftest

HEAD = """ruleset:
  prefix: essai
  category: mt
rules:
  - id: lex
    kind: lexicon
    message: "« {match} » : {from} « {source} » ({sense})"
"""

ENTRIES = """    entries:
      - source: library
        sense: bibliothèque
        forms: {librairie: bibliothèque, librairies: bibliothèques}
        context: [code, logiciel]
        examples: {bad: [{text: "Une librairie de code.", fixed: "Une bibliothèque de code."}]}
      - source: to address
        sense: traiter
        forms: ["adress{e,er,é}"]
        before: [le problème]
        suggest: [traiter, régler]
        examples: {bad: ["Il faut adresser le problème."]}
      - source: eventually
        sense: finalement
        forms: [éventuellement]
        after: [a, ont]
        unless: [pourrait]
        fix: finalement
        severity: info
        examples: {bad: [{text: "Ils ont éventuellement signé.", fixed: "Ils ont finalement signé."}]}
      - source: issue
        sense: problème
        forms: {l'issue: le problème}
        context-in: paragraph
        context: [appareils]
        examples:
          bad:
            - text: "Les appareils plantent. L'issue grandit."
              fixed: "Les appareils plantent. Le problème grandit."
      - source: in (a year)
        sense: en
        pattern: 'dans\\s+(?P<an>(?:19|20)\\d\\d)\\b'
        trigger: [dans]
        replacement: "en \\\\g<an>"
        examples: {bad: [{text: "Présenté dans 2017.", fixed: "Présenté en 2017."}]}
"""


def rule_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "essai.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def found(tmp_path: Path, text: str, entries: str = ENTRIES) -> list[tuple[str, str | None]]:
    rules = load_ruleset(rule_file(tmp_path, HEAD + entries)).rules
    issues = RuleChecker(rules).check(Document(text))
    return [(text[i.start : i.end], i.fix.replacement if i.fix else None) for i in issues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une librairie de code libre.", [("librairie", "bibliothèque")]),
        ("La librairie du quartier ferme.", []),  # no context word in the sentence
        ("Du code. La librairie du quartier ferme.", []),  # the context is in another sentence
        ("Les librairies du logiciel.", [("librairies", "bibliothèques")]),
        ("Il faut adresser le problème.", [("adresser", None)]),
        ("Il a adressé le problème.", [("adressé", None)]),
        ("Il faut adresser une lettre.", []),
        ("Ils ont éventuellement signé.", [("éventuellement", "finalement")]),
        ("Ils pourrait éventuellement signer.", []),
        ("Ils ont, pourrait-on dire, éventuellement signé.", []),  # `unless`
        ("Les appareils plantent. L’issue grandit.", [("L’issue", "Le problème")]),
        ("Le match est serré. L'issue est incertaine.", []),
        ("Présenté dans 2017 à Paris.", [("dans 2017", "en 2017")]),
        ("Présenté dans 12 villes.", []),
    ],
)
def test_forms_patterns_and_guards(tmp_path: Path, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(tmp_path, text) == expected


def test_message_names_the_source_and_entries_carry_their_severity(tmp_path: Path) -> None:
    rules = load_ruleset(rule_file(tmp_path, HEAD + ENTRIES)).rules
    issues = RuleChecker(rules).check(Document("Une librairie de code. Ils ont éventuellement signé."))
    assert issues[0].message == "« librairie » : de l’anglais « library » (bibliothèque)"
    assert [i.severity for i in issues] == [Severity.WARNING, Severity.INFO]
    addressed = RuleChecker(rules).check(Document("Il faut adresser le problème."))
    # `suggest` lists rewrites to adapt (a verb to conjugate), never replacements of the span.
    assert (addressed[0].suggestions, addressed[0].hints) == ((), ("traiter", "régler"))


def test_portuguese_sources_are_named_in_the_message(tmp_path: Path) -> None:
    entries = """    entries:
      - source: também
        from: pt
        sense: aussi
        forms: {também: aussi}
        examples: {bad: [{text: "Il a também voté.", fixed: "Il a aussi voté."}]}
"""
    rules = load_ruleset(rule_file(tmp_path, HEAD + entries)).rules
    issues = RuleChecker(rules).check(Document("Il a também voté."))
    assert [i.message for i in issues] == ["« também » : du portugais « também » (aussi)"]


def test_skip_quotations(tmp_path: Path) -> None:
    entries = """    skip-quotations: true
    entries:
      - source: sin embargo
        from: es
        sense: cependant
        forms: [sin embargo]
        examples: {bad: ["Le prix, sin embargo, baisse."]}
"""
    assert found(tmp_path, "Le prix, sin embargo, baisse.", entries) == [("sin embargo", None)]
    assert found(tmp_path, "Il a dit « sin embargo, no » en riant.", entries) == []


def test_a_regional_usage_is_spared_in_a_document_naming_its_region(tmp_path: Path) -> None:
    """`regional: [quebec]`: the Québec press calls a firm « une compagnie »; a paragraph of a
    Québec daily rarely names the province, the article does (here in its dateline)."""
    entries = """    entries:
      - source: company
        sense: entreprise
        forms: {la compagnie: l'entreprise}
        regional: [quebec]
        examples: {bad: ["La compagnie a levé des fonds."]}
"""
    flagged = [("La compagnie", "L'entreprise")]
    assert found(tmp_path, "La compagnie a levé des fonds.", entries) == flagged
    assert found(tmp_path, "Montréal, le 3 mars.\n\nLa compagnie a levé des fonds.", entries) == []
    assert found(tmp_path, "La compagnie a levé des fonds. Elle ouvre un bureau à Gatineau.", entries) == []
    # Names in lower case are other words; the region's names are written with their capital.
    assert found(tmp_path, "La compagnie a levé des fonds auprès de la famille laval.", entries) == flagged


def test_brace_expansion() -> None:
    assert expand_braces("adress{e,es}") == ["adresse", "adresses"]
    assert expand_braces("{a,b} {c,d}") == ["a c", "a d", "b c", "b d"]
    assert expand_braces("sans") == ["sans"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("      - {sense: s, forms: [x], examples: {bad: [x]}}\n", r"entries\[0\]\.source"),
        ("      - {source: s, sense: s, forms: [x], pattern: x, examples: {bad: [x]}}\n", "either"),
        ("      - {source: s, sense: s, pattern: x, examples: {bad: [x]}}\n", "trigger"),
        ("      - {source: s, sense: s, forms: [x], colour: red, examples: {bad: [x]}}\n", "colour"),
        ("      - {source: s, sense: s, forms: [x]}\n", "examples"),
        ("      - {source: s, sense: s, forms: [x], from: fr, examples: {bad: [x]}}\n", "from"),
        ("      - {source: s, sense: s, forms: [x], trigger-at: word, examples: {bad: [x]}}\n", "trigger-at"),
        (
            "      - {source: s, sense: s, pattern: x, trigger: x, trigger-at: mot, examples: {bad: [x]}}\n",
            "trigger-at.*should be one of anywhere, word-start, word-end, word",
        ),
        ("      - {source: s, sense: s, forms: [x], context-in: page, examples: {bad: [x]}}\n", "context-in"),
        (
            "      - {source: s, sense: s, forms: [x], regional: [texas], examples: {bad: [x]}}\n",
            "regional.*quebec",
        ),
        ("      - {source: s, sense: s, forms: [x], regional: quebec, examples: {bad: [x]}}\n", "regional"),
    ],
)
def test_invalid_entries_name_the_field(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        load_ruleset(rule_file(tmp_path, HEAD + "    entries:\n" + entry))


def test_a_pattern_entry_can_want_its_triggers_as_words(tmp_path: Path) -> None:
    """`trigger-at: word`: the trigger « mai » wakes the entry as a word, not inside « maire »
    (this pattern would take « maire » whole if the trigger let it run there)."""
    entry = """    entries:
      - source: may
        sense: mai
        pattern: '\\p{L}*mai\\p{L}*'
        trigger: [mai]
        trigger-at: EDGES
        examples: {bad: ["Le 3 mai."]}
"""
    for text, anywhere, as_word in (
        ("Le maire signe.", [("maire", None)], []),
        ("Le 3 mai, le maire signe.", [("mai", None), ("maire", None)], [("mai", None)]),
        ("Le 3 MAI.", [("MAI", None)], [("MAI", None)]),
    ):
        assert found(tmp_path, text, entry.replace("EDGES", "anywhere")) == anywhere, text
        assert found(tmp_path, text, entry.replace("EDGES", "word")) == as_word, text
    start = entry.replace("trigger: [mai]", "trigger: [ma]").replace("EDGES", "word-start")
    assert found(tmp_path, "Le maire signe.", start) == [("maire", None)]
    assert found(tmp_path, "Un emai signé.", start) == []


def test_selftest_checks_each_entry_and_its_triggers(tmp_path: Path) -> None:
    entries = """    entries:
      - source: a
        sense: b
        forms: [foo]
        examples: {bad: ["Un bar ici."]}
      - source: c
        sense: d
        forms: [bar]
        examples: {bad: ["Un bar là."]}
      - source: e
        sense: f
        pattern: 'zig\\w*'
        trigger: [zigzag]
        examples: {bad: ["Un zigzag."], good: ["Un zigouigoui."]}
"""
    rules = list(load_ruleset(rule_file(tmp_path, HEAD + entries)).rules)
    failures = [failure.message for failure in run_selftest(rules, rules)]
    assert "entry 'a': bad example 'Un bar ici.' is not flagged by it" in failures
    assert any("entry 'e': its trigger hides matches in 'Un zigouigoui.'" in f for f in failures)
    assert not any("entry 'c'" in f for f in failures)


TWO_RULES = """ruleset:
  prefix: essai
  category: mt
rules:
  - id: {first}
    kind: lexicon
    message: "« {{match}} » : {{from}} « {{source}} » ({{sense}})"
    entries:
      - source: next week
        sense: la semaine prochaine
        forms: {{la prochaine semaine: la semaine prochaine}}
        examples: {{bad: ["Il part la prochaine semaine."]}}
  - id: {second}
    kind: lexicon
    from: es
    message: "« {{match}} » : {{from}} « {{source}} » ({{sense}})"
    entries:
      - source: la próxima semana
        sense: la semaine prochaine
        forms: {{la prochaine semaine: la semaine prochaine}}
        examples: {{bad: ["Il part la prochaine semaine."]}}
"""


def test_rules_flagging_one_span_report_in_the_rule_sets_order(tmp_path: Path) -> None:
    """Which of two rules on one span the engine keeps follows the rule set's order, whatever
    the order of the rule objects in memory, and whether the checker was just built or read
    back from the cache."""
    loaded = load_ruleset(rule_file(tmp_path, TWO_RULES.format(first="anglais", second="espagnol"))).rules
    text = "Ils partent la prochaine semaine. Elle revient la prochaine semaine."
    for rules in (loaded, loaded[::-1]):
        built = RuleChecker(rules)
        expected = [rule.id for rule in rules] * 2
        for checker in (built, pickle.loads(pickle.dumps(built))):
            issues = checker.check(Document(text))
            assert [issue.rule for issue in sorted(issues, key=lambda i: i.start)] == expected
