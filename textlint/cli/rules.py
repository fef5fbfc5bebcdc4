"""`textlint rules list | explain | test`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from functools import cache
from pathlib import Path

from textlint.cli import COMMANDS
from textlint.cli.options import add_rule_options, lint_options
from textlint.config import Config, LintOptions
from textlint.errors import ConfigError
from textlint.languagetool import LanguageToolChecker
from textlint.languagetool.mapping import RULE_PREFIX
from textlint.linter import Linter, rulesets_for
from textlint.yamlrules import load_rulesets
from textlint.yamlrules.rule import Rule, Vocabulary
from textlint.yamlrules.selftest import Failure, run_selftest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = subparsers.add_parser("rules", help=COMMANDS["rules"])
    actions = rules.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", help="list the rules in force under the configuration and the options given"
    )
    add_rule_options(listing)
    listing.add_argument("--config", help="configuration file (default: found upward from here)")
    listing.add_argument("--all", action="store_true", help="every loaded rule, in force or not")
    listing.add_argument(
        "--languagetool", action="store_true", help="LanguageTool's rules instead (starts the server)"
    )
    listing.set_defaults(func=_list)
    explain = actions.add_parser("explain", help="show a rule's message, rationale and examples")
    explain.add_argument("rule", metavar="ID")
    explain.add_argument("--config", help="configuration file")
    explain.set_defaults(func=lambda args: explain_rule(args.rule, LintOptions(config=args.config)))
    test = actions.add_parser("test", help="check rule files against their own examples")
    test.add_argument("paths", nargs="+", metavar="PATH", help="rule files or folders")
    test.set_defaults(func=lambda args: test_rules(args.paths))


def _list(args: argparse.Namespace) -> int:
    options = lint_options(args)
    return list_grammar_rules(options, args.all) if args.languagetool else list_rules(options, args.all)


def _config(options: LintOptions) -> Config:
    """The configuration found from the current folder, without grammar (no server needed)."""
    config = options.config_for(Path.cwd())
    return replace(config, languagetool=replace(config.languagetool, enabled=False))


def _all_rules(config: Config) -> list[Rule]:
    return [rule for ruleset in rulesets_for(config.rule_dirs) for rule in ruleset.rules]


def list_rules(options: LintOptions, everything: bool = False) -> int:
    """The rules that run under `options` (with `everything`, all loaded rules and their state)."""
    config = _config(options)
    in_force = Linter(config).rules
    rules = _all_rules(config) if everything else in_force
    if not rules:
        print("0 rules")
        return 0
    running = {rule.id for rule in in_force}
    width = max(len(rule.id) for rule in rules)
    kind_width = max(len(rule.header.kind) for rule in rules)
    for rule in rules:
        header = rule.header
        state = "" if rule.id in running else "  (off)" if header.enabled else "  (off by default)"
        kind, severity, fix = header.kind, header.severity.label, header.safety.label
        print(f"{rule.id:<{width}}  {kind:<{kind_width}} {severity:<7}  fix:{fix:<10}{state}")
    print(f"{len(rules)} rules" + (f", {len(running)} in force" if everything else ""))
    return 0


def list_grammar_rules(options: LintOptions, everything: bool = False) -> int:
    """LanguageTool's rules for the configured language: those in force, or all with why not."""
    rules = _grammar(options).catalog()
    shown = rules if everything else [rule for rule in rules if rule.in_force]
    width = max((len(rule.id) for rule in shown), default=0)
    for rule in shown:
        state = "" if rule.in_force else f"  (off: {rule.why})"
        print(f"{rule.id:<{width}}  {rule.category:<24} {rule.description}{state}")
    in_force = sum(rule.in_force for rule in rules)
    print(f"{len(shown)} LanguageTool rules" + (f", {in_force} in force" if everything else ""))
    return 0


def _grammar(options: LintOptions) -> LanguageToolChecker:
    config = options.config_for(Path.cwd())
    config = replace(config, languagetool=replace(config.languagetool, enabled=True))
    grammar = Linter(config).grammar
    if grammar is None:
        raise ConfigError("LanguageTool rules are not selected (see select and ignore)")
    return grammar


def explain_rule(rule_id: str, options: LintOptions) -> int:
    if rule_id.startswith(RULE_PREFIX):
        return _explain_grammar_rule(rule_id, options)
    rules = {rule.id: rule for rule in _all_rules(_config(options))}
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


def _explain_grammar_rule(rule_id: str, options: LintOptions) -> int:
    rules = {rule.id: rule for rule in _grammar(options).catalog()}
    if rule_id not in rules:
        raise ConfigError(
            f"LanguageTool has no rule {rule_id!r} (see `textlint rules list --languagetool --all`)"
        )
    rule = rules[rule_id]
    print(f"{rule.id} (LanguageTool, category {rule.category})")
    print(f"  description: {rule.description}")
    print(f"  state: {'in force' if rule.in_force else 'off'} ({rule.why})")
    switch, state = ("disable", "off") if rule.in_force else ("enable", "on")
    setting = f'[tool.textlint.languagetool] {switch} = ["{rule.id.removeprefix(RULE_PREFIX)}"]'
    print(f"  to turn it {state}: {setting}")
    return 0


def test_rules(paths: list[str]) -> int:
    """Check a user's rule files against their examples; fixed texts must also pass the built-ins."""
    builtin = {rule.id: rule for rule in _all_rules(Config())}
    # Kinds that derive their matches from the registries see the built-in ones too.
    known = Vocabulary.of(rule for rule in builtin.values() if rule.header.kind == "entity")
    own = [rule for ruleset in load_rulesets([Path(p) for p in paths], known) for rule in ruleset.rules]
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
    """The same rule file, or a byte-identical copy of it: an installed textlint ships a copy
    of the rule sets, and a source checkout's `rules/` tested with it is not a clash."""
    mine, theirs = Path(rule.header.path).resolve(), Path(other.header.path).resolve()
    return mine == theirs or ((data := _contents(mine)) is not None and data == _contents(theirs))


@cache
def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
