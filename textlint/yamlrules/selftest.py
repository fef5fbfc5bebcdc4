"""Rules test themselves: every rule's bad and good examples are checked against the rule.

Used by the test suite on the shipped rules and by `textlint rules test PATH` on a
newsroom's own rule files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textlint.document import Document
from textlint.fixer import fix_text
from textlint.issues import Issue, Safety
from textlint.yamlrules.checker import RuleChecker
from textlint.yamlrules.kinds.lexicon import LexiconRule
from textlint.yamlrules.kinds.pattern import PatternRule
from textlint.yamlrules.rule import Rule


@dataclass(frozen=True)
class Failure:
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


class SelfTest:
    """Checks rules against their own examples, and fixed texts against all `rules`."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.context = [rule for rule in rules if rule.header.enabled]
        self._checkers: dict[tuple[str, ...], RuleChecker] = {}

    def everything(self, rule: Rule) -> RuleChecker:
        """The rules that run beside `rule`: enabled, sharing a language, not replaced by it."""
        key = (*rule.header.languages, "|", *rule.header.replaces)
        if key not in self._checkers:
            self._checkers[key] = RuleChecker(
                r
                for r in self.context
                if r.header.shares_language(rule.header) and r.id not in rule.header.replaces
            )
        return self._checkers[key]

    def check_rule(self, rule: Rule) -> list[Failure]:
        failures: list[Failure] = []
        if not rule.header.bad or not rule.header.good:
            failures.append(Failure(rule.id, "needs at least one bad and one good example"))
        alone = RuleChecker([rule])
        for example in rule.header.bad:
            failures.extend(self._check_bad(rule, alone, example.text, example.fixed))
        for text in rule.header.good:
            found = alone.check(Document(text))
            if found:
                failures.append(
                    Failure(rule.id, f"good example {text!r} is flagged: {_describe(found[0], text)}")
                )
        failures.extend(_check_trigger(rule, alone))
        if isinstance(rule, LexiconRule):
            failures.extend(_check_lexicon_entries(rule))
        return failures

    def _check_bad(self, rule: Rule, alone: RuleChecker, text: str, fixed: str | None) -> list[Failure]:
        if not alone.check(Document(text)):
            return [Failure(rule.id, f"bad example {text!r} is not flagged")]
        # Suggestion-level fixes are applied too: the example states what the fix proposes.
        outcome = fix_text(text, lambda t: alone.check(Document(t)), Safety.SUGGESTION)
        if fixed is None:
            if outcome.applied:
                return [Failure(rule.id, f"bad example {text!r} has a fix: add 'fixed: {outcome.text!r}'")]
            return []
        if outcome.text != fixed:
            return [Failure(rule.id, f"fixing {text!r} gives {outcome.text!r}, expected {fixed!r}")]
        others = self.everything(rule).check(Document(fixed))
        if others:
            return [Failure(rule.id, f"fixed text {fixed!r} is flagged: {_describe(others[0], fixed)}")]
        return []


def _check_trigger(rule: Rule, alone: RuleChecker) -> list[Failure]:
    """A declared trigger must not change what the rule finds in any of its examples."""
    if not isinstance(rule, PatternRule) or not rule.trigger:
        return []
    for text in (*rule.header.good, *(example.text for example in rule.header.bad)):
        doc = Document(text)
        with_trigger = sorted(alone.check(doc), key=Issue.sort_key)
        without = sorted(rule.check(doc), key=Issue.sort_key)
        if with_trigger != without:
            return [
                Failure(rule.id, f"its trigger hides matches in {text!r}: add the missing trigger strings")
            ]
    return []


def _check_lexicon_entries(rule: LexiconRule) -> list[Failure]:
    """Each entry of a lexicon flags its own bad examples, and its regular expression (if any)
    finds nothing in its examples that its triggers would hide."""
    failures = []
    for item in rule.items:
        for example in item.bad:
            if not rule.find_item(Document(example.text), item):
                failures.append(
                    Failure(
                        rule.id, f"entry {item.source!r}: bad example {example.text!r} is not flagged by it"
                    )
                )
        if item.pattern is None:
            continue
        for text in (*item.good, *(example.text for example in item.bad)):
            doc = Document(text)
            found = {(i.start, i.end) for i in rule.find_item(doc, item)}
            allowed = {m.span() for m in item.pattern.finditer(text) if item.allows(doc, *m.span())}
            if not allowed <= found:
                failures.append(
                    Failure(rule.id, f"entry {item.source!r}: its trigger hides matches in {text!r}")
                )
    return failures


def _describe(issue: Issue, text: str) -> str:
    return f"{issue.rule} on {text[issue.start : issue.end]!r} ({issue.message})"


def run_selftest(rules: Sequence[Rule], context: Sequence[Rule] | None = None) -> list[Failure]:
    """Failures of every rule in `rules`; fixed texts are checked against `context` (default: rules)."""
    tester = SelfTest(context if context is not None else rules)
    return [failure for rule in rules for failure in tester.check_rule(rule)]
