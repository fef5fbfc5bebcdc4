"""The checker that runs YAML rules: one shared phrase scan, then each regex-based rule."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from textlint.document import Document
from textlint.issues import TIMEOUT_RULE, Issue, Severity, Source
from textlint.yamlrules.kinds.pattern import PatternRule
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule, add_to_index
from textlint.yamlrules.matching import PatternTimeoutError, TimeBudget, rules_done, time_limit
from textlint.yamlrules.packed import Packed
from textlint.yamlrules.phrases import PhraseIndex
from textlint.yamlrules.rule import Rule
from textlint.yamlrules.triggers import TriggerIndex

MAX_TIMEOUTS = 3  # documents a rule may time out on before the run stops running it


class RuleChecker:
    """Runs a fixed list of YAML rules on documents."""

    source = "yaml"

    def __init__(self, rules: Iterable[Rule]) -> None:
        # Read back from the compiled-rules cache, each rule is unpickled when a document first
        # needs it: most pattern rules never run on a given document (their triggers are absent).
        self._rules: Packed[Rule] = Packed(rules, page=1, compress=False)
        # Phrase rules report in the rule files' order, whichever process built the automaton:
        # when two flag the same span, the same one is kept in every run (see the engine).
        self.order = {rule.id: position for position, rule in enumerate(self._rules)}
        # Payloads refer to the rules: stored in the cache as references to `self._rules`.
        self.phrase_index: PhraseIndex[tuple[PhraseRule, Entry]] = PhraseIndex(self._rules)
        self.triggers = TriggerIndex()
        triggered: dict[str, PatternRule] = {}
        self.other_rules: list[Rule] = []
        for rule in self._rules:
            if isinstance(rule, PhraseRule):
                add_to_index(self.phrase_index, rule)
            elif isinstance(rule, PatternRule) and rule.trigger:
                self.triggers.add(rule.id, rule.trigger, rule.trigger_at)
                triggered[rule.id] = rule
            else:
                self.other_rules.append(rule)
        self.triggered: Mapping[str, PatternRule] = triggered
        # Both automata are compiled now: a checker is shared by every thread of a server.
        self.phrase_index.build()
        self.triggers.build()
        self.timeouts = _Timeouts()

    # Stored in the compiled-rules cache: the automata and the rules (packed, the others by
    # their place among them), never a run's timeouts.
    def __getstate__(self) -> dict[str, object]:
        state = {name: value for name, value in vars(self).items() if name not in _BY_PLACE}
        state["triggered"] = {rule_id: self.order[rule_id] for rule_id in self.triggered}
        state["other_rules"] = [self.order[rule.id] for rule in self.other_rules]
        del state["timeouts"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        triggered: dict[str, int] = state.pop("triggered")  # type: ignore[assignment]
        others: list[int] = state.pop("other_rules")  # type: ignore[assignment]
        vars(self).update(state)
        self.triggered = _Unpacked(self._rules, triggered)
        self.other_rules = [self._rules[place] for place in others]  # every document runs them
        self.timeouts = _Timeouts()

    def check(self, doc: Document) -> list[Issue]:
        limit = time_limit(doc.text)  # each rule's, the same for every rule of the document
        try:
            issues = self._phrase_issues(doc, limit)
            if self.triggers:
                triggered = self.triggered
                for rule_id, rule_windows in self.triggers.windows(doc).items():
                    rule = triggered[str(rule_id)]
                    issues.extend(self._timed(rule, limit, _accepted, rule, doc, rule_windows))
            for other in self.other_rules:
                issues.extend(self._timed(other, limit, _all, other, doc))
        finally:
            rules_done()
        return issues

    def _timed(self, rule: Rule, limit: float, run: Callable[..., list[Issue]], *args: Any) -> list[Issue]:
        """`run(*args)`, the rule's issues, or one issue saying it was skipped because it ran
        too long. (Arguments rather than a closure: called for each rule of every document.)"""
        if self.timeouts and self.timeouts.exhausted(rule.id):
            return [_skipped_issue(rule)]
        try:
            with TimeBudget(limit):
                return run(*args)
        except PatternTimeoutError as error:
            self.timeouts.add(rule.id)
            return [_timeout_issue(rule, limit, str(error))]

    def _phrase_issues(self, doc: Document, limit: float) -> list[Issue]:
        """Phrase matches, keeping only the longest where one rule's phrases overlap (« Etats-Unis »)."""
        found = sorted(self.phrase_index.find(doc.text), key=lambda m: (self.order[m[2][0].id], m[0], -m[1]))
        by_rule: dict[str, list[tuple[int, int, Entry]]] = {}
        rules: dict[str, PhraseRule] = {}
        for start, end, (rule, entry) in found:
            by_rule.setdefault(rule.id, []).append((start, end, entry))
            rules[rule.id] = rule
        issues: list[Issue] = []
        for key, matches in by_rule.items():
            rule = rules[key]
            issues.extend(self._timed(rule, limit, _phrase_matches, rule, doc, matches))
        return issues


_BY_PLACE = ("triggered", "other_rules")


class _Unpacked(Mapping[str, PatternRule]):
    """Pattern rules by id, each unpickled from the checker's packed rules when first asked for."""

    def __init__(self, rules: Packed[Rule], places: dict[str, int]) -> None:
        self._rules = rules
        self._places = places

    def __getitem__(self, rule_id: str) -> PatternRule:
        rule = self._rules[self._places[rule_id]]
        assert isinstance(rule, PatternRule)
        return rule

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._places  # without unpickling the rule

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


class _Timeouts:
    """Rules that ran past their time limit in this run: after a few documents they are skipped
    for the rest of the run, so a pathological house rule costs seconds, not an hour."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def add(self, rule_id: str) -> None:
        with self._lock:
            self._counts[rule_id] += 1

    def __bool__(self) -> bool:
        return bool(self._counts)  # nearly always empty: most runs never time out

    def exhausted(self, rule_id: str) -> bool:
        # Asked for every rule and document: a read needs no lock (a missing key is not added).
        return self._counts[rule_id] >= MAX_TIMEOUTS


def _all(rule: Rule, doc: Document) -> list[Issue]:
    return list(rule.check(doc))


def _accepted(rule: PatternRule, doc: Document, windows: list[tuple[int, int]]) -> list[Issue]:
    return [issue for issue in rule.find_in(doc, windows) if rule.accepts(doc, issue.start, issue.end)]


def _phrase_matches(rule: PhraseRule, doc: Document, matches: list[tuple[int, int, Entry]]) -> list[Issue]:
    issues = []
    reach = -1
    for start, end, entry in matches:
        if start < reach:
            continue
        if rule.accepts(doc, start, end) and (issue := rule.issue_for(doc, start, end, entry)):
            # An issue may cover more than its phrase (a whole damaged word): later phrases
            # of the same rule inside it are the same problem.
            reach = max(end, issue.end)
            issues.append(issue)
    return issues


def _timeout_issue(rule: Rule, limit: float, pattern: str) -> Issue:
    """A rule whose regex ran too long is skipped for this document, and says which regex."""
    shown = pattern if len(pattern) <= 60 else pattern[:59] + "…"
    message = (
        f"rule {rule.id} ({rule.header.path}) ran longer than {limit:.0f} s on this document and "
        f"was skipped: its regular expression {shown!r} backtracks too much; simplify it"
    )
    return _internal_issue(message)


def _skipped_issue(rule: Rule) -> Issue:
    message = (
        f"rule {rule.id} ({rule.header.path}) was not run: it ran past its time limit on "
        f"{MAX_TIMEOUTS} documents already in this run; simplify its regular expressions"
    )
    return _internal_issue(message)


def _internal_issue(message: str) -> Issue:
    return Issue(
        rule=TIMEOUT_RULE,
        source=Source.TEXTLINT,
        severity=Severity.ERROR,
        start=0,
        end=0,
        message=message,
        category="internal",
    )
