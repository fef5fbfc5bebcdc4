"""The checker that runs YAML rules: one shared phrase scan, then each regex-based rule."""

from __future__ import annotations

from collections.abc import Iterable

from textlint.document import Document
from textlint.issues import Issue, Severity, Source
from textlint.yamlrules.kinds import PhraseRule, Rule
from textlint.yamlrules.kinds.pattern import PatternRule
from textlint.yamlrules.kinds.phrase import Entry, add_to_index
from textlint.yamlrules.matching import PatternTimeoutError, time_limit
from textlint.yamlrules.phrases import PhraseIndex
from textlint.yamlrules.triggers import TriggerIndex

TIMEOUT_RULE = "textlint.yamlrules.rule-timeout"


class RuleChecker:
    """Runs a fixed list of YAML rules on documents."""

    source = "yaml"

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self.phrase_index: PhraseIndex[tuple[PhraseRule, Entry]] = PhraseIndex()
        self.triggers = TriggerIndex()
        self.triggered: dict[str, PatternRule] = {}
        self.other_rules: list[Rule] = []
        for rule in self.rules:
            if isinstance(rule, PhraseRule):
                add_to_index(self.phrase_index, rule)
            elif isinstance(rule, PatternRule) and rule.trigger:
                self.triggers.add(rule.id, rule.trigger)
                self.triggered[rule.id] = rule
            else:
                self.other_rules.append(rule)
        # Both automata are compiled now: a checker is shared by every thread of a server.
        self.phrase_index.build()
        self.triggers.build()

    def check(self, doc: Document) -> list[Issue]:
        issues = self._phrase_issues(doc)
        windows = self.triggers.windows(doc) if self.triggers else {}
        for rule_id, rule_windows in windows.items():
            triggered = self.triggered[str(rule_id)]
            found = triggered.find_in(doc, rule_windows)
            accepted = (i for i in found if triggered.accepts(doc, i.start, i.end))
            issues.extend(self._guarded(triggered, doc, accepted))
        for rule in self.other_rules:
            issues.extend(self._guarded(rule, doc, rule.check(doc)))
        return issues

    @staticmethod
    def _guarded(rule: Rule, doc: Document, found: Iterable[Issue]) -> list[Issue]:
        try:
            return list(found)
        except PatternTimeoutError:
            return [_timeout_issue(rule, doc)]

    def _phrase_issues(self, doc: Document) -> list[Issue]:
        """Phrase matches, keeping only the longest where one rule's phrases overlap (« Etats-Unis »)."""
        found = sorted(self.phrase_index.find(doc.text), key=lambda m: (id(m[2][0]), m[0], -m[1]))
        issues = []
        reach: dict[int, int] = {}
        for start, end, (rule, entry) in found:
            if start < reach.get(id(rule), -1):
                continue
            if rule.accepts(doc, start, end) and (issue := rule.issue_for(doc, start, end, entry)):
                # An issue may cover more than its phrase (a whole damaged word): later phrases
                # of the same rule inside it are the same problem.
                reach[id(rule)] = max(end, issue.end)
                issues.append(issue)
        return issues


def _timeout_issue(rule: Rule, doc: Document) -> Issue:
    """A rule whose regex ran too long is skipped for this document, and says so."""
    return Issue(
        rule=TIMEOUT_RULE,
        source=Source.TEXTLINT,
        severity=Severity.ERROR,
        start=0,
        end=0,
        message=f"rule {rule.id} ran longer than {time_limit(doc.text):.0f} s on this document: skipped",
        category="internal",
    )
