"""`textlint rules list | explain | test`."""

from __future__ import annotations

from pathlib import Path

from textlint.config import Config, find_config, load_config
from textlint.errors import ConfigError
from textlint.linter import rulesets_for
from textlint.loader import load_rulesets
from textlint.rule import Rule
from textlint.selftest import Failure, run_selftest


def _config(path: str | None) -> Config:
    return load_config(Path(path)) if path else find_config(Path.cwd())


def _all_rules(config: Config) -> list[Rule]:
    return [rule for ruleset in rulesets_for(config.rule_dirs) for rule in ruleset.rules]


def list_rules(config_path: str | None) -> int:
    rules = _all_rules(_config(config_path))
    width = max(len(rule.id) for rule in rules)
    kind_width = max(len(rule.header.kind) for rule in rules)
    for rule in rules:
        header = rule.header
        state = "" if header.enabled else "  (off by default)"
        kind, severity, fix = header.kind, header.severity.label, header.safety.label
        print(f"{rule.id:<{width}}  {kind:<{kind_width}} {severity:<7}  fix:{fix:<10}{state}")
    print(f"{len(rules)} rules")
    return 0


def explain_rule(rule_id: str, config_path: str | None) -> int:
    rules = {rule.id: rule for rule in _all_rules(_config(config_path))}
    if rule_id not in rules:
        raise ConfigError(f"unknown rule {rule_id!r} (see `textlint rules list`)")
    header = rules[rule_id].header
    print(f"{header.id} ({header.kind}, {header.severity.label}, fix: {header.safety.label})")
    print(f"  message: {header.message}")
    if header.description:
        print(f"  rationale: {' '.join(header.description.split())}")
    if header.reference:
        print(f"  reference: {header.reference}")
    print(f"  defined in: {header.path}")
    for example in header.bad:
        print(f"  bad:  {example.text!r}")
        if example.fixed is not None:
            print(f"   ->   {example.fixed!r}")
    for text in header.good:
        print(f"  good: {text!r}")
    return 0


def test_rules(paths: list[str]) -> int:
    """Check a user's rule files against their examples; fixed texts must also pass the built-ins."""
    own = [rule for ruleset in load_rulesets([Path(p) for p in paths]) for rule in ruleset.rules]
    builtin = {rule.id: rule for rule in _all_rules(Config())}
    # `check` refuses a house rule whose id a built-in rule already uses: so does this test.
    clashes = [rule.id for rule in own if rule.id in builtin and not _same_file(rule, builtin[rule.id])]
    own_ids = {rule.id for rule in own}
    context = [*own, *(rule for rule in builtin.values() if rule.id not in own_ids)]
    failures = run_selftest(own, context)
    failures += [Failure(rule_id, "id already used by a built-in rule") for rule_id in clashes]
    for failure in failures:
        print(f"FAIL {failure}")
    examples = sum(len(rule.header.bad) + len(rule.header.good) for rule in own)
    print(f"{len(own)} rules, {examples} examples: {len(failures)} failures")
    return 1 if failures else 0


def _same_file(rule: Rule, other: Rule) -> bool:
    return Path(rule.header.path).resolve() == Path(other.header.path).resolve()
