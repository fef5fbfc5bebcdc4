"""Every shipped rule is checked against its own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.document import Document
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.files import builtin_rules_dir, rule_files
from textlint.yamlrules.kinds.table import KINDS
from textlint.yamlrules.loader import load_ruleset, load_rulesets
from textlint.yamlrules.rule import BadExample, Rule
from textlint.yamlrules.selftest import SelfTest, run_selftest

RULESETS = load_rulesets([builtin_rules_dir()])
RULES = [rule for ruleset in RULESETS for rule in ruleset.rules]


def test_rules_are_shipped() -> None:
    assert rule_files([builtin_rules_dir()]), "no rule files found"
    used = {rule.header.kind for rule in RULES}
    assert used == {*KINDS, "entity"}, "every rule kind, and the entity registry, is used by shipped rules"


@pytest.fixture(scope="module")
def tester() -> SelfTest:
    """One self-test for every shipped rule, as `textlint rules test` runs them: the checkers
    of the rules that run beside a rule (fixed texts are checked against them) are built once
    per language instead of once per rule."""
    return SelfTest(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_examples(tester: SelfTest, rule: Rule) -> None:
    failures = tester.check_rule(rule)
    assert not failures, "\n".join(map(str, failures))


def test_rule_without_examples_fails() -> None:
    rule = RULES[0]
    bare = type(rule).__new__(type(rule))
    bare.__dict__.update(rule.__dict__)
    bare.header = rule.header.__class__(**{**rule.header.__dict__, "bad": (), "good": ()})
    failures = run_selftest([bare], RULES)
    assert any("at least one bad and one good" in failure.message for failure in failures)


def test_wrong_expected_fix_fails() -> None:
    rule = next(rule for rule in RULES if rule.id == "typo.space-before-colon")
    wrong = rule.header.__class__(
        **{**rule.header.__dict__, "bad": (BadExample("Il dit : non.", "Il dit: non."),)}
    )
    bare = type(rule).__new__(type(rule))
    bare.__dict__.update({**rule.__dict__, "header": wrong})
    failures = run_selftest([bare], RULES)
    assert any("expected 'Il dit: non.'" in failure.message for failure in failures)


# Clean copy for each rule family: nothing may fire on correctly written French news text.
CLEAN = {
    "typo": (
        "Le gouvernement a tranché\u00a0: la réforme des retraites attendra l’automne. "
        "Pourquoi\u202f? Le ministre parle d’un «\u00a0calendrier intenable\u00a0»\u202f; "
        "les syndicats saluent un «\u202frépit\u202f». Rendez-vous au 3 rue de la Paix. "
        "Voir https://exemple.fr/dossier?page=2 et le rapport de l’État sur l’Égypte… "
        "Le score final, 3:1, ravit les supporteurs ;-)"
    ),
    "mt": (
        "Nous nous sommes rendus à Lyon, où vous vous êtes installés l'an dernier. "
        "Le budget passe de 1 000 000 à 1 200 000 euros : une hausse très très nette. "
        "Le conseil de la ville a voté le texte."
    ),
    "enc": (
        "Le budget de février a été voté à l'unanimité, c’est une première. Marks & Spencer "
        "ferme deux magasins ; le chômage baisse de 3\u00a0%. Une famille 👨\u200d👩\u200d👧 "
        "pose sur la photo du modèle TP3, « Ã » mis à part."
    ),
    "scrape": (
        "Le conseil municipal a voté le budget le 3 mars 2025.\n"
        "Il faut lire aussi le rapport de la Cour des comptes, publié en février.\n"
        "Les abonnés du réseau de bus paieront moins cher."
    ),
    "entity": (
        "Google a racheté DeepMind en 2014 ; OpenAI a lancé ChatGPT fin 2022 et Anthropic "
        "développe Claude 2. Le principe anthropique divise les physiciens, et Claudie fête "
        "ses 20 ans sur LinkedIn et YouTube."
    ),
}


@pytest.mark.parametrize("family", sorted(CLEAN))
def test_clean_text_raises_nothing(family: str) -> None:
    rules = [rule for rule in RULES if rule.id.startswith(family + ".")]
    assert rules
    issues = RuleChecker(rules).check(Document(CLEAN[family]))
    assert issues == [], [(i.rule, CLEAN[family][i.start : i.end]) for i in issues]


def test_a_trigger_that_hides_matches_fails(tmp_path: Path) -> None:
    path = tmp_path / "maison.yaml"
    path.write_text(
        "ruleset:\n  prefix: maison\nrules:\n"
        "  - id: deux-points\n    kind: pattern\n    message: m\n    pattern: ' :'\n"
        '    replacement: "\\u00a0:"\n    trigger: [";"]\n'
        "    examples:\n"
        '      bad: [{text: "Il dit : non.", fixed: "Il dit\\u00a0: non."}]\n'
        '      good: ["Il dit\\u00a0: non."]\n',
        encoding="utf-8",
    )
    rules = list(load_ruleset(path).rules)
    failures = run_selftest(rules, rules)
    assert any("trigger hides matches" in failure.message for failure in failures), failures
