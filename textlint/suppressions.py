"""Inline suppressions: `textlint-disable`, `textlint-enable`, `textlint-disable-next-line`.

In Markdown and HTML they are comments (`<!-- textlint-disable typo.colon-space -->`); in plain
text, a line of its own holding the directive, optionally after `#` or `//`. Without rule ids a
directive covers every rule; ids may be full ids or prefixes, separated by commas or spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from textlint import regexes
from textlint.document import Document, Span
from textlint.issues import Issue, Severity, Source
from textlint.selection import matches_any

UNUSED_RULE = "textlint.unused-suppression"

_DIRECTIVE = regexes.compile(
    r"^[ \t]*(?:<!--[ \t]*|(?:#|//)[ \t]*)?textlint-(?P<action>disable-next-line|disable|enable)"
    r"(?![\w-])[ \t]*(?P<rules>[^\n]*?)[ \t]*(?:-->)?[ \t]*\r?$",
    regex.MULTILINE,
)


@dataclass
class Suppression:
    """Lines [first, last] (1-based, inclusive) where `rules` (empty: all) are silenced."""

    first: int
    last: int
    rules: tuple[str, ...]
    directive: Span
    used: bool = field(default=False)

    def covers(self, issue: Issue, line: int) -> bool:
        return self.first <= line <= self.last and (not self.rules or matches_any(issue.rule, self.rules))


def parse(doc: Document) -> list[Suppression]:
    """The suppressions a document declares, in order."""
    found: list[Suppression] = []
    open_ones: list[Suppression] = []
    last_line = len(doc.line_starts)
    for match in _DIRECTIVE.finditer(doc.text):
        line = doc.position(match.start())[0]
        rules = tuple(rule for rule in regex.split(r"[\s,]+", match.group("rules")) if rule)
        span = Span(match.start(), match.end())
        action = match.group("action")
        if action == "disable-next-line":
            found.append(Suppression(line + 1, line + 1, rules, span))
        elif action == "disable":
            suppression = Suppression(line + 1, last_line, rules, span)
            found.append(suppression)
            open_ones.append(suppression)
        else:
            for suppression in [s for s in open_ones if not rules or set(s.rules) & set(rules)]:
                suppression.last = line - 1
                open_ones.remove(suppression)
    return found


def apply(doc: Document, issues: Sequence[Issue], report_unused: bool = False) -> list[Issue]:
    """Drop suppressed issues (and issues inside directives); optionally report unused ones."""
    suppressions = parse(doc)
    if not suppressions:
        return list(issues)
    kept = []
    for issue in issues:
        if any(s.directive.start <= issue.start < s.directive.end for s in suppressions):
            continue
        line = doc.position(issue.start)[0]
        covering = [s for s in suppressions if s.covers(issue, line)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(issue)
    if report_unused:
        kept.extend(_unused(s) for s in suppressions if not s.used)
    return kept


def _unused(suppression: Suppression) -> Issue:
    what = ", ".join(suppression.rules) or "all rules"
    return Issue(
        rule=UNUSED_RULE,
        source=Source.TEXTLINT,
        severity=Severity.WARNING,
        start=suppression.directive.start,
        end=suppression.directive.end,
        message=f"unused suppression ({what}): nothing was reported here",
        category="internal",
    )
