"""The YAML rule sets: their format, loading, rule kinds, the checker that runs them, self-tests.

A rule file under `rules/` becomes a `Ruleset` of `Rule`s (`loader`, `registry`, `fields`);
each rule's kind lives in `kinds/`; `RuleChecker` runs a list of rules on a document with one
shared phrase scan (`phrases`) and one trigger scan (`triggers`); `selftest` checks rules
against their own examples; `compiled` keeps loaded rules in the cache folder.

The names below are imported on first use: importing one light module of the package
(`files`, `compiled`) does not import the YAML parser and every rule kind.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textlint.yamlrules.checker import RuleChecker
    from textlint.yamlrules.files import builtin_rules_dir
    from textlint.yamlrules.loader import Ruleset, load_ruleset, load_rulesets

_HOMES = {
    "RuleChecker": "textlint.yamlrules.checker",
    "Ruleset": "textlint.yamlrules.loader",
    "builtin_rules_dir": "textlint.yamlrules.files",
    "load_ruleset": "textlint.yamlrules.loader",
    "load_rulesets": "textlint.yamlrules.loader",
}

__all__ = ["RuleChecker", "Ruleset", "builtin_rules_dir", "load_ruleset", "load_rulesets"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'textlint.yamlrules' has no attribute {name!r}")
    return getattr(import_module(home), name)
