"""The human format: one block per issue with the source line underlined, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from textlint.document import Document
from textlint.issues import Issue, Safety, Severity
from textlint.reporters.common import (
    ReportOptions,
    applicable_fix,
    fix_counts,
    flagged_text,
    iter_issues,
    plural,
)
from textlint.reporters.display import ELLIPSIS, SPACE_GLYPH, describe, visible, width
from textlint.results import RunResult

RESET = "\x1b[0m"
SEVERITY_STYLES = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}
FIX_TAGS = {
    Safety.SAFE: " [safe fix]",
    Safety.UNSAFE: " [unsafe fix]",
    Safety.SUGGESTION: "",
}
LONG_LINE = 120  # code points; longer lines are cut around the span
CONTEXT = 40  # code points kept on each side of the span in a cut line
MAX_SUGGESTIONS = 5


def write_text(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    if options.statistics:
        stream.writelines(f"{row}\n" for row in statistics_rows(result))
    else:
        for file, issue in iter_issues(result):
            stream.write(header(file.document, issue, options.color) + "\n")
            if not options.quiet:
                stream.writelines(f"{line}\n" for line in details(file.document, issue, options))
    if not options.quiet:
        stream.writelines(f"{line}\n" for line in artifact_lines(result))
        stream.writelines(f"{line}\n" for line in unchecked_lines(result))
        stream.write(summary(result) + "\n")


def artifact_lines(result: RunResult) -> list[str]:
    """Per document with any, the density of machine-translation and scraping issues."""
    return [
        f"{file.document.path}: {file.artifacts_per_1000_words:g} machine-translation or scraping "
        f"issues per 1,000 words ({file.artifacts} in {file.words} words)"
        for file in result.files
        if file.artifacts
    ]


def unchecked_lines(result: RunResult) -> list[str]:
    """Files deliberately skipped, checks that could not run, files that could not be read."""
    lines = [f"{file.document.path}: {file.skipped}" for file in result.skipped]
    lines += [
        f"{file.document.path}: {item.check} not checked: {item.reason}"
        for file in result.incomplete
        for item in file.unchecked
    ]
    lines += [f"not checked: {failure}" for failure in result.not_checked]
    return lines + [f"not fixed: {failure}" for failure in result.not_fixed]


def paint(text: str, severity: Severity, color: bool) -> str:
    return f"{SEVERITY_STYLES[severity]}{text}{RESET}" if color else text


def header(document: Document, issue: Issue, color: bool = False) -> str:
    """`path:line:col: RULE message`."""
    line, column = document.position(issue.start)
    rule = paint(issue.rule, issue.severity, color)
    return f"{document.path}:{line}:{column}: {rule} {issue.message}"


def details(document: Document, issue: Issue, options: ReportOptions) -> list[str]:
    """The underlined source line, the suggestion and the rewrites if any, and a blank line."""
    lines = excerpt(document, issue, options.color)
    for advice in (suggestion(document, issue), hints(issue)):
        if advice is not None:
            lines.append(advice)
    lines.append("")
    return lines


def excerpt(document: Document, issue: Issue, color: bool = False) -> list[str]:
    """The issue's first line, made visible, with carets under the span (to the line's end)."""
    line, column = document.position(issue.start)
    text = document.line_text(line)
    start = min(column - 1, len(text))
    end_line, end_column = document.position(issue.end)
    end = end_column - 1 if end_line == line else len(text)
    shown, pad, span = layout(text, start, max(start, min(end, len(text))))
    # Trailing spaces would vanish at the end of a terminal line: show them as ␣.
    core = shown.rstrip(" ")
    shown = core + SPACE_GLYPH * (len(shown) - len(core))
    gutter = str(line)
    carets = paint("^" * span, issue.severity, color)
    return [
        f"  {gutter} | {shown}".rstrip(),
        f"  {' ' * len(gutter)} | {' ' * pad}{carets}",
    ]


def layout(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The visible line (cut if long), the cells before the span and the cells of the span."""
    low, high = window(len(text), start, end)
    before = (ELLIPSIS if low > 0 else "") + visible(text[low:start])
    inside = visible(text[start:end])
    after = visible(text[end:high]) + (ELLIPSIS if high < len(text) else "")
    return before + inside + after, width(before), max(1, width(inside))


def window(length: int, start: int, end: int) -> tuple[int, int]:
    """The code points of a line to show: all of it, or the span with some context."""
    if length <= LONG_LINE:
        return 0, length
    return max(0, start - CONTEXT), min(length, max(end, start + 1) + CONTEXT)


def suggestion(document: Document, issue: Issue) -> str | None:
    """`  suggestion: « … » [safe fix]`, the list of suggestions, or None."""
    if issue.fix is not None:
        proposal = describe(issue.fix.replacement, flagged_text(document, issue))
        return f"  suggestion: {proposal}{FIX_TAGS[issue.fix.safety]}"
    if not issue.suggestions:
        return None
    flagged = flagged_text(document, issue)
    label = "suggestion" if len(issue.suggestions) == 1 else "suggestions"
    return f"  {label}: {_first_few([describe(value, flagged) for value in issue.suggestions])}"


def hints(issue: Issue) -> str | None:
    """`  consider: « … », « … »`: rewrites for the reader to adapt, or None."""
    if not issue.hints:
        return None
    return f"  consider: {_first_few([f'« {value} »' for value in issue.hints])}"


def _first_few(shown: list[str]) -> str:
    """At most `MAX_SUGGESTIONS` of `shown`, then `…` when there are more."""
    return ", ".join(shown[:MAX_SUGGESTIONS] + ([ELLIPSIS] if len(shown) > MAX_SUGGESTIONS else []))


def summary(result: RunResult) -> str:
    """`Found N issues (K fixable with --fix, …).`, then what could not be checked, if anything.

    "All checks passed." only when nothing was found and every file got every check; when some
    file could not be checked, the summary says how many were.
    """
    total = result.issue_count
    checked = f" in {plural(len(result.files), 'file')}" if result.not_checked else ""
    if not result.files and result.not_checked:
        head = "No file was checked"
    elif total:
        head = f"Found {plural(total, 'issue')}{checked}{_fix_note(result)}"
    elif result.incomplete or result.failures:
        head = f"No issues found{checked}"
    else:
        head = "All checks passed"
    notes = []
    if result.incomplete:
        notes.append(f"grammar was not checked in {plural(len(result.incomplete), 'file')}")
    if result.not_checked:
        notes.append(f"{plural(len(result.not_checked), 'file')} could not be checked")
    if result.not_fixed:
        notes.append(f"{plural(len(result.not_fixed), 'file')} could not be fixed")
    if result.skipped:
        notes.append(f"{plural(len(result.skipped), 'file')} skipped (not French)")
    return head + "".join(f"; {note}" for note in notes) + "."


def _fix_note(result: RunResult) -> str:
    safe, unsafe = fix_counts(result)
    notes = []
    if safe:
        notes.append(f"{safe} fixable with --fix")
    if unsafe:
        notes.append(f"{unsafe} {'more' if safe else 'fixable'} with --unsafe-fixes")
    return f" ({', '.join(notes)})" if notes else ""


def statistics_rows(result: RunResult) -> list[str]:
    """One aligned row per rule, most frequent first: count, rule id, fix marker, summary.

    The marker is `[*]` when some of the rule's issues have a safe fix, `[-]` when they only
    have unsafe ones, `[ ]` otherwise.
    """
    counts: Counter[str] = Counter()
    safeties: dict[str, set[Safety]] = {}
    for _, issue in iter_issues(result):
        counts[issue.rule] += 1
        fix = applicable_fix(issue)
        safeties.setdefault(issue.rule, set()).update([fix.safety] if fix else [])
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return format_rows(
        [(count, rule, marker_for(safeties[rule]), rule_summary(result, rule)) for rule, count in ranked]
    )


def marker_for(safeties: set[Safety]) -> str:
    if Safety.SAFE in safeties:
        return "[*]"
    return "[-]" if Safety.UNSAFE in safeties else "[ ]"


def rule_summary(result: RunResult, rule: str) -> str:
    doc = result.rules.get(rule)
    return doc.summary if doc is not None else ""


def format_rows(rows: Sequence[tuple[int, str, str, str]]) -> list[str]:
    if not rows:
        return []
    count_width = max(len(str(row[0])) for row in rows)
    rule_width = max(len(row[1]) for row in rows)
    return [
        f"{count:>{count_width}}  {rule:<{rule_width}}  {marker} {text}".rstrip()
        for count, rule, marker, text in rows
    ]
