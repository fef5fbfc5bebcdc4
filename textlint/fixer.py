"""Applying fixes: non-overlapping edits per pass, re-linting until nothing changes.

As in ruff, fixes are sorted, any fix overlapping one already taken in the same pass waits
for the next pass, and passes are bounded: a text that keeps changing is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textlint.errors import FixError
from textlint.issues import Issue, Safety

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: tuple[Issue, ...]  # every fix applied, over all passes


def applicable(issues: Iterable[Issue], level: Safety) -> list[Issue]:
    """Issues whose fix may be applied at `level`, sorted by position.

    The CLI asks for SAFE or UNSAFE; only the rule self-test asks for SUGGESTION, to check
    what a suggestion-only fix would write.
    """
    return sorted((i for i in issues if i.fix is not None and i.fix.safety >= level), key=Issue.sort_key)


def apply_once(text: str, issues: Iterable[Issue]) -> tuple[str, list[Issue]]:
    """Apply the fixes of sorted `issues` that do not overlap an earlier one."""
    parts: list[str] = []
    applied: list[Issue] = []
    cursor = 0
    last_insert = -1
    tail = ""  # the last character written so far
    for issue in issues:
        assert issue.fix is not None
        if issue.start < cursor or (issue.start == issue.end == last_insert):
            continue
        if text[issue.start : issue.end] == issue.fix.replacement:
            continue
        before = text[issue.start - 1] if issue.start > cursor else tail
        after = text[issue.end : issue.end + 1]
        if _changes_line_ending(before, text[issue.start : issue.end], issue.fix.replacement, after):
            continue
        written = text[cursor : issue.start] + issue.fix.replacement
        parts.append(written)
        tail = written[-1:] or tail
        cursor = issue.end
        last_insert = issue.start if issue.start == issue.end else -1
        applied.append(issue)
    parts.append(text[cursor:])
    return "".join(parts), applied


def _changes_line_ending(before: str, span: str, replacement: str, after: str) -> bool:
    """Whether replacing `span` (between the characters `before` and `after`) would join a CR
    and an LF into one line ending, or split one: deleting an invisible character between
    « \r » and « \n » would merge two lines. A fix keeps a file's line endings as they are."""

    def pairs(middle: str) -> tuple[bool, bool]:
        joined = before + middle + after
        left = joined[len(before) - 1 : len(before) + 1] if before else ""
        right = joined[len(joined) - len(after) - 1 : len(joined) - len(after) + 1] if after else ""
        return left == "\r\n", right == "\r\n"

    return pairs(span) != pairs(replacement)


def fix_text(text: str, lint: Callable[[str], Iterable[Issue]], level: Safety) -> FixOutcome:
    """Fix `text` until no applicable fix remains; `lint` re-checks each intermediate text."""
    applied: list[Issue] = []
    for _ in range(MAX_PASSES):
        text, done = apply_once(text, applicable(lint(text), level))
        if not done:
            return FixOutcome(text, tuple(applied))
        applied.extend(done)
    rules = sorted({issue.rule for issue in applicable(lint(text), level)})
    if not rules:
        return FixOutcome(text, tuple(applied))
    raise FixError(f"fixes did not converge after {MAX_PASSES} passes (rules: {', '.join(rules)})")
