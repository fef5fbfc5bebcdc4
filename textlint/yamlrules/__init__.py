"""The YAML rule sets: their format, loading, rule kinds, the checker that runs them, self-tests.

A rule file under `rules/` becomes a `Ruleset` of `Rule`s (`loader`, `registry`, `fields`);
each rule's kind lives in `kinds/`; `RuleChecker` runs a list of rules on a document with one
shared phrase scan (`phrases`) and one trigger scan (`triggers`); `selftest` checks rules
against their own examples.
"""

from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.loader import Ruleset, builtin_rules_dir, load_ruleset, load_rulesets

__all__ = ["RuleChecker", "Ruleset", "builtin_rules_dir", "load_ruleset", "load_rulesets"]
